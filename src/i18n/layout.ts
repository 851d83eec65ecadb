/** Strings of the layout switches, the language toggle, the scenes list and the view tabs. */
export const en = {
  overlay: 'Overlay',
  split: 'Side by side',
  layoutTitle: 'All runners on one surface, or up to four panes side by side',
  palette: 'Colours',
  paletteTitle:
    'The lecture colours, or a set that stays distinct for colour-blind viewers (each runner also has its own marker and line pattern)',
  paletteNames: { lecture: 'Lecture', colorblind: 'Colour-blind safe' } as Record<
    'lecture' | 'colorblind',
    string
  >,
  panes: 'Panes',
  pane: (n: number) => `Pane ${n}`,
  race: 'Race',
  softmax: 'Sigmoid & softmax',
  scenes: 'Lecture scenes',
  sceneNames: {
    bowl: 'Ball in a bowl',
    'bag-strong-shake': 'Bag shaken hard',
    'bag-gentle-shake': 'Bag shaken gently',
    race: 'The race',
    'momentum-lr': 'Momentum: big vs small lr',
    'adam-bias': 'Bias correction',
    'one-vs-batch': 'One example vs a batch',
    'raw-features': 'Raw vs standardized data',
    'lr-decay': 'Learning-rate decay',
    basins: 'Where each optimizer ends up',
    network: 'A real network',
  } as Record<string, string>,
};

export const ru: typeof en = {
  overlay: 'Вместе',
  split: 'Рядом',
  layoutTitle: 'Все бегуны на одной поверхности или до четырёх панелей рядом',
  palette: 'Цвета',
  paletteTitle:
    'Цвета лекции или набор, различимый при нарушениях цветового зрения (у каждого бегуна есть и свой маркер, и свой тип линии)',
  paletteNames: { lecture: 'Лекция', colorblind: 'Для дальтоников' },
  panes: 'Панели',
  pane: (n) => `Панель ${n}`,
  race: 'Гонка',
  softmax: 'Сигмоида и softmax',
  scenes: 'Сцены из лекции',
  sceneNames: {
    bowl: 'Шарик в чаше',
    'bag-strong-shake': 'Пакет трясут сильно',
    'bag-gentle-shake': 'Пакет трясут слабо',
    race: 'Гонка',
    'momentum-lr': 'Моментум: большой и малый lr',
    'adam-bias': 'Поправка на смещение',
    'one-vs-batch': 'Один пример или батч',
    'raw-features': 'Сырые или стандартизованные данные',
    'lr-decay': 'Уменьшение шага',
    basins: 'Куда приходит каждый оптимизатор',
    network: 'Настоящая нейросеть',
  },
};
