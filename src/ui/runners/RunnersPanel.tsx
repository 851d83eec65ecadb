import { useRace } from '../../store/app-store';
import { useT } from '../use-t';
import { addRunner } from './actions';
import { RunnerCard } from './RunnerCard';
import './runners.css';

/** Every runner as a card, and a button to add one: any number, any optimizer, any settings. */
export function RunnersPanel() {
  const t = useT().runners;
  const ta = useT().a11y;
  const runners = useRace((s) => s.runners);
  const selected = useRace((s) => s.selectedRunner);
  return (
    <section className="panel-section runners-panel" aria-label={ta.runnerSettings}>
      <div className="runners-head">
        <h2>{t.heading}</h2>
        <button data-testid="add-runner" title={t.addTitle} onClick={addRunner}>
          {t.add}
        </button>
      </div>
      {runners.length === 0 && <p className="hint">{t.empty}</p>}
      <div className="runner-list">
        {runners.map((r) => (
          <RunnerCard key={r.id} runner={r} selected={r.id === selected} />
        ))}
      </div>
    </section>
  );
}
