/**
 * Why a typed-in function does not parse, as shown under the function field. The parser gives a
 * column and a problem code with the pieces of text it quotes (see `core/expression/problems.ts`);
 * English is the parser's own wording, the one `trace` prints.
 */
import {
  describeProblem,
  ENGLISH_PROBLEMS,
  type ParseProblem,
  type ProblemWords,
} from '../core/expression';

/** What came instead of what was expected: a quoted character, or the end of the text. */
const found = (text: string | null): string =>
  text === null ? 'конец выражения' : `символ «${text}»`;

const ruProblems: ProblemWords = {
  empty: () => 'функция пуста: введите выражение от x и y, например x^2 + y^2',
  'too-long': (p) => `функция длиннее ${p.limit} символов`,
  'too-deep': (p) =>
    `вложенность глубже ${p.limit} уровней (скобки, знаки и вызовы функций): ` +
    'упростите выражение',
  unexpected: (p) => `неожиданный ${found(p.found)}`,
  'invisible-character': (p) => `неожиданный невидимый символ ${p.codePoint}`,
  bracket: (p) => `неожиданный символ «${p.found}»: для группировки используйте ( и )`,
  'equals-sign': () => 'неожиданный символ «=»: введите только само выражение, например x^2 + y^2',
  'superscript-power': (p) => `неожиданный символ «${p.found}»: степень пишется как ^${p.power}`,
  'division-sign': () => 'неожиданный символ «÷»: деление пишется как /',
  'absolute-bars': () => 'неожиданный символ «|»: модуль пишется как abs(...)',
  'root-sign': () => 'неожиданный символ «√»: корень пишется как sqrt(...)',
  'double-star': () => '«**»: степень пишется как ^',
  'exponent-without-digits': (p) =>
    `неверное число «${p.number}»: после e нужен показатель, например ${p.mantissa}e-3; ` +
    `чтобы умножить ${p.mantissa} на e, напишите ${p.mantissa}*e`,
  'two-decimal-points': (p) =>
    `неверное число «${p.number}»: в числе может быть только одна десятичная точка`,
  'fractional-exponent': (p) =>
    `неверное число «${p.number}»: показатель степени должен быть целым`,
  'number-too-large': (p) => `число «${p.number}» слишком большое`,
  'missing-right-operand': (p) =>
    `неожиданный ${found(p.found)}: после «${p.operator}» не хватает второго операнда`,
  'missing-left-operand': (p) =>
    `неожиданный символ «${p.operator}»: перед «${p.operator}» не хватает первого операнда`,
  'operator-after': (p) => `неожиданный символ «${p.found}» после «${p.previous}»`,
  'empty-parentheses': () => 'неожиданный символ «)»: в скобках ничего нет',
  'missing-argument': (p) =>
    `неожиданный символ «)»: функции «${p.fn}» нужен аргумент, например ${p.fn}(x)`,
  'unclosed-parenthesis': () => 'скобка «(» не закрыта',
  'comma-in-call': (p) => `неожиданная запятая: у функции «${p.fn}» один аргумент`,
  'decimal-comma': (p) =>
    `неожиданная запятая: десятичные дроби пишутся с точкой, ${p.whole}.${p.fraction}`,
  'implicit-multiplication': (p) =>
    `«${p.typed}»: напишите ${p.written}${p.power === null ? '' : ` (или ${p.power}, если это степень)`}`,
  'uppercase-name': (p) =>
    `неизвестное имя «${p.name}»: имена пишутся строчными буквами, напишите ${p.lowercase}`,
  'uppercase-function': (p) =>
    `неизвестная функция «${p.name}»: имена пишутся строчными буквами, напишите ${p.lowercase}`,
  'needs-parentheses': (p) => `после «${p.fn}» нужны скобки: напишите ${p.fn}(${p.argument})`,
  'power-of-function': (p) => `после «${p.fn}» нужны скобки: степень пишется как ${p.fn}(x)^2`,
  'call-without-parentheses': (p) => `после «${p.fn}» нужны скобки, например ${p.fn}(x)`,
  'unknown-function': (p) =>
    `неизвестная функция «${p.name}»; есть такие: ${p.functions.join(', ')}`,
  'unknown-name': (p) => `неизвестное имя «${p.name}»: переменные — x и y`,
};

export const en = {
  /** The line under the field: where, then what. */
  atColumn: (column: number, reason: string) => `column ${column}: ${reason}`,
  problems: ENGLISH_PROBLEMS,
};

export const ru: typeof en = {
  atColumn: (column, reason) => `столбец ${column}: ${reason}`,
  problems: ruProblems,
};

/** A parse error in the given language: «столбец 2: «2x»: напишите 2*x». */
export function describeFunctionError(
  words: typeof en,
  error: { column: number; problem: ParseProblem },
): string {
  return words.atColumn(error.column, describeProblem(words.problems, error.problem));
}
