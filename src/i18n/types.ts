/** The languages of the app. */
export const LANGUAGES = ['en', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];

/** True for a supported language code. */
export function isLanguage(x: unknown): x is Language {
  return x === 'en' || x === 'ru';
}

/**
 * The language to start in: `?lang=` if valid, else the remembered choice, else the browser's
 * (Russian for any ru-* locale), else English.
 */
export function initialLanguage(
  search: string,
  remembered: string | null,
  browser: readonly string[],
): Language {
  const fromUrl = new URLSearchParams(search).get('lang');
  if (isLanguage(fromUrl)) return fromUrl;
  if (isLanguage(remembered)) return remembered;
  return browser.some((l) => l.toLowerCase().startsWith('ru')) ? 'ru' : 'en';
}
