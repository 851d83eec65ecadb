import { useEffect, useRef, useState } from 'react';
import { MAX_PANES } from '../store/race-store';
import { raceStore, useRace } from '../store/app-store';
import { paneRects } from '../scene/panes';
import { RunnerSwatch } from './RunnerSwatch';
import { useT } from './use-t';

/**
 * In the split layout: over each pane, its runners as chips that switch them on and off there,
 * and a pane-count control. One camera and one clock serve every pane.
 */
export function PaneTitles() {
  const t = useT().layout;
  const layout = useRace((s) => s.layout);
  const panes = useRace((s) => s.panes);
  const runners = useRace((s) => s.runners);
  const box = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const observer = new ResizeObserver(() =>
      setSize({ width: el.clientWidth, height: el.clientHeight }),
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const setCount = (n: number) => {
    const ids = runners.map((r) => r.id);
    raceStore
      .getState()
      .setPanes(Array.from({ length: n }, (_, p) => ids.filter((_, i) => i % n === p)));
  };
  const toggle = (pane: number, id: number) =>
    raceStore
      .getState()
      .setPanes(
        panes.map((ids, p) =>
          p !== pane ? ids : ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id],
        ),
      );

  const rects = layout === 'split' ? paneRects(panes.length, size.width, size.height) : [];
  return (
    <div ref={box} className="pane-titles" aria-hidden={layout !== 'split'}>
      {layout === 'split' && (
        <label className="pane-count">
          {t.panes}
          <select
            data-testid="pane-count"
            value={panes.length}
            onChange={(e) => setCount(Number(e.target.value))}
          >
            {Array.from({ length: MAX_PANES }, (_, i) => i + 1).map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
      )}
      {rects.map((r, p) => (
        <div
          key={p}
          className="pane-title"
          data-testid="pane"
          style={{ left: r.x + 6, top: r.y + 6, maxWidth: r.width - 12 }}
        >
          <b>{t.pane(p + 1)}</b>
          {runners.map((runner) => {
            const on = panes[p]?.includes(runner.id) ?? false;
            return (
              <button
                key={runner.id}
                className={`chip${on ? ' on' : ''}`}
                aria-pressed={on}
                data-testid="pane-runner"
                onClick={() => toggle(p, runner.id)}
                title={runner.label}
              >
                <RunnerSwatch id={runner.id} color={runner.color} line={false} />
                {runner.label}
              </button>
            );
          })}
        </div>
      ))}
    </div>
  );
}
