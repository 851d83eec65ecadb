/** Strings of the live formulas panel. */
export const en = {
  title: 'Update rule',
  runner: 'Runner whose rule is shown',
  lectureForm: 'the lecture’s form',
  torchTitle: 'Exactly how this PyTorch optimizer steps',
  hyperTitle: (names: string) => `In PyTorch’s names: ${names}`,
  valuesAfter: (t: number) => `Values after step t = ${t}`,
  valuesTitle: 'Live values of the selected runner; vectors are (x, y)',
  noStepYet: 'The values appear after the first step.',
  meaning: {
    g: 'The gradient used at this step (with the shake’s noise)',
    firstMoment: 'First moment: the momentum buffer',
    secondMoment: 'Second moment: the average of g² (Adagrad: their sum)',
    gradientMean: 'Running mean of g (centered RMSProp)',
    biasCorrection1: 'Bias correction of the first moment',
    biasCorrection2: 'Bias correction of the second moment',
    step: 'The step taken: Δw = wₜ − wₜ₋₁',
  },
  allRunners: 'Every runner’s rule',
  noRunners: 'No runners.',
};

export const ru: typeof en = {
  title: 'Правило обновления',
  runner: 'Бегун, чьё правило показано',
  lectureForm: 'форма из лекции',
  torchTitle: 'Ровно так делает шаг этот оптимизатор PyTorch',
  hyperTitle: (names) => `Имена в PyTorch: ${names}`,
  valuesAfter: (t) => `Значения после шага t = ${t}`,
  valuesTitle: 'Текущие значения выбранного бегуна; векторы записаны как (x, y)',
  noStepYet: 'Значения появятся после первого шага.',
  meaning: {
    g: 'Градиент, использованный на этом шаге (с шумом тряски)',
    firstMoment: 'Первый момент: буфер импульса',
    secondMoment: 'Второй момент: среднее g² (в Adagrad — их сумма)',
    gradientMean: 'Скользящее среднее g (центрированный RMSProp)',
    biasCorrection1: 'Поправка на смещение первого момента',
    biasCorrection2: 'Поправка на смещение второго момента',
    step: 'Сделанный шаг: Δw = wₜ − wₜ₋₁',
  },
  allRunners: 'Правила всех бегунов',
  noRunners: 'Бегунов нет.',
};
