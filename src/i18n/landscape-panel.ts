/** Strings of the landscape panel: presets, your function, domain, the shake; and the scenes list. */
export const en = {
  heading: 'Landscape',
  functionLabel: 'f(x, y) =',
  functionPlaceholder: 'e.g. sin(x)*cos(y) + 0.1*(x^2+y^2)',
  functionHelp: 'x, y, pi, e, + − * / ^, sin cos tan atan sinh cosh tanh exp log sqrt abs',
  functionShown: 'Shown on the surface.',
  keptLastValid: 'The surface keeps the last function that worked.',
  domain: 'Domain',
  domainError: 'Each minimum must be below its maximum.',
  shake: 'Shake σ',
  seed: 'seed',
  shakeHelp:
    'A minibatch gradient is the full gradient plus noise: σ is how hard the bag is shaken.',
  shakeError: 'σ must be a number ≥ 0 and the seed a whole number.',
  scenes: 'Lecture scenes',
  names: {
    bowl: 'Bowl',
    'penguins-mlp': 'Penguin classifier (67 weights)',
    'plastic-bag': 'Plastic bag',
    ravine: 'Ravine',
    'two-wells': 'Two wells',
    'penguins-mass': 'Penguins: body mass from flipper length',
    'penguins-species': 'Penguins: species from bill length',
    custom: 'Your function',
  } as Record<string, string>,
};

export const ru: typeof en = {
  heading: 'Поверхность',
  functionLabel: 'f(x, y) =',
  functionPlaceholder: 'например sin(x)*cos(y) + 0.1*(x^2+y^2)',
  functionHelp: 'x, y, pi, e, + − * / ^, sin cos tan atan sinh cosh tanh exp log sqrt abs',
  functionShown: 'Показана на поверхности.',
  keptLastValid: 'На поверхности остаётся последняя работавшая функция.',
  domain: 'Область',
  domainError: 'Каждый минимум должен быть меньше своего максимума.',
  shake: 'Тряска σ',
  seed: 'зерно',
  shakeHelp:
    'Градиент по мини-батчу — это полный градиент плюс шум: σ — насколько сильно трясут пакет.',
  shakeError: 'σ должно быть числом ≥ 0, а зерно — целым числом.',
  scenes: 'Сцены из лекции',
  names: {
    bowl: 'Чаша',
    'penguins-mlp': 'Классификатор пингвинов (67 весов)',
    'plastic-bag': 'Пластиковый пакет',
    ravine: 'Овраг',
    'two-wells': 'Две ямы',
    'penguins-mass': 'Пингвины: масса по длине ласта',
    'penguins-species': 'Пингвины: вид по длине клюва',
    custom: 'Своя функция',
  },
};
