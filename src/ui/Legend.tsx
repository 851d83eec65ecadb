import type { RaceState } from '../store/race-store';
import { formatNumber } from './format';
import { useSnapshot } from './use-snapshot';

interface Row {
  label: string;
  color: string;
  kind: string;
  lr: number;
  step: number;
  x: number;
  y: number;
  loss: number;
  status: string;
  statusText: string;
  distance: number | null;
}

/** The rows of the legend, read from the live race (a JSON string, so equal snapshots do not re-render). */
function readRows(s: RaceState): string {
  const globals = s.landscape.minima.filter((m) => m.global);
  const rows: Row[] = s.race.runners.map((r) => {
    const [x, y] = [r.point[0]!, r.point[1]!];
    const steps = r.status === 'diverged' ? (r.statusStep ?? 0) - 1 : r.path.length / 2 - 1;
    let statusText = 'running';
    if (r.status === 'converged') statusText = `converged at step ${r.statusStep}`;
    else if (r.status === 'stuck')
      statusText = r.settledAt
        ? `stuck in a local minimum at step ${r.statusStep}`
        : `stuck at a flat point at step ${r.statusStep}`;
    else if (r.status === 'diverged')
      statusText =
        r.divergedBecause === 'left-landscape'
          ? `diverged at step ${r.statusStep}: left the landscape`
          : `diverged at step ${r.statusStep}: overflow`;
    const distance = globals.length
      ? Math.min(...globals.map((m) => Math.hypot(m.x - x, m.y - y)))
      : null;
    return {
      label: r.spec.label,
      color: r.spec.color,
      kind: r.spec.optimizer.kind,
      lr: r.spec.optimizer.lr,
      step: Math.max(0, steps),
      x,
      y,
      loss: r.loss,
      status: r.status,
      statusText,
      distance,
    };
  });
  return JSON.stringify(rows);
}

/** One row per runner: colour, label, loss, step, status in words, distance to the global minimum. */
export function Legend() {
  const rows = JSON.parse(useSnapshot(readRows)) as Row[];
  return (
    <section className="panel legend" aria-label="Runners">
      <table>
        <thead>
          <tr>
            <th>runner</th>
            <th>loss</th>
            <th>step</th>
            <th>status</th>
            <th title="distance to the nearest global minimum">to min</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr
              key={i}
              data-testid="runner-row"
              data-label={r.label}
              data-step={r.step}
              data-x={r.x}
              data-y={r.y}
              data-loss={r.loss}
              data-status={r.status}
              className={`status-${r.status}`}
            >
              <td>
                <span className="swatch" style={{ background: r.color }} />
                {r.label} <small>lr {formatNumber(r.lr)}</small>
              </td>
              <td className="num">{formatNumber(r.loss)}</td>
              <td className="num">{r.step}</td>
              <td className="status">{r.statusText}</td>
              <td className="num">{r.distance === null ? '—' : formatNumber(r.distance)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
