import { getScene } from '../core';
import { useRace } from '../store/app-store';
import { useT } from './use-t';

/**
 * The active scene's caption, in the current language, over the stage; with basin maps on, the
 * share of starts from which each visible runner reaches the global minimum (≈ while computing).
 */
export function SceneCaption() {
  const t = useT().swarm;
  const id = useRace((s) => s.scene);
  const language = useRace((s) => s.language);
  const basinsOn = useRace((s) => s.basinsOn);
  const shares = useRace((s) => s.basinsShares);
  const runners = useRace((s) => s.runners);
  const scene = id ? getScene(id) : undefined;
  const shown = basinsOn ? runners.filter((r) => r.visible && shares[r.id]) : [];
  if (!scene && shown.length === 0) return null;
  return (
    <p className="scene-caption" data-testid="scene-caption">
      {scene?.caption[language]}
      {shown.length > 0 && (
        <span className="basins-summary" data-testid="basins-summary">
          {scene && <br />}
          {shown.map((r) => {
            const s = shares[r.id]!;
            return (
              <span key={r.id} className="share" style={{ borderBottom: `2px solid ${r.color}` }}>
                {s.complete ? '' : '≈ '}
                {t.summary(r.label, s.global)}
              </span>
            );
          })}{' '}
          <small>{t.summaryTail}</small>
        </span>
      )}
    </p>
  );
}
