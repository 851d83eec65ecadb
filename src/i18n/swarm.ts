/** A percentage with one decimal below 10 % ("7.9 %"), whole above. */
function percent(share: number, comma: boolean): string {
  const p = 100 * share;
  const text = p < 10 && p > 0 ? p.toFixed(1) : String(Math.round(p));
  return `${comma ? text.replace('.', ',') : text} %`;
}

/** Many starts at once: the swarm, the basin maps, their counts and shares. */
export const en = {
  group: 'Many starts',
  swarm: 'Swarm',
  swarmTitle:
    'Release every visible runner from many starts at once, each ball with its own noise and batches',
  swarmSize: 'Balls per runner',
  layout: 'Starts',
  layouts: { grid: 'jittered grid', cloud: 'random cloud' },
  basins: 'Basins',
  basinsTitle:
    'Colour every start by the minimum its run reaches in 500 steps: gold the true bottom, one hue per fold, grey still moving, black diverged',
  cells: 'Cells per side',
  mapOf: 'Map on the surface',
  computing: (p: number) => `computing the maps… ${Math.round(100 * p)} %`,
  computed: 'maps computed',
  counts: (c: { converged: number; stuck: number; diverged: number; running: number }) =>
    `bottom ${c.converged} · fold ${c.stuck} · moving ${c.running} · diverged ${c.diverged}`,
  countsTitle:
    'Balls that reached the global minimum, got stuck in another, are still moving, diverged',
  share: (share: number, complete: boolean) =>
    `${complete ? '' : '≈ '}${percent(share, false)} of starts reach the bottom`,
  summary: (label: string, share: number) => `${label}: ${percent(share, false)}`,
  summaryTail: 'of starts reach the true bottom',
  legend: {
    global: 'true bottom',
    local: 'a fold (local minimum)',
    moving: 'still moving',
    diverged: 'diverged',
  },
};

export const ru: typeof en = {
  group: 'Много стартов',
  swarm: 'Рой',
  swarmTitle:
    'Запустить каждого видимого участника сразу из многих точек, у каждого шарика свой шум и свои батчи',
  swarmSize: 'Шариков на участника',
  layout: 'Старты',
  layouts: { grid: 'сетка со сдвигом', cloud: 'случайное облако' },
  basins: 'Бассейны',
  basinsTitle:
    'Окрасить каждую стартовую точку по минимуму, в который спуск приходит за 500 шагов: золотом настоящее дно, своим цветом каждая складка, серым — ещё движется, чёрным — разошёлся',
  cells: 'Клеток по стороне',
  mapOf: 'Карта на поверхности',
  computing: (p: number) => `считаем карты… ${Math.round(100 * p)} %`,
  computed: 'карты готовы',
  counts: (c: { converged: number; stuck: number; diverged: number; running: number }) =>
    `дно ${c.converged} · складка ${c.stuck} · движутся ${c.running} · разошлись ${c.diverged}`,
  countsTitle:
    'Шарики, дошедшие до глобального минимума, застрявшие в другом, ещё движущиеся, разошедшиеся',
  share: (share: number, complete: boolean) =>
    `${complete ? '' : '≈ '}${percent(share, true)} стартов доходят до дна`,
  summary: (label: string, share: number) => `${label}: ${percent(share, true)}`,
  summaryTail: 'стартов доходят до настоящего дна',
  legend: {
    global: 'настоящее дно',
    local: 'складка (локальный минимум)',
    moving: 'ещё движется',
    diverged: 'разошёлся',
  },
};
