import { useEffect } from 'react';
import { SCENES } from '../core';
import { raceStore } from '../store/app-store';

/** The scene `delta` places from the current one in the lecture's order (from the ends if none). */
function sceneAfter(current: string | null, delta: number): string {
  const i = SCENES.findIndex((s) => s.id === current);
  const next = i < 0 ? (delta > 0 ? 0 : SCENES.length - 1) : i + delta;
  return SCENES[Math.min(SCENES.length - 1, Math.max(0, next))]!.id;
}

/**
 * Space plays/pauses, → steps once, R resets, P enters and leaves presenter mode (Escape leaves
 * it) — except while typing in a field. In presenter mode also: 1–9 open the lecture's scenes in
 * their list order, PageDown / PageUp (what presentation clickers send) the next / previous
 * scene, B blanks the stage and back.
 */
export function useKeyboard(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (
        t &&
        (t.tagName === 'INPUT' ||
          t.tagName === 'SELECT' ||
          t.tagName === 'TEXTAREA' ||
          t.isContentEditable)
      )
        return;
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const s = raceStore.getState();
      // While a clip renders the race belongs to the exporter.
      if (s.exporting) return;
      if (e.code === 'Space') {
        // Also stops a focused button from being clicked by the same key.
        e.preventDefault();
        s.togglePlay();
      } else if (e.key === 'ArrowRight') {
        e.preventDefault();
        s.stepOnce();
      } else if (e.key === 'r' || e.key === 'R') {
        s.reset();
      } else if (e.key === 'p' || e.key === 'P') {
        s.setPresenting(!s.presenting);
      } else if (e.key === 'Escape' && s.presenting) {
        s.setPresenting(false);
      } else if (s.presenting && /^[1-9]$/.test(e.key)) {
        const scene = SCENES[Number(e.key) - 1];
        if (scene) s.applyScene(scene.id);
      } else if (s.presenting && (e.key === 'PageDown' || e.key === 'PageUp')) {
        e.preventDefault();
        s.applyScene(sceneAfter(s.scene, e.key === 'PageDown' ? 1 : -1));
      } else if (s.presenting && (e.key === 'b' || e.key === 'B')) {
        s.setBlanked(!s.blanked);
      }
    };
    const onKeyUp = (e: KeyboardEvent) => {
      if (e.code === 'Space' && (e.target as HTMLElement | null)?.tagName === 'BUTTON')
        e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('keyup', onKeyUp);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('keyup', onKeyUp);
    };
  }, []);
}
