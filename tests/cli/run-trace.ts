import { expect } from 'vitest';
import { main } from '../../src/cli/trace';

/** Runs `trace` in-process with these arguments: its exit status and what it printed. */
export function trace(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const status = main(
    argv,
    (s) => (stdout += s),
    (s) => (stderr += s),
  );
  return { status, stdout, stderr };
}

/** Runs `trace`, expects success with nothing on stderr, and parses its JSON as T. */
export function traceJson<T>(...argv: string[]): T {
  const r = trace(...argv);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as T;
}
