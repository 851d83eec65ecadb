/** The remembered session and the way back to the defaults. */
export const en = {
  reset: 'Defaults',
  resetTitle:
    'Back to the default race, runners and view, and forget the session this browser remembers (the language stays)',
  confirm: 'Reset all?',
  confirmTitle: 'Click again to reset everything to the defaults',
};

export const ru: typeof en = {
  reset: 'Сброс',
  resetTitle:
    'Вернуть гонку, бегунов и вид по умолчанию и забыть сеанс, который помнит браузер (язык останется)',
  confirm: 'Сбросить всё?',
  confirmTitle: 'Нажмите ещё раз, чтобы вернуть всё по умолчанию',
};
