import { runnerMarker } from '../core';
import { markerPath, svgDash } from '../draw/marker';

/**
 * A runner's key: a short stretch of its line in its dash pattern with its marker on top, in its
 * colour — so the legend tells runners apart by shape and pattern as well as by hue. Decorative
 * (the label beside it names the runner).
 */
export function RunnerSwatch({
  id,
  color,
  line = true,
}: {
  id: number;
  color: string;
  line?: boolean;
}) {
  const w = line ? 30 : 14;
  const h = 14;
  const dash = svgDash(id, 2);
  return (
    <svg
      className="runner-swatch"
      data-marker={runnerMarker(id)}
      // In em, so the key grows with the legend's text (presenter mode's large legend).
      width={`${w / h}em`}
      height="1em"
      viewBox={`0 0 ${w} ${h}`}
      aria-hidden="true"
      style={{ flex: 'none', verticalAlign: 'middle', marginRight: 6, overflow: 'visible' }}
    >
      {line && (
        <>
          <line
            x1={1}
            y1={h / 2}
            x2={w - 1}
            y2={h / 2}
            stroke="#f2f2f2"
            strokeOpacity={0.6}
            strokeWidth={4}
          />
          <line
            x1={1}
            y1={h / 2}
            x2={w - 1}
            y2={h / 2}
            stroke={color}
            strokeWidth={2}
            strokeDasharray={dash || undefined}
          />
        </>
      )}
      <path
        d={markerPath(runnerMarker(id), w / 2, h / 2, 4.2)}
        fill={color}
        stroke="#f2f2f2"
        strokeWidth={1.4}
      />
    </svg>
  );
}
