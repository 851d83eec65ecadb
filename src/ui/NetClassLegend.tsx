import { markerPath } from '../draw/marker';
import { CLASS_COLORS, CLASS_MARKERS } from '../draw/net-panel/classes';

/** The penguin classes as the regions view draws them: each name after its marker and colour. */
export function NetClassLegend({ classes }: { classes: readonly string[] }) {
  return (
    <ul className="net-class-legend">
      {classes.map((name, k) => (
        <li key={name}>
          <svg width="10" height="10" viewBox="0 0 10 10" aria-hidden="true">
            <path
              d={markerPath(CLASS_MARKERS[k % 3]!, 5, 5, 3)}
              fill={CLASS_COLORS[k % 3]}
              stroke="rgba(8, 10, 16, 0.85)"
              strokeWidth="0.8"
            />
          </svg>
          {name}
        </li>
      ))}
    </ul>
  );
}
