import { raceStore, useRace } from '../store/app-store';
import { BASINS_K, SWARM_SIZE } from '../store/swarm-slice';
import {
  DIVERGED_BASIN_COLOR,
  GLOBAL_BASIN_COLOR,
  MOVING_BASIN_COLOR,
  basinColor,
} from '../draw/basin-colors';
import { useT } from './use-t';

const SIZES = [100, 1000, 3000, 10_000];
const CELLS = [32, 64, 128, 256];

/**
 * Many starts at once: the swarm switch with its size and layout, the basin maps with their size
 * and which runner's map the surface shows, and per visible runner its live counts and its share
 * of starts reaching the global minimum.
 */
export function SwarmPanel() {
  const t = useT().swarm;
  const s = raceStore.getState();
  const swarmOn = useRace((st) => st.swarmOn);
  const size = useRace((st) => st.swarmSize);
  const layout = useRace((st) => st.swarmLayout);
  const basinsOn = useRace((st) => st.basinsOn);
  const k = useRace((st) => st.basinsK);
  const progress = useRace((st) => st.basinsProgress);
  const counts = useRace((st) => st.swarmCounts);
  const shares = useRace((st) => st.basinsShares);
  const runners = useRace((st) => st.runners);
  const selected = useRace((st) => st.selectedRunner);
  const minima = useRace((st) => st.landscape.minima);
  const onNet = useRace((st) => st.landscape.net !== undefined);
  const visible = runners.filter((r) => r.visible);
  const localColor = minima.findIndex((m) => !m.global);
  // A network's runners are computed in 67 dimensions, not stepped on the plane: no swarm.
  if (onNet) return null;
  return (
    <section className="panel swarm-panel" aria-label={t.group} data-testid="swarm-panel">
      <div className="swarm-row">
        <h2>{t.group}</h2>
        <button
          type="button"
          data-testid="swarm"
          aria-pressed={swarmOn}
          title={t.swarmTitle}
          onClick={() => s.setSwarm(!swarmOn)}
        >
          {t.swarm}
        </button>
        <button
          type="button"
          data-testid="basins"
          aria-pressed={basinsOn}
          title={t.basinsTitle}
          onClick={() => s.setBasins(!basinsOn)}
        >
          {t.basins}
        </button>
      </div>
      {swarmOn && (
        <div className="swarm-row">
          <label>
            {t.swarmSize}
            <input
              data-testid="swarm-size"
              type="number"
              list="swarm-sizes"
              min={SWARM_SIZE.min}
              max={SWARM_SIZE.max}
              step={1}
              value={size}
              onChange={(e) => {
                const n = Number(e.target.value);
                if (e.target.value !== '' && Number.isFinite(n)) s.setSwarmSize(n);
              }}
            />
            <datalist id="swarm-sizes">
              {SIZES.map((n) => (
                <option key={n} value={n} />
              ))}
            </datalist>
          </label>
          <label>
            {t.layout}
            <select
              data-testid="swarm-layout"
              value={layout}
              onChange={(e) => s.setSwarmLayout(e.target.value === 'cloud' ? 'cloud' : 'grid')}
            >
              <option value="grid">{t.layouts.grid}</option>
              <option value="cloud">{t.layouts.cloud}</option>
            </select>
          </label>
        </div>
      )}
      {basinsOn && (
        <div className="swarm-row">
          <label>
            {t.cells}
            <select
              data-testid="basins-k"
              value={k}
              onChange={(e) => s.setBasinsK(Number(e.target.value))}
            >
              {[...new Set([...CELLS, k])]
                .sort((a, b) => a - b)
                .filter((c) => c >= BASINS_K.min && c <= BASINS_K.max)
                .map((c) => (
                  <option key={c} value={c}>
                    {c} × {c}
                  </option>
                ))}
            </select>
          </label>
          <label>
            {t.mapOf}
            <select
              data-testid="basins-runner"
              value={selected}
              onChange={(e) => s.selectRunner(Number(e.target.value))}
            >
              {visible.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.label}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
      {basinsOn && (
        <>
          <div
            className="basins-progress"
            data-testid="basins-progress"
            data-progress={progress}
            role="progressbar"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(100 * progress)}
          >
            <span style={{ width: `${100 * progress}%` }} />
            <small>{progress < 1 ? t.computing(progress) : t.computed}</small>
          </div>
          <ul className="basins-key">
            <li>
              <i style={{ background: GLOBAL_BASIN_COLOR }} /> {t.legend.global}
            </li>
            {localColor >= 0 && (
              <li>
                <i style={{ background: basinColor(localColor, minima) }} /> {t.legend.local}
              </li>
            )}
            <li>
              <i style={{ background: MOVING_BASIN_COLOR }} /> {t.legend.moving}
            </li>
            <li>
              <i style={{ background: DIVERGED_BASIN_COLOR }} /> {t.legend.diverged}
            </li>
          </ul>
        </>
      )}
      {(swarmOn || basinsOn) && (
        <ul className="swarm-runners">
          {visible.map((r) => {
            const c = counts[r.id];
            const share = shares[r.id];
            return (
              <li key={r.id}>
                <i className="dot" style={{ background: r.color }} /> <b>{r.label}</b>
                {swarmOn && c && (
                  <span
                    data-testid="swarm-count"
                    data-label={r.label}
                    data-converged={c.converged}
                    data-stuck={c.stuck}
                    data-diverged={c.diverged}
                    data-running={c.running}
                    title={t.countsTitle}
                  >
                    {t.counts(c)}
                  </span>
                )}
                {basinsOn && share && (
                  <span
                    data-testid="basins-share"
                    data-label={r.label}
                    data-global={share.global}
                    data-complete={share.complete}
                  >
                    {t.share(share.global, share.complete)}
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
