import { describe, expect, it } from 'vitest';
import { initialLanguage, messages } from '../../src/i18n';

/** Every leaf of a dictionary as [path, value]. */
function leaves(o: unknown, path = ''): [string, unknown][] {
  if (o && typeof o === 'object')
    return Object.entries(o).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  return [[path, o]];
}

describe('Russian and English', () => {
  it('have the same keys, and no empty strings', () => {
    const en = leaves(messages.en);
    const ru = leaves(messages.ru);
    expect(ru.map(([k]) => k).sort()).toEqual(en.map(([k]) => k).sort());
    for (const [, v] of [...en, ...ru]) if (typeof v === 'string') expect(v.trim()).not.toBe('');
  });

  it('Russian strings are in Russian (not English left untranslated)', () => {
    const en = new Map(leaves(messages.en));
    const untranslated = leaves(messages.ru).filter(
      ([k, v]) =>
        typeof v === 'string' && /[a-z]{4,}/i.test(v) && !/[а-яё]/i.test(v) && v === en.get(k),
    );
    // The grammar's list of function names is the same in both languages; sentences are not.
    const sameInBoth = new Set(['landscapePanel.functionHelp']);
    const sentences = untranslated.filter(
      ([k, v]) => !sameInBoth.has(k) && (v as string).split(' ').length > 3,
    );
    expect(sentences.map(([k]) => k)).toEqual([]);
  });

  it('starts in the language of the link, then the remembered one, then the browser’s', () => {
    expect(initialLanguage('?lang=ru', 'en', ['en-US'])).toBe('ru');
    expect(initialLanguage('?lang=xx', 'ru', ['en-US'])).toBe('ru');
    expect(initialLanguage('', null, ['ru-RU', 'en'])).toBe('ru');
    expect(initialLanguage('', null, ['de-DE'])).toBe('en');
    expect(initialLanguage('', 'garbage', ['en-GB'])).toBe('en');
  });
});
