/** Strings of the live loss chart. */
export const en = {
  title: 'Loss by step',
  canvasLabel: 'Loss f of every shown runner against the step',
  log: 'log',
  logTitle: 'Logarithmic loss axis (powers of ten)',
  logShows: (reference: string) => `log scale of f − f₀ + δ, f₀ = ${reference}`,
  logExplained:
    'On the log scale the chart plots f − f₀ + δ, so losses at or below zero can be shown: f₀ is ' +
    'the global minimum of the landscape (0 when it is unknown), or the lowest loss seen if a ' +
    'runner goes lower; δ = 10⁻¹²·max(1, |f₀|) keeps a runner sitting exactly at f₀ on the chart.',
  noRunners: 'No runner is shown',
};

export const ru: typeof en = {
  title: 'Потери по шагам',
  canvasLabel: 'Потери f каждого показанного бегуна в зависимости от шага',
  log: 'log',
  logTitle: 'Логарифмическая шкала потерь (степени десяти)',
  logShows: (reference) => `лог. шкала для f − f₀ + δ, f₀ = ${reference}`,
  logExplained:
    'В логарифмической шкале на графике откладывается f − f₀ + δ, чтобы можно было показать и ' +
    'нулевые, и отрицательные потери: f₀ — глобальный минимум поверхности (0, если он ' +
    'неизвестен) или наименьшие потери среди бегунов, если кто-то опустился ниже; ' +
    'δ = 10⁻¹²·max(1, |f₀|) — чтобы бегун, стоящий ровно в f₀, не пропадал с графика.',
  noRunners: 'Нет показанных бегунов',
};
