/** The neural network on its plane of training: computing, the share of the motion, the plane. */
export const en = {
  group: 'Neural network',
  formulaNote: (n: number) =>
    `mean cross-entropy of a 4–8–3 tanh network over all ${n} penguins, on the plane of training`,
  training: (percent: number) => `Training the network… ${percent} %`,
  drawingPlane: (percent: number) => `Drawing the loss on the plane… ${percent} %`,
  trainingLabel: 'Training the network',
  drawingLabel: 'Drawing the loss on the plane',
  explained: (total: string, first: string, second: string) =>
    `This plane holds ${total} % of the motion (${first} % + ${second} %)`,
  explainedTitle:
    'The plane through the initial weights spanned by the two principal directions of every runner’s training (Li et al. 2018, §7): the share of the runners’ squared motion from the start that it keeps. The rest happens in the other 65 directions.',
  gapTitle:
    'A thin line joins a ball (its true loss) to the surface under it (the loss on the plane): their gap is the part of the weights off the plane.',
  keptPlane: 'plane kept from the last fit',
  refit: 'Fit the plane again',
  refitTitle: 'Fit the plane to the trajectories from the current start',
  accuracy: (percent: string) => `accuracy ${percent} %`,
  scrub: 'Training step',
  scrubTitle: 'The race was computed before it is played: drag to show any step of the training',
  accuracyColumn: 'Accuracy',
  accuracyColumnTitle:
    'Training accuracy: the share of the 342 penguins the network classifies right',
  noValues: 'Live values are not shown: this runner steps in all 67 weights, not on the plane.',
};

export const ru: typeof en = {
  group: 'Нейронная сеть',
  formulaNote: (n) =>
    `средняя перекрёстная энтропия сети 4–8–3 с tanh по всем ${n} пингвинам, на плоскости обучения`,
  training: (percent) => `Обучаем сеть… ${percent} %`,
  drawingPlane: (percent) => `Рисуем потери на плоскости… ${percent} %`,
  trainingLabel: 'Обучение сети',
  drawingLabel: 'Рисуем потери на плоскости',
  explained: (total, first, second) =>
    `В этой плоскости ${total} % движения (${first} % + ${second} %)`,
  explainedTitle:
    'Плоскость через начальные веса, натянутая на два главных направления обучения всех бегунов (Li и др., 2018, §7): доля квадрата их смещения от старта, которая в ней остаётся. Остальное происходит в других 65 направлениях.',
  gapTitle:
    'Тонкая линия соединяет шарик (его настоящие потери) с поверхностью под ним (потери на плоскости): разрыв — это часть весов вне плоскости.',
  keptPlane: 'плоскость сохранена с прошлого построения',
  refit: 'Построить плоскость заново',
  refitTitle: 'Построить плоскость по траекториям от текущего старта',
  accuracy: (percent) => `точность ${percent} %`,
  scrub: 'Шаг обучения',
  scrubTitle: 'Гонка посчитана заранее: перетащите, чтобы показать любой шаг обучения',
  accuracyColumn: 'Точность',
  accuracyColumnTitle:
    'Точность на обучающих данных: доля из 342 пингвинов, которых сеть определяет верно',
  noValues: 'Значения не показаны: этот бегун шагает во всех 67 весах, а не по плоскости.',
};
