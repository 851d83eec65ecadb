/** A name at the start of a sentence. */
const capitalized = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The network's panels: the training-accuracy chart and the data panel's confusion matrix and decision regions. */
export const en = {
  accuracyTitle: 'Training accuracy',
  accuracyCanvas:
    'Training accuracy of every shown runner against the step (share of all penguins classified right); the dashed line marks 95 %',
  panel: 'Data',
  views: 'What the data panel shows',
  confusion: 'Confusion',
  confusionTitle:
    'The confusion matrix of the selected runner at its current step: rows are the true species, columns the species the network predicts',
  regions: 'Regions',
  regionsTitle:
    'The species the selected runner’s network predicts over two measurements, with every penguin on top',
  predicted: 'predicted',
  actual: 'true species',
  classes: ['Adelie', 'Chinstrap', 'Gentoo'] as readonly string[],
  /** Over the confusion matrix's narrow columns. */
  shortClasses: ['Adelie', 'Chinstrap', 'Gentoo'] as readonly string[],
  features: ['bill length', 'bill depth', 'flipper length', 'body mass'] as readonly string[],
  units: ['mm', 'mm', 'mm', 'g'] as readonly string[],
  featureX: 'x',
  featureXTitle: 'The measurement across',
  featureY: 'y',
  featureYTitle: 'The measurement up',
  heldAtMean: (a: string, b: string) => `${capitalized(a)} and ${b} held at their mean`,
  heldTitle:
    'The network reads all four measurements; the two not shown are fixed at their mean (0 after standardization). A penguin can therefore sit in another species’ region here and still be classified right.',
  accuracyLine: (label: string, step: number, percent: string, correct: number, n: number) =>
    `${label}, step ${step}: ${percent} % right (${correct} of ${n})`,
  confusionCanvas: (label: string) =>
    `Confusion matrix of ${label} at its current step: counts of each true species (rows) by predicted species (columns)`,
  regionsCanvas: (label: string) =>
    `Decision regions of ${label}’s network at its current step, with the penguins coloured and shaped by species`,
  sharpness: 'Sharpness',
  sharpnessTitle:
    'The loss along one random direction around each runner’s final weights, scaled filter by filter to the weights (Li et al. 2018): a narrow valley is a sharp minimum, a wide one a flat minimum',
  sharpnessAxis: 'α (filter-normalized)',
  sharpnessLine:
    'Loss around each runner’s final weights along one random direction (the same draw for all, scaled to each). Narrow: a sharp minimum; wide: a flat one.',
  sharpnessCanvas:
    'The loss along a random direction around each runner’s final weights, from α = −1 to 1; the runners’ own weights at α = 0',
};

export const ru: typeof en = {
  accuracyTitle: 'Точность на обучении',
  accuracyCanvas:
    'Точность на обучающих данных каждого показанного бегуна в зависимости от шага (доля верно классифицированных пингвинов); пунктир отмечает 95 %',
  panel: 'Данные',
  views: 'Что показывает панель данных',
  confusion: 'Ошибки',
  confusionTitle:
    'Матрица ошибок выбранного бегуна на его текущем шаге: строки — настоящий вид, столбцы — вид, который предсказывает сеть',
  regions: 'Области',
  regionsTitle:
    'Вид, который предсказывает сеть выбранного бегуна, на плоскости двух измерений; поверх — все пингвины',
  predicted: 'предсказано',
  actual: 'настоящий вид',
  classes: ['Адели', 'Антарктический', 'Папуанский'],
  shortClasses: ['Адели', 'Антарк.', 'Папуан.'],
  features: ['длина клюва', 'глубина клюва', 'длина ласта', 'масса'],
  units: ['мм', 'мм', 'мм', 'г'],
  featureX: 'x',
  featureXTitle: 'Измерение по горизонтали',
  featureY: 'y',
  featureYTitle: 'Измерение по вертикали',
  heldAtMean: (a, b) => `${capitalized(a)} и ${b} — на среднем значении`,
  heldTitle:
    'Сеть читает все четыре измерения; два непоказанных зафиксированы на среднем значении (0 после стандартизации). Поэтому пингвин может оказаться здесь в области чужого вида и всё же быть классифицирован верно.',
  accuracyLine: (label, step, percent, correct, n) =>
    `${label}, шаг ${step}: верно ${percent} % (${correct} из ${n})`,
  confusionCanvas: (label) =>
    `Матрица ошибок бегуна «${label}» на его текущем шаге: сколько пингвинов каждого настоящего вида (строки) отнесено к каждому виду (столбцы)`,
  regionsCanvas: (label) =>
    `Области решений сети бегуна «${label}» на его текущем шаге; пингвины раскрашены и помечены по виду`,
  sharpness: 'Острота',
  sharpnessTitle:
    'Потери вдоль одного случайного направления вокруг итоговых весов каждого бегуна, отмасштабированного по фильтрам к весам (Li и др., 2018): узкая долина — острый минимум, широкая — плоский',
  sharpnessAxis: 'α (по фильтрам)',
  sharpnessLine:
    'Потери вокруг итоговых весов каждого бегуна вдоль одного случайного направления (одно и то же для всех, отмасштабировано к каждому). Узко — острый минимум, широко — плоский.',
  sharpnessCanvas:
    'Потери вдоль случайного направления вокруг итоговых весов каждого бегуна, от α = −1 до 1; сами веса бегунов — при α = 0',
};
