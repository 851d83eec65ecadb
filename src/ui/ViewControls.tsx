import { PALETTE_NAMES, type PaletteName } from '../core';
import { VERTICAL_SCALE } from '../store/race-store';
import { raceStore, useRace } from '../store/app-store';
import { useT } from './use-t';

/** Vertical scale, grid, top view, the colour palette, and overlay / side-by-side layout. */
export function ViewControls() {
  const t = useT();
  const verticalScale = useRace((s) => s.verticalScale);
  const wireframe = useRace((s) => s.wireframe);
  const showTopView = useRace((s) => s.showTopView);
  const layout = useRace((s) => s.layout);
  const palette = useRace((s) => s.palette);
  const { setVerticalScale, setWireframe, setShowTopView, setLayout, setPalette } =
    raceStore.getState();
  return (
    <div className="group view" role="group">
      <label title={t.app.heightTitle}>
        {t.app.height}
        <input
          data-testid="vertical-scale"
          type="range"
          min={VERTICAL_SCALE.min}
          max={VERTICAL_SCALE.max}
          step={0.05}
          value={verticalScale}
          onChange={(e) => setVerticalScale(Number(e.target.value))}
        />
      </label>
      <label className="check">
        <input
          data-testid="wireframe"
          type="checkbox"
          checked={wireframe}
          onChange={(e) => setWireframe(e.target.checked)}
        />
        {t.app.grid}
      </label>
      <label className="check">
        <input
          data-testid="toggle-top-view"
          type="checkbox"
          checked={showTopView}
          onChange={(e) => setShowTopView(e.target.checked)}
        />
        {t.app.topView}
      </label>
      <label title={t.layout.paletteTitle}>
        {t.layout.palette}
        <select
          data-testid="palette"
          value={palette}
          onChange={(e) => setPalette(e.target.value as PaletteName)}
        >
          {PALETTE_NAMES.map((name) => (
            <option key={name} value={name}>
              {t.layout.paletteNames[name]}
            </option>
          ))}
        </select>
      </label>
      <div className="segmented" role="group" title={t.layout.layoutTitle}>
        <button
          data-testid="layout-overlay"
          aria-pressed={layout === 'overlay'}
          onClick={() => setLayout('overlay')}
        >
          {t.layout.overlay}
        </button>
        <button
          data-testid="layout-split"
          aria-pressed={layout === 'split'}
          onClick={() => setLayout('split')}
        >
          {t.layout.split}
        </button>
      </div>
    </div>
  );
}
