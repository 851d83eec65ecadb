import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileTape } from '../../../src/core/expression/compile';
import { parseExpression } from '../../../src/core/expression/parse';

const SOURCE_DIR = join(import.meta.dirname, '../../../src/core/expression');

describe('typed text is never run as code', () => {
  const files = readdirSync(SOURCE_DIR).filter((name) => name.endsWith('.ts'));

  it('finds the parser sources', () => {
    expect(files).toContain('parse.ts');
  });

  it.each(files)('%s contains no eval( or new Function', (name) => {
    const source = readFileSync(join(SOURCE_DIR, name), 'utf8');
    expect(source).not.toMatch(/\beval\s*\(/);
    expect(source).not.toMatch(/new\s+Function/);
    expect(source).not.toMatch(/\bFunction\s*\(/);
  });

  it.each(files)('%s imports only its neighbours (no dependencies)', (name) => {
    const source = readFileSync(join(SOURCE_DIR, name), 'utf8');
    for (const [, from] of source.matchAll(/from\s+'([^']+)'/g)) expect(from).toMatch(/^\.\//);
  });
});

function tapeOf(text: string) {
  const parsed = parseExpression(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return compileTape(parsed.expression);
}

describe('constants are worked out once, not at every point', () => {
  it('sin(pi/2)*x is one load and one multiply', () => {
    const tape = tapeOf('sin(pi/2)*x');
    expect(tape.instructions.map((step) => step.op)).toEqual(['loadX', 'multiplyByConstant']);
    expect(tape.instructions[1]!.constant).toBe(1);
  });

  it('a function without x or y is a single constant', () => {
    const tape = tapeOf('2^10 - sqrt(16)');
    expect(tape.instructions).toHaveLength(1);
    expect(tape.instructions[0]!.constant).toBe(1020);
    expect([tape.hasDx, tape.hasDy]).toEqual([false, false]);
  });

  it('x^2 squares and 2^x uses the constant base directly', () => {
    expect(tapeOf('x^2').instructions.map((step) => step.op)).toEqual(['loadX', 'square']);
    expect(tapeOf('2^x').instructions.map((step) => step.op)).toEqual(['loadX', 'constantPower']);
  });

  it('registers are reused, so a long sum needs only two', () => {
    expect(tapeOf('x+'.repeat(200) + 'y').registerCount).toBe(2);
  });
});
