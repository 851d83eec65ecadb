import { sceneRefs } from './scene-refs';

/** A pane of the split view in CSS pixels, origin at the top-left of the canvas. */
export interface PaneRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * How n panes (1–4) share a width × height canvas: one fills it, two and three stand side by
 * side, four make a 2 × 2 grid. Edges are rounded to whole pixels and a 2 px gap separates panes.
 */
export function paneRects(n: number, width: number, height: number): PaneRect[] {
  const gap = 2;
  const cells = (cols: number, rows: number): PaneRect[] => {
    const rects: PaneRect[] = [];
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const x0 = Math.round((c * width) / cols);
        const x1 = Math.round(((c + 1) * width) / cols);
        const y0 = Math.round((r * height) / rows);
        const y1 = Math.round(((r + 1) * height) / rows);
        rects.push({
          x: x0 + (c ? gap / 2 : 0),
          y: y0 + (r ? gap / 2 : 0),
          width: x1 - x0 - (c ? gap / 2 : 0) - (c < cols - 1 ? gap / 2 : 0),
          height: y1 - y0 - (r ? gap / 2 : 0) - (r < rows - 1 ? gap / 2 : 0),
        });
      }
    }
    return rects;
  };
  if (n <= 1) return [{ x: 0, y: 0, width, height }];
  if (n === 2) return cells(2, 1);
  if (n === 3) return cells(3, 1);
  return cells(2, 2).slice(0, 4);
}

/** The layer a pane's runners are drawn on (layer 0 holds what every pane shows). */
export const paneLayer = (pane: number) => pane + 1;

/**
 * The width / height at which the framed landscape fits the view whole at zoom 1 (see
 * framing.ts): wider views show it whole with room to spare.
 */
export const FIT_ASPECT = 1.5;

/**
 * The camera zoom of a view (a pane, or the whole canvas) of the given aspect. Views narrower than
 * the framing allows ({@link sceneRefs}.fitAspect: where the start, the minima and the way between
 * would leave the view) zoom out just enough to keep them in, and no view shows less of the
 * landscape than a square one would; wider views keep zoom 1. The same for every number of panes,
 * so a clip of any size frames the race as the live view does.
 */
export const paneZoom = (aspect: number, _panes?: number) =>
  Math.min(1, aspect / Math.max(1, sceneRefs.fitAspect));
