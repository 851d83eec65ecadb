import { CANVAS_DESCRIPTION_ID, CANVAS_KEYS_ID } from '../../scene/RaceCanvas';
import { useRace } from '../../store/app-store';
import { landscapeName, useT } from '../use-t';
import { canvasDescription } from './describe';

/**
 * The 3D view in words, the canvas's accessible name (it points here with aria-labelledby): the
 * landscape, the start, the runners by name and colour, the lowest point; and, as its description,
 * the keys that turn it. It follows the settings and the language, never the frames.
 */
export function CanvasDescription() {
  const t = useT();
  const landscape = useRace((s) => s.landscape);
  const start = useRace((s) => s.start);
  const runners = useRace((s) => s.runners);
  return (
    <>
      <p id={CANVAS_DESCRIPTION_ID} hidden data-testid="canvas-description">
        {canvasDescription(t, {
          landscape: landscapeName(t, landscape),
          start,
          runners,
          minima: landscape.minima,
        })}
      </p>
      <p id={CANVAS_KEYS_ID} hidden>
        {t.a11y.canvasKeys}
      </p>
    </>
  );
}
