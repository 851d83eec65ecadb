import { describe, expect, it } from 'vitest';
import { parseFunction, type ParseError } from '../../src/core/expression';
import { describeFunctionError, messages } from '../../src/i18n';
import { MISTAKES, OVER_THE_LIMITS } from '../core/expression/mistakes';

function errorOf(text: string): ParseError {
  const result = parseFunction(text);
  if (result.ok) throw new Error(`"${text}" parsed`);
  return result;
}

const ru = messages.ru.functionErrors;
const en = messages.en.functionErrors;

describe('a mistyped function in the Russian interface', () => {
  it('says where and what in Russian, quoting what was typed in «»', () => {
    expect(describeFunctionError(ru, errorOf('2x'))).toBe('столбец 2: «2x»: напишите 2*x');
    expect(describeFunctionError(ru, errorOf('x2'))).toBe(
      'столбец 2: «x2»: напишите x*2 (или x^2, если это степень)',
    );
    expect(describeFunctionError(ru, errorOf('sin(x'))).toBe('столбец 4: скобка «(» не закрыта');
    expect(describeFunctionError(ru, errorOf('x^'))).toBe(
      'столбец 3: неожиданный конец выражения: после «^» не хватает второго операнда',
    );
  });

  it('leaves no English words behind in any error', () => {
    const english = /\b(unexpected|write|needs?|unknown|column|names?|the|for|number|type)\b/i;
    for (const [text] of [...MISTAKES, ...OVER_THE_LIMITS]) {
      const error = errorOf(text);
      // What the user typed is quoted as typed; only the words around it must be Russian.
      const words = describeFunctionError(ru, error).replace(/«[^»]*»/g, '«…»');
      expect(words, text).not.toMatch(english);
      expect(words, text).not.toMatch(/"/);
    }
  });

  it('keeps the English wording for the English interface, the same as the command line', () => {
    const error = errorOf('2x');
    expect(describeFunctionError(en, error)).toBe('column 2: "2x": write 2*x');
    expect(describeFunctionError(en, error)).toBe(error.message);
  });
});
