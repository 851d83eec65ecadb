import { ONE_X, SPEEDS } from '../store/race-store';
import { raceStore, useRace } from '../store/app-store';
import { useSnapshot } from './use-snapshot';
import { useT } from './use-t';

const readStep = (s: { race: { step: number } }) => s.race.step;

/** 15 → "0.25×", 60 → "1×", 3000 → "50×"; fast-forward speeds as steps per second: "10k/s". */
function speedLabel(stepsPerSecond: number): string {
  return stepsPerSecond <= 50 * ONE_X
    ? `${stepsPerSecond / ONE_X}×`
    : `${stepsPerSecond / 1000}k/s`;
}

/** Play/pause, single step, reset, speed and the step counter. */
export function PlaybackControls() {
  const playing = useRace((s) => s.playing);
  const speed = useRace((s) => s.speed);
  const step = useSnapshot(readStep);
  const t = useT().app;
  const tn = useT().net;
  // A network's race is computed before it is played: it can be wound to any step.
  const netSteps = useRace((s) => s.landscape.net?.steps ?? null);
  const { togglePlay, stepOnce, reset, setSpeed } = raceStore.getState();
  return (
    <div className="group playback" role="group" aria-label="Playback">
      <button data-testid="play" aria-pressed={playing} onClick={togglePlay} title={t.playTitle}>
        {playing ? t.pause : t.play}
      </button>
      <button data-testid="step" onClick={stepOnce} title={t.stepTitle}>
        {t.step}
      </button>
      <button data-testid="reset" onClick={reset} title={t.resetTitle}>
        {t.reset}
      </button>
      <label className="speed">
        {t.speed}
        <select
          data-testid="speed"
          value={speed}
          onChange={(e) => setSpeed(Number(e.target.value))}
        >
          {SPEEDS.map((s) => (
            <option key={s} value={s} title={t.speedOption(s)}>
              {speedLabel(s)}
            </option>
          ))}
        </select>
      </label>
      <span className="step-counter" data-testid="step-counter" data-step={step}>
        {t.stepCounter} <b>{step}</b>
      </span>
      {netSteps !== null && (
        <input
          type="range"
          className="net-scrub"
          data-testid="net-scrub"
          aria-label={tn.scrub}
          title={tn.scrubTitle}
          min={0}
          max={netSteps}
          step={1}
          value={Math.min(step, netSteps)}
          onChange={(e) => raceStore.getState().seek(Number(e.target.value))}
        />
      )}
    </div>
  );
}
