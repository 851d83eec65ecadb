/** Strings of the sigmoid & softmax view: the logistic plot, softmax bars and the overflow demo. */
export const en = {
  title: 'Sigmoid and softmax',
  intro:
    'Two functions from the first part of the lecture that turn scores into probabilities: the logistic function (the sigmoid is its standard case) for two classes, softmax for many.',

  logisticHeading: 'Logistic function',
  paramL: 'upper limit (“carrying capacity”): the curve rises from 0 to L',
  paramK: 'steepness of the linear part: the slope at x₀ is kL/4',
  paramX0: 'midpoint, where f = L/2: the boundary between two classes',
  sigmoidNote:
    'The sigmoid is the special case L = 1, k = 1, x₀ = 0, the standard logistic function: the activation of the last layer in binary classification.',
  resetSigmoid: 'Reset to the sigmoid',
  curveLegend: 'f(x) with your L, k, x₀',
  sigmoidLegend: 'sigmoid σ(x)',
  tangentLegend: 'tangent at x₀, slope kL/4',
  class0: 'class 0',
  class1: 'class 1',
  plotLabel: 'The logistic function with the chosen L, k, x₀ and the sigmoid, for x from −10 to 10',
  mustBeNumber: (name: string) => `${name} must be a number`,
  outside: (name: string, lo: number, hi: number) => `${name} must be in [${lo}, ${hi}]`,

  softmaxHeading: 'Softmax',
  softmaxWhat:
    'Turns a vector z of K scores into K numbers in [0, 1] that add up to 1, a probability for each class: the activation of the last layer in multiclass problems.',
  vectorLabel: 'Vector z',
  vectorHint: 'Commas or spaces between numbers, up to 50.',
  lectureExample: 'Lecture example',
  vectorEmpty: 'Type at least one number.',
  vectorTooMany: (count: number, max: number) => `${count} numbers: at most ${max} are allowed.`,
  vectorNotNumber: (token: string, column: number) =>
    `“${token}” (column ${column}) is not a number.`,
  vectorNotFinite: (token: string, column: number) =>
    `“${token}” (column ${column}) is not a finite number.`,
  keptLast: 'The bars still show the last valid vector.',
  temperature: 'Temperature T',
  temperatureHint:
    'Small T sharpens the distribution towards the largest entry (one-hot as T → 0), large T flattens it towards the uniform 1/K; T = 1 is plain softmax.',
  temperatureOne: 'T = 1',
  barsLabel: 'Softmax of the vector, one bar per entry',
  sum: 'sum',
  output: 'output',

  overflowHeading: 'Why subtract the maximum',
  overflowWhat:
    'In float64, eˣ overflows to ∞ once x > 709.78. The lecture’s np.exp(x) / np.sum(np.exp(x)) then divides ∞ by ∞. Subtracting max(z) from every entry changes nothing mathematically (the common factor e^(−max z) cancels), but it keeps every exponent ≤ 0, so the largest term is e⁰ = 1.',
  loadOverflow: 'Load [1000, 999]',
  atT1: 'Both columns at T = 1, for the current vector.',
  naiveHeading: 'Naive, as in the lecture',
  stableHeading: 'Stable: subtract max(z) first',
  entry: 'i',
  result: 'result',
  overflowResult: 'overflow: ∞/∞ = NaN',
  underflowResult: 'underflow: 0/0 = NaN',
  overflowCell: '∞/∞ = NaN',
  underflowCell: '0/0 = NaN',
  overInfinity: 'x/∞ = 0',
  overflowExplain:
    'e^zᵢ is ∞ for some entries, so the sum is ∞ and those entries become ∞/∞, which is not a number.',
  underflowExplain:
    'Every e^zᵢ is rounded to 0 (zᵢ < −745), so the sum is 0 and every entry becomes 0/0.',
  naiveFine: 'No overflow here: the naive result matches the stable one.',
  stableExplain: 'Every exponent is ≤ 0, so every term is in [0, 1] and the sum is ≥ 1.',
};

export const ru: typeof en = {
  title: 'Сигмоида и softmax',
  intro:
    'Две функции из первой части лекции, которые превращают оценки в вероятности: логистическая функция (сигмоида — её стандартный частный случай) для двух классов и softmax для многих.',

  logisticHeading: 'Логистическая функция',
  paramL: 'верхний предел («ёмкость среды»): кривая растёт от 0 до L',
  paramK: 'коэффициент наклона линейного участка (крутизна): наклон в точке x₀ равен kL/4',
  paramX0: 'срединная точка, где f = L/2: граница между двумя классами',
  sigmoidNote:
    'Сигмоида — частный случай L = 1, k = 1, x₀ = 0, стандартная логистическая функция: функция активации последнего слоя в задачах бинарной классификации.',
  resetSigmoid: 'Сбросить к сигмоиде',
  curveLegend: 'f(x) с вашими L, k, x₀',
  sigmoidLegend: 'сигмоида σ(x)',
  tangentLegend: 'касательная в x₀, наклон kL/4',
  class0: 'класс 0',
  class1: 'класс 1',
  plotLabel: 'Логистическая функция с выбранными L, k, x₀ и сигмоида при x от −10 до 10',
  mustBeNumber: (name) => `${name} должно быть числом`,
  outside: (name, lo, hi) => `${name} должно лежать в [${lo}, ${hi}]`,

  softmaxHeading: 'Softmax',
  softmaxWhat:
    'Преобразует вектор z из K оценок в K чисел из [0, 1] с суммой 1 — вероятность каждого класса: функция активации последнего слоя в многоклассовых задачах.',
  vectorLabel: 'Вектор z',
  vectorHint: 'Числа через запятую или пробел, не больше 50.',
  lectureExample: 'Пример из лекции',
  vectorEmpty: 'Введите хотя бы одно число.',
  vectorTooMany: (count, max) => `Чисел ${count}, а можно не больше ${max}.`,
  vectorNotNumber: (token, column) => `«${token}» (позиция ${column}) — не число.`,
  vectorNotFinite: (token, column) => `«${token}» (позиция ${column}) — не конечное число.`,
  keptLast: 'Столбцы по-прежнему показывают последний правильный вектор.',
  temperature: 'Температура T',
  temperatureHint:
    'При малой T распределение заостряется к наибольшему элементу (при T → 0 — one-hot), при большой T выравнивается к равномерному 1/K; T = 1 — обычный softmax.',
  temperatureOne: 'T = 1',
  barsLabel: 'Softmax вектора, по столбцу на элемент',
  sum: 'сумма',
  output: 'результат',

  overflowHeading: 'Зачем вычитать максимум',
  overflowWhat:
    'В float64 eˣ переполняется до ∞ уже при x > 709,78. Тогда формула из лекции np.exp(x) / np.sum(np.exp(x)) делит ∞ на ∞. Если вычесть max(z) из каждого элемента, математически ничего не изменится (общий множитель e^(−max z) сокращается), зато все показатели степени станут ≤ 0 и наибольшее слагаемое будет равно e⁰ = 1.',
  loadOverflow: 'Загрузить [1000, 999]',
  atT1: 'Оба столбца — при T = 1 для текущего вектора.',
  naiveHeading: 'Наивно, как в лекции',
  stableHeading: 'Устойчиво: сначала вычесть max(z)',
  entry: 'i',
  result: 'результат',
  overflowResult: 'переполнение: ∞/∞ = NaN',
  underflowResult: 'исчезновение порядка: 0/0 = NaN',
  overflowCell: '∞/∞ = NaN',
  underflowCell: '0/0 = NaN',
  overInfinity: 'x/∞ = 0',
  overflowExplain:
    'Для некоторых элементов e^zᵢ = ∞, поэтому сумма равна ∞, а эти элементы дают ∞/∞ — не число.',
  underflowExplain:
    'Все e^zᵢ округляются до 0 (zᵢ < −745), поэтому сумма равна 0 и каждый элемент даёт 0/0.',
  naiveFine: 'Здесь переполнения нет: наивный результат совпадает с устойчивым.',
  stableExplain:
    'Все показатели степени ≤ 0, поэтому каждое слагаемое лежит в [0, 1], а сумма ≥ 1.',
};
