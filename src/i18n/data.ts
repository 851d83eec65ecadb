/**
 * A whole number with its thousands grouped ("51,684"; Russian "51 684" with a thin space),
 * without Intl: the first toLocaleString call loads locale data and took ~150 ms of the main
 * thread, and the counter redraws ten times a second.
 */
function grouped(n: number, separator: string): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/** Russian noun form for a count: 1 пример, 2 примера, 5 примеров (21 пример, 11 примеров). */
function ruExamples(n: number): string {
  const d = n % 10;
  const h = n % 100;
  if (d === 1 && h !== 11) return 'пример';
  if (d >= 2 && d <= 4 && (h < 12 || h > 14)) return 'примера';
  return 'примеров';
}

/** Training on real data: the dataset group, its switches, batches, epochs, schedules, the data panel. */
export const en = {
  group: 'Real data',
  raw: 'Raw units',
  rawTitle:
    'Train on the data in its own units (mm, g) instead of standardized: the bowl becomes a long, tilted ravine',
  standardized: 'standardized',
  rawUnits: 'raw units',
  batch: 'Batch',
  batchTitle: (n: number) =>
    `Rows per step: 1 is one random example, ${n} is the full data (plain gradient descent)`,
  batchSlider: 'Batch size (log scale)',
  raceBatch: 'Default batch',
  raceBatchTitle: 'Batch size of runners that do not set their own',
  ofRows: (n: number) => `of ${n}`,
  batchSurface: 'Batch surface',
  batchSurfaceTitle:
    "Draw the loss of the selected runner's current batch instead of the full data's (which stays as contour lines): each batch is a slightly different bag",
  epochCounter: (epoch: number, examples: number, label: string) =>
    `${label}: epoch ${epoch} · ${grouped(examples, ',')} examples`,
  dataPanel: 'Data',
  dataPanelTitle: (label: string) =>
    `The data, with ${label}'s current model; this step's batch in colour`,
  seedHint:
    'Each epoch the rows are shuffled with the seed below (as DataLoader(shuffle=True)); σ adds invented noise on top of the batches’ real noise.',
  credit: 'Data: Palmer penguins (Gorman, Williams & Fraser 2014, CC0) via vega-datasets',
  schedule: 'Schedule',
  scheduleTitle: 'How the learning rate changes with the steps (torch.optim.lr_scheduler)',
  schedules: {
    constant: 'constant',
    step: 'step (StepLR)',
    exponential: 'exponential',
    cosine: 'cosine',
    warmup: 'warm-up (LinearLR)',
  },
  scheduleMeanings: {
    step_size: 'steps between decays',
    gamma: 'factor γ the rate is multiplied by',
    t_max: 'steps from the base rate down to η_min',
    eta_min: 'lowest rate η_min',
    start_factor: 'share of the base rate at step 1',
    total_iters: 'steps until the full rate',
  } as Record<string, string>,
  lrNow: 'now',
  lrNowTitle: 'The learning rate of the next step',
  featureAxis: { 'penguins-mass': 'flipper length', 'penguins-species': 'bill length' } as Record<
    string,
    string
  >,
  targetAxis: { 'penguins-mass': 'body mass', 'penguins-species': 'P(Chinstrap)' } as Record<
    string,
    string
  >,
  classes: ['Adelie', 'Chinstrap'] as readonly [string, string],
};

export const ru: typeof en = {
  group: 'Реальные данные',
  raw: 'Сырые единицы',
  rawTitle:
    'Обучать на данных в их собственных единицах (мм, г), без стандартизации: чаша превращается в длинный наклонный овраг',
  standardized: 'стандартизованы',
  rawUnits: 'сырые единицы',
  batch: 'Батч',
  batchTitle: (n: number) =>
    `Строк на шаг: 1 — один случайный пример, ${n} — все данные (обычный градиентный спуск)`,
  batchSlider: 'Размер батча (логарифмическая шкала)',
  raceBatch: 'Батч по умолчанию',
  raceBatchTitle: 'Размер батча у бегунов, которым он не задан',
  ofRows: (n: number) => `из ${n}`,
  batchSurface: 'Поверхность батча',
  batchSurfaceTitle:
    'Рисовать потерю текущего батча выбранного бегуна вместо потери на всех данных (она остаётся линиями уровня): каждый батч — немного другой пакет',
  epochCounter: (epoch: number, examples: number, label: string) =>
    `${label}: эпоха ${epoch} · ${grouped(examples, '\u202f')} ${ruExamples(examples)}`,
  dataPanel: 'Данные',
  dataPanelTitle: (label: string) =>
    `Данные и текущая модель бегуна «${label}»; батч этого шага выделен цветом`,
  seedHint:
    'Каждую эпоху строки перемешиваются с зерном ниже (как DataLoader(shuffle=True)); σ добавляет выдуманный шум поверх настоящего шума батчей.',
  credit: 'Данные: пингвины Палмера (Gorman, Williams & Fraser 2014, CC0), из vega-datasets',
  schedule: 'Расписание',
  scheduleTitle: 'Как шаг обучения меняется со временем (torch.optim.lr_scheduler)',
  schedules: {
    constant: 'постоянный',
    step: 'ступенчатый (StepLR)',
    exponential: 'экспоненциальный',
    cosine: 'косинусный',
    warmup: 'разогрев (LinearLR)',
  },
  scheduleMeanings: {
    step_size: 'шагов между уменьшениями',
    gamma: 'множитель γ шага обучения',
    t_max: 'шагов от начального шага до η_min',
    eta_min: 'наименьший шаг η_min',
    start_factor: 'доля начального шага на первом шаге',
    total_iters: 'шагов до полного шага',
  },
  lrNow: 'сейчас',
  lrNowTitle: 'Шаг обучения на следующем шаге',
  featureAxis: { 'penguins-mass': 'длина ласта', 'penguins-species': 'длина клюва' },
  targetAxis: { 'penguins-mass': 'масса', 'penguins-species': 'P(антарктический)' },
  classes: ['Адели', 'Антарктический'],
};
