import { SCENES } from '../core';
import { raceStore, useRace } from '../store/app-store';
import { useT } from './use-t';

/** One button per lecture scene. */
export function ScenesPanel() {
  const t = useT().layout;
  const active = useRace((s) => s.scene);
  return (
    <section className="panel-section" aria-label={t.scenes}>
      <h2>{t.scenes}</h2>
      <div className="scene-buttons">
        {SCENES.map((s) => (
          <button
            key={s.id}
            data-testid={`scene-${s.id}`}
            aria-pressed={active === s.id}
            onClick={() => raceStore.getState().applyScene(s.id)}
          >
            {t.sceneNames[s.id] ?? s.id}
          </button>
        ))}
      </div>
    </section>
  );
}
