/** Strings about the surface's background work: sampling it and searching its minima. */
export const en = {
  drawing: (percent: number) => `Drawing the surface… ${percent} %`,
  searching: 'Searching for the minima…',
  estimated:
    'The minima are estimates: the search stopped at its time budget (this function is long). The race runs on the exact function.',
};

export const ru: typeof en = {
  drawing: (percent) => `Строим поверхность… ${percent} %`,
  searching: 'Ищем минимумы…',
  estimated:
    'Минимумы найдены приближённо: поиск остановился, исчерпав отведённое время (функция длинная). Гонка идёт по точной функции.',
};
