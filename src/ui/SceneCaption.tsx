import { getScene } from '../core';
import { useRace } from '../store/app-store';

/** The active scene's caption, in the current language, over the stage. */
export function SceneCaption() {
  const id = useRace((s) => s.scene);
  const language = useRace((s) => s.language);
  const scene = id ? getScene(id) : undefined;
  if (!scene) return null;
  return (
    <p className="scene-caption" data-testid="scene-caption">
      {scene.caption[language]}
    </p>
  );
}
