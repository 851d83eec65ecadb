import { getPresetLandscape, PRESET_LANDSCAPES } from '../core';
import { VERTICAL_SCALE } from '../store/race-store';
import { raceStore, useRace } from '../store/app-store';

/** Landscape picker, vertical scale, wireframe and top-view switches. */
export function LandscapeControls() {
  const id = useRace((s) => s.landscape.id);
  const verticalScale = useRace((s) => s.verticalScale);
  const wireframe = useRace((s) => s.wireframe);
  const showTopView = useRace((s) => s.showTopView);
  const { setLandscape, setVerticalScale, setWireframe, setShowTopView } = raceStore.getState();
  return (
    <div className="group view" role="group" aria-label="Landscape and view">
      <label>
        Landscape
        <select
          data-testid="landscape"
          value={id}
          onChange={(e) => {
            const next = getPresetLandscape(e.target.value);
            if (next) setLandscape(next);
          }}
        >
          <optgroup label="Lecture">
            {PRESET_LANDSCAPES.filter((l) => l.group === 'lecture').map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </optgroup>
          <optgroup label="Classic test functions">
            {PRESET_LANDSCAPES.filter((l) => l.group === 'classic').map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </optgroup>
        </select>
      </label>
      <label title="Vertical scale of the surface">
        Height
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
        Grid
      </label>
      <label className="check">
        <input
          data-testid="toggle-top-view"
          type="checkbox"
          checked={showTopView}
          onChange={(e) => setShowTopView(e.target.checked)}
        />
        Top view
      </label>
    </div>
  );
}
