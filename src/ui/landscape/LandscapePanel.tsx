import { NET_IDS, PRESET_LANDSCAPES } from '../../core';
import { raceStore, useRace } from '../../store/app-store';
import { landscapeName, useT } from '../use-t';
import { DataFields } from './DataFields';
import { FunctionField } from './FunctionField';
import { ShakeFields } from './ShakeFields';
import { SurfaceStatus } from './SurfaceStatus';

const CUSTOM = 'custom';

/** Presets grouped as the lecture's and the classic ones, your own function, and the shake. */
export function LandscapePanel() {
  const t = useT();
  const id = useRace((s) => s.landscape.id);
  const hasFunction = useRace((s) => s.functionInput !== null);
  const onData = useRace((s) => s.landscape.data !== undefined);
  const onNet = useRace((s) => s.landscape.net !== undefined);
  return (
    <section className="panel-section" aria-label={t.landscapePanel.heading}>
      <h2>{t.landscapePanel.heading}</h2>
      <select
        data-testid="landscape"
        aria-label={t.a11y.landscapeSelect}
        value={id}
        onChange={(e) => {
          const value = e.target.value;
          const s = raceStore.getState();
          if (value !== CUSTOM) s.setPreset(value);
          else
            s.setFunction(
              s.functionInput?.text ?? s.landscape.formula,
              s.functionInput?.domain ?? s.landscape.domain,
            );
        }}
      >
        <optgroup label={t.app.lecture}>
          {PRESET_LANDSCAPES.filter((l) => l.group === 'lecture').map((l) => (
            <option key={l.id} value={l.id}>
              {landscapeName(t, l)}
            </option>
          ))}
        </optgroup>
        <optgroup label={t.app.classic}>
          {PRESET_LANDSCAPES.filter((l) => l.group === 'classic').map((l) => (
            <option key={l.id} value={l.id}>
              {landscapeName(t, l)}
            </option>
          ))}
        </optgroup>
        <optgroup label={t.data.group}>
          {PRESET_LANDSCAPES.filter((l) => l.group === 'data').map((l) => (
            <option key={l.id} value={l.id}>
              {landscapeName(t, l)}
            </option>
          ))}
        </optgroup>
        <optgroup label={t.net.group}>
          {NET_IDS.map((netId) => (
            <option key={netId} value={netId}>
              {t.landscapePanel.names[netId] ?? netId}
            </option>
          ))}
        </optgroup>
        <optgroup label={t.app.yourFunction}>
          <option value={CUSTOM}>
            {hasFunction || id === CUSTOM ? t.app.yourFunction : `${t.app.yourFunction}…`}
          </option>
        </optgroup>
      </select>
      {!onData && !onNet && <FunctionField />}
      <SurfaceStatus />
      <DataFields />
      {!onNet && <ShakeFields />}
    </section>
  );
}
