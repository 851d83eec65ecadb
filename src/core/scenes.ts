import { defaultSpec, type OptimizerKind, type OptimizerSpec } from './optimizers';
import { LECTURE_COLORS } from './race/defaults';
import type { RunnerSpec, Shake } from './race';

/**
 * A preset scene: a landscape, a start, runners and a shake chosen to make one point of the
 * lecture, with a caption in Russian and English. `steps` is how long the point takes to show
 * (the default length of `trace --scene`).
 *
 * When `landscape` names a network (`isNetId`, e.g. `penguins-mlp`) the runners train it instead
 * of racing on a surface: `start` is [0, 0], the initial weights θ₀ at the origin of the plane of
 * training; `shake.seed` seeds θ₀ and the minibatch samplers (its `sigma` is unused); `batch` is
 * the batch size of runners that set none (absent: the full data).
 */
export interface Scene {
  id: string;
  landscape: string;
  start: [number, number];
  runners: RunnerSpec[];
  shake: Shake;
  steps: number;
  caption: { en: string; ru: string };
  /** Side by side instead of one surface; panes list runners by position (0-based). */
  layout?: 'overlay' | 'split';
  /** On a dataset's landscape: the data in its own units instead of standardized. */
  raw?: boolean;
  /** On a dataset's landscape: the batch size of runners that do not set their own. */
  batch?: number;
  panes?: number[][];
  /** A basin map of this many cells per side is part of the point (see core/basins.ts). */
  basins?: number;
}

const spec = (kind: OptimizerKind, lr: number, extra: Partial<OptimizerSpec> = {}): OptimizerSpec =>
  ({ ...defaultSpec(kind), lr, ...extra }) as OptimizerSpec;
const calm: Shake = { sigma: 0, seed: 1 };

/** The lecture's scenes, in menu order. Each promise is checked by tests/cli/scenes.test.ts. */
export const SCENES: readonly Scene[] = [
  {
    id: 'bowl',
    landscape: 'bowl',
    start: [-1.6, 1.2],
    runners: [
      { label: 'SGD-momentum', color: LECTURE_COLORS.momentum, optimizer: spec('momentum', 0.1) },
      { label: 'RMSProp', color: LECTURE_COLORS.rmsprop, optimizer: spec('rmsprop', 0.02) },
      { label: 'Adam', color: LECTURE_COLORS.adam, optimizer: spec('adam', 0.05) },
    ],
    shake: calm,
    steps: 600,
    caption: {
      en: 'A ball in a bowl: on a convex surface there is only one bottom, and every optimizer rolls down to it — each in its own way.',
      ru: 'Шарик в чаше: у выпуклой поверхности одно дно, и любой оптимизатор скатывается к нему — каждый по-своему.',
    },
  },
  {
    id: 'bag-strong-shake',
    landscape: 'plastic-bag',
    start: [-3.2, 2.9],
    runners: [
      { label: 'SGD, lr 0.9', color: LECTURE_COLORS.momentum, optimizer: spec('sgd', 0.9) },
    ],
    shake: { sigma: 0.3, seed: 1 },
    steps: 1000,
    caption: {
      en: 'The bag shaken hard: with a large learning rate and noisy gradients the grain reaches the middle, but keeps jumping over the bottom and never settles.',
      ru: 'Пакет трясут сильно: с большим шагом и шумными градиентами крупинка добирается до середины, но всё время перепрыгивает дно и не успокаивается.',
    },
  },
  {
    id: 'bag-gentle-shake',
    landscape: 'plastic-bag',
    start: [-3.2, 2.9],
    runners: [
      { label: 'SGD, lr 0.05', color: LECTURE_COLORS.rmsprop, optimizer: spec('sgd', 0.05) },
      {
        label: 'SGD-momentum, lr 0.5',
        color: LECTURE_COLORS.momentum,
        optimizer: spec('momentum', 0.5),
      },
    ],
    shake: { sigma: 0.05, seed: 1 },
    steps: 600,
    caption: {
      en: 'The bag shaken gently: plain SGD with a small step settles in the first fold it meets. With momentum the ball carries its speed over the folds and finds the real bottom.',
      ru: 'Пакет трясут слабо: обычный SGD с малым шагом застревает в первой же складке. С моментумом шарик сохраняет скорость, проскакивает складки и находит настоящее дно.',
    },
  },
  {
    id: 'race',
    landscape: 'ravine',
    start: [-4.5, 1.6],
    runners: [
      { label: 'SGD-momentum', color: LECTURE_COLORS.momentum, optimizer: spec('momentum', 0.4) },
      { label: 'RMSProp', color: LECTURE_COLORS.rmsprop, optimizer: spec('rmsprop', 0.02) },
      { label: 'Adam', color: LECTURE_COLORS.adam, optimizer: spec('adam', 0.2) },
    ],
    shake: calm,
    steps: 600,
    caption: {
      en: 'The race in a ravine: SGD-momentum (green) gathers speed but swings from wall to wall; RMSProp (red) divides each coordinate by its own gradient size and walks straight to the bottom, slowly; Adam (black) combines both, arrives first and overshoots a little.',
      ru: 'Гонка в овраге: SGD-momentum (зелёный) разгоняется, но мечется от стенки к стенке; RMSProp (красный) делит каждую координату на её собственный масштаб градиента и идёт ко дну по прямой, но медленно; Adam (чёрный) сочетает оба приёма, приходит первым и чуть проскакивает.',
    },
  },
  {
    id: 'momentum-lr',
    landscape: 'plastic-bag',
    start: [-3.2, 2.9],
    runners: [
      {
        label: 'SGD-momentum, lr 0.5',
        color: LECTURE_COLORS.momentum,
        optimizer: spec('momentum', 0.5),
      },
      { label: 'SGD-momentum, lr 0.05', color: '#0074d9', optimizer: spec('momentum', 0.05) },
    ],
    shake: calm,
    steps: 600,
    layout: 'split',
    panes: [[0], [1]],
    caption: {
      en: 'SGD-momentum with a large and a small learning rate: the large step builds enough speed to cross the folds and reach the bottom; the small one stops in the first fold.',
      ru: 'SGD-momentum с большим и малым шагом: большой шаг набирает достаточно скорости, чтобы перескочить складки и дойти до дна; малый останавливается в первой складке.',
    },
  },
  {
    id: 'adam-bias',
    landscape: 'bowl',
    start: [-1.6, 1.2],
    runners: [
      {
        label: 'SGD-momentum, no correction',
        color: LECTURE_COLORS.momentum,
        optimizer: spec('momentum', 0.05),
      },
      {
        label: 'SGD-momentum ÷ (1−βᵗ)',
        color: '#9be89f',
        optimizer: spec('momentum', 0.05, { bias_correction: true }),
      },
      {
        label: 'Adam ÷ (1−β₁ᵗ), (1−β₂ᵗ)',
        color: LECTURE_COLORS.adam,
        optimizer: spec('adam', 0.01),
      },
      {
        label: 'Adam, no correction',
        color: '#8a8f98',
        optimizer: spec('adam', 0.01, { bias_correction: false }),
      },
    ],
    shake: calm,
    steps: 200,
    layout: 'split',
    panes: [
      [0, 1],
      [2, 3],
    ],
    caption: {
      en: 'Moving averages start at zero. For SGD-momentum that makes the first steps tiny (v₁ is a tenth of g) until dividing by 1−βᵗ fixes it. For Adam it is the other way round: the uncorrected s₁ is a thousand times too small but m₁ only ten times, so uncorrected Adam starts with steps about 3× larger than corrected Adam, and the gap grows to about 6× near step 10.',
      ru: 'Скользящие средние стартуют с нуля. У SGD-momentum поэтому первые шаги крошечные (v₁ — десятая часть g), пока деление на 1−βᵗ это не исправит. У Adam наоборот: без поправки s₁ в тысячу раз меньше нужного, а m₁ — лишь в десять, поэтому Adam без поправки начинает с шагов примерно в 3 раза длиннее, чем с поправкой, и к 10-му шагу разница вырастает примерно до 6 раз.',
    },
  },
  {
    id: 'one-vs-batch',
    landscape: 'penguins-mass',
    start: [-1.2, 1.8],
    runners: [
      { label: 'SGD, batch 1', color: '#ff851b', optimizer: spec('sgd', 0.05), batch: 1 },
      { label: 'SGD, batch 16', color: '#f012be', optimizer: spec('sgd', 0.05), batch: 16 },
      {
        label: 'SGD, full batch 342',
        color: '#0074d9',
        optimizer: spec('sgd', 0.05),
        batch: 342,
      },
    ],
    shake: calm,
    steps: 300,
    layout: 'split',
    panes: [[0], [1], [2]],
    caption: {
      en: "Real data: penguin body mass from flipper length. SGD with the same learning rate 0.05 takes each step's gradient from one example, from 16 or from all 342. One example zigzags down and keeps trembling around the minimum; a batch of 16 wobbles a little; the full batch rolls straight down and stops.",
      ru: 'Реальные данные: масса пингвина по длине ласта. SGD с одним и тем же шагом 0.05 считает градиент на каждом шаге по одному примеру, по 16 или по всем 342. По одному примеру шарик спускается зигзагами и так и дрожит около минимума; батч из 16 слегка покачивается; полный батч катится прямо ко дну и останавливается.',
    },
  },
  {
    id: 'raw-features',
    landscape: 'penguins-mass',
    raw: true,
    start: [0, 0],
    runners: [
      { label: 'SGD', color: '#0074d9', optimizer: spec('sgd', 1e-5) },
      { label: 'SGD-momentum', color: LECTURE_COLORS.momentum, optimizer: spec('momentum', 1e-5) },
      { label: 'Adam', color: LECTURE_COLORS.adam, optimizer: spec('adam', 20) },
    ],
    shake: calm,
    steps: 600,
    caption: {
      en: 'Penguin mass from flipper length in raw units, grams against millimetres: the loss is a long narrow ravine, about 10⁷ times more curved across than along. SGD and SGD-momentum drop to its floor in a few steps and stall far from the minimum; Adam crawls along it. A larger rate does not help: it throws SGD out of the ravine. Switch off "raw units": on standardized data the same optimizers, at the rates the app picks for it, reach the minimum in under 100 steps.',
      ru: 'Масса пингвина по длине ласта в сырых единицах, граммы против миллиметров: функция потерь — длинный узкий овраг, поперёк он искривлён примерно в 10⁷ раз сильнее, чем вдоль. SGD и SGD-momentum за несколько шагов падают на дно оврага и замирают далеко от минимума; Adam ползёт вдоль него. Больший шаг не спасает: SGD вылетает из оврага. Выключите «сырые единицы»: на стандартизованных данных те же оптимизаторы с шагом, который подберёт приложение, доходят до минимума меньше чем за 100 шагов.',
    },
  },
  {
    id: 'lr-decay',
    landscape: 'penguins-mass',
    start: [-1.2, 1.8],
    batch: 8,
    runners: [
      { label: 'SGD, lr 0.5 constant', color: '#ff851b', optimizer: spec('sgd', 0.5) },
      {
        label: 'SGD, lr 0.5 ×0.3 every 100 steps',
        color: '#0074d9',
        optimizer: spec('sgd', 0.5),
        schedule: { kind: 'step', step_size: 100, gamma: 0.3 },
      },
    ],
    shake: calm,
    steps: 500,
    layout: 'split',
    panes: [[0], [1]],
    caption: {
      en: 'Minibatches of 8 and a large learning rate, 0.5: both balls reach the bottom at once and, on the same batches, move identically for 100 steps. With a constant rate the ball keeps jumping around the minimum. Multiply the rate by 0.3 every 100 steps (StepLR) and it calms down and settles: big steps first, small steps later.',
      ru: 'Батчи по 8 и большой шаг, 0.5: оба шарика сразу добегают до дна и на одних и тех же батчах первые 100 шагов движутся одинаково. С постоянным шагом шарик так и прыгает вокруг минимума. Если каждые 100 шагов умножать шаг на 0.3 (StepLR), он успокаивается и садится в минимум: сперва большие шаги, потом маленькие.',
    },
  },
  {
    id: 'basins',
    landscape: 'plastic-bag',
    start: [-3.2, 2.9],
    runners: [
      { label: 'SGD, lr 0.05', color: '#0074d9', optimizer: spec('sgd', 0.05) },
      {
        label: 'SGD-momentum, lr 0.4',
        color: LECTURE_COLORS.momentum,
        optimizer: spec('momentum', 0.4),
      },
    ],
    shake: calm,
    steps: 500,
    layout: 'split',
    panes: [[0], [1]],
    basins: 64,
    caption: {
      en: 'Where does the grain end up from every start? Each cell of the bag is coloured by the fold its run settles in after 500 steps, gold for the true bottom. Plain SGD with a small step stays in the fold it starts in; with momentum the grain rolls over the folds and reaches the bottom from far more of the bag.',
      ru: 'Где окажется крупинка из каждой точки? Каждая клетка пакета окрашена по складке, в которой её спуск останавливается за 500 шагов, золотом — настоящее дно. Обычный SGD с маленьким шагом остаётся в той складке, где начал; с моментом крупинка перекатывается через складки и добирается до дна из гораздо большей части пакета.',
    },
  },
  {
    id: 'network',
    landscape: 'penguins-mlp',
    // The initial weights: the origin of the plane of training.
    start: [0, 0],
    runners: [
      { label: 'SGD-momentum', color: LECTURE_COLORS.momentum, optimizer: spec('momentum', 0.2) },
      { label: 'RMSProp', color: LECTURE_COLORS.rmsprop, optimizer: spec('rmsprop', 0.003) },
      { label: 'Adam', color: LECTURE_COLORS.adam, optimizer: spec('adam', 0.03) },
    ],
    // Seeds the initial weights (and minibatches, had a runner any): full batch, no noise.
    shake: calm,
    steps: 500,
    caption: {
      en: 'A real network: a softmax classifier of penguins with 67 weights, trained by all three from the same weights, seen on the plane that holds most of their motion. RMSProp and Adam take the same first step; RMSProp then slows, Adam keeps its pace and reaches 95 % accuracy first. SGD-momentum starts from rest and arrives last.',
      ru: 'Настоящая нейросеть: softmax-классификатор пингвинов с 67 весами, все трое учат её из одних весов; видна плоскость, где лежит бо́льшая часть их движения. RMSProp и Adam делают одинаковый первый шаг; дальше RMSProp замедляется, а Adam держит темп и первым доходит до 95 % точности. SGD-momentum трогается медленно и приходит последним.',
    },
  },
];

/** The scene with this id, or undefined. */
export function getScene(id: string): Scene | undefined {
  return SCENES.find((s) => s.id === id);
}
