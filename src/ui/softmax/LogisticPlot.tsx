import { useState, type PointerEvent } from 'react';
import { logistic, logisticMidpointSlope, sigmoid } from '../../core/softmax';
import { formatPrecise as formatValue } from '../../draw/format';
import { useT } from '../use-t';

const W = 640;
const H = 340;
const M = { left: 40, right: 46, top: 24, bottom: 30 };
const X_MIN = -10;
const X_MAX = 10;
const Y_MIN = -0.12;
const Y_MAX = 2.15;
const X_TICKS = [-10, -8, -6, -4, -2, 0, 2, 4, 6, 8, 10];
const Y_TICKS = [0, 0.5, 1, 1.5, 2];
const SAMPLES = 240;

const px = (x: number) => M.left + ((x - X_MIN) / (X_MAX - X_MIN)) * (W - M.left - M.right);
const py = (y: number) => H - M.bottom - ((y - Y_MIN) / (Y_MAX - Y_MIN)) * (H - M.top - M.bottom);

function curvePath(f: (x: number) => number): string {
  let d = '';
  for (let i = 0; i <= SAMPLES; i++) {
    const x = X_MIN + ((X_MAX - X_MIN) * i) / SAMPLES;
    d += `${i === 0 ? 'M' : 'L'}${px(x).toFixed(2)},${py(f(x)).toFixed(2)}`;
  }
  return d;
}

/** The plot's x under the pointer, or null outside the plotting area. */
function pointerX(e: PointerEvent<SVGSVGElement>): number | null {
  const box = e.currentTarget.getBoundingClientRect();
  const vx = ((e.clientX - box.left) / box.width) * W;
  const x = X_MIN + ((vx - px(X_MIN)) / (px(X_MAX) - px(X_MIN))) * (X_MAX - X_MIN);
  return x >= X_MIN && x <= X_MAX ? x : null;
}

/** A crosshair at x with the values of the curve and of the sigmoid there. */
function Readout({ x, f }: { x: number; f: number }) {
  const s = sigmoid(x);
  const flip = px(x) > W - M.right - 150;
  const boxX = flip ? px(x) - 146 : px(x) + 8;
  return (
    <g className="readout" pointerEvents="none">
      <line x1={px(x)} x2={px(x)} y1={M.top} y2={H - M.bottom} />
      <circle className="readout-sigmoid" cx={px(x)} cy={py(s)} r={3} />
      <circle className="readout-curve" cx={px(x)} cy={py(f)} r={3.5} />
      <rect x={boxX} y={M.top + 24} width={138} height={58} rx={6} />
      <text x={boxX + 9} y={M.top + 41}>
        x = {formatValue(Number(x.toFixed(2)))}
      </text>
      <text className="readout-curve" x={boxX + 9} y={M.top + 57}>
        f(x) = {formatValue(f)}
      </text>
      <text className="readout-sigmoid" x={boxX + 9} y={M.top + 73}>
        σ(x) = {formatValue(s)}
      </text>
    </g>
  );
}

/** Every point of the sigmoid, the fixed reference. */
const SIGMOID_PATH = curvePath(sigmoid);

/**
 * The logistic curve for the chosen L, k, x₀ over the sigmoid, with the midpoint (x₀, L/2), the
 * upper limit L, the tangent at x₀ (its width 4/k is the "linear part") and the two classes that
 * x₀ separates.
 */
export function LogisticPlot({ L, k, x0 }: { L: number; k: number; x0: number }) {
  const t = useT().softmax;
  // The x under the pointer, for reading f(x) and σ(x) off the plot.
  const [hoverX, setHoverX] = useState<number | null>(null);
  const left = px(X_MIN);
  const right = px(X_MAX);
  const mid = Math.min(right, Math.max(left, px(x0)));
  const slope = logisticMidpointSlope(L, k);
  const tangent = k === 0 ? null : [x0 - 2 / k, x0 + 2 / k].sort((a, b) => a - b);
  // With k > 0 the curve is above L/2 (class 1) to the right of x₀; a negative k mirrors it.
  const class1Right = k > 0;
  // Keep the L and L/2 labels apart when L is small.
  const labelHalf = py(L / 2) + 4;
  const labelL = Math.min(py(L) + 4, labelHalf - 13);
  return (
    <svg
      className="logistic-plot"
      data-testid="logistic-plot"
      data-l={L}
      data-k={k}
      data-x0={x0}
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={t.plotLabel}
      onPointerMove={(e) => setHoverX(pointerX(e))}
      onPointerLeave={() => setHoverX(null)}
    >
      <defs>
        <clipPath id="logistic-clip">
          <rect x={left} y={M.top} width={right - left} height={H - M.top - M.bottom} />
        </clipPath>
      </defs>
      {k !== 0 && (
        <g className="class-regions">
          <rect
            className={class1Right ? 'class0' : 'class1'}
            x={left}
            y={M.top}
            width={mid - left}
            height={H - M.top - M.bottom}
          />
          <rect
            className={class1Right ? 'class1' : 'class0'}
            x={mid}
            y={M.top}
            width={right - mid}
            height={H - M.top - M.bottom}
          />
          <text
            className="class-label class0"
            x={class1Right ? left + 8 : right - 8}
            y={M.top + 16}
            textAnchor={class1Right ? 'start' : 'end'}
          >
            {t.class0}
          </text>
          <text
            className="class-label class1"
            x={class1Right ? right - 8 : left + 8}
            y={py(0) - 8}
            textAnchor={class1Right ? 'end' : 'start'}
          >
            {t.class1}
          </text>
        </g>
      )}
      <g className="grid">
        {X_TICKS.map((x) => (
          <line key={`x${x}`} x1={px(x)} x2={px(x)} y1={M.top} y2={H - M.bottom} />
        ))}
        {Y_TICKS.map((y) => (
          <line key={`y${y}`} x1={left} x2={right} y1={py(y)} y2={py(y)} />
        ))}
      </g>
      <g className="axes">
        <line x1={left} x2={right} y1={py(0)} y2={py(0)} />
        <line x1={px(0)} x2={px(0)} y1={M.top} y2={H - M.bottom} />
      </g>
      <g className="ticks">
        {X_TICKS.map((x) => (
          <text key={`x${x}`} x={px(x)} y={H - M.bottom + 17} textAnchor="middle">
            {String(x).replace('-', '−')}
          </text>
        ))}
        {Y_TICKS.map((y) => (
          <text key={`y${y}`} x={left - 7} y={py(y) + 4} textAnchor="end">
            {y}
          </text>
        ))}
      </g>
      <g className="marks" clipPath="url(#logistic-clip)">
        <line className="mark-line" x1={left} x2={right} y1={py(L)} y2={py(L)} />
        <line className="mark-line" x1={left} x2={right} y1={py(L / 2)} y2={py(L / 2)} />
        <line className="mark-line" x1={px(x0)} x2={px(x0)} y1={M.top} y2={H - M.bottom} />
        {tangent && (
          <line
            className="tangent"
            data-testid="logistic-tangent"
            x1={px(tangent[0]!)}
            x2={px(tangent[1]!)}
            y1={py(L / 2 + slope * (tangent[0]! - x0))}
            y2={py(L / 2 + slope * (tangent[1]! - x0))}
          />
        )}
        <path className="sigmoid-curve" d={SIGMOID_PATH} />
        <path
          className="logistic-curve"
          data-testid="logistic-curve"
          d={curvePath((x) => logistic(x, L, k, x0))}
        />
        <circle className="midpoint" cx={px(x0)} cy={py(L / 2)} r={4.5} />
      </g>
      {hoverX !== null && <Readout x={hoverX} f={logistic(hoverX, L, k, x0)} />}
      <g className="mark-labels">
        <text x={right + 6} y={labelL}>
          L
        </text>
        <text x={right + 6} y={labelHalf}>
          L/2
        </text>
        <text x={mid} y={M.top - 8} textAnchor="middle">
          x₀
        </text>
      </g>
    </svg>
  );
}
