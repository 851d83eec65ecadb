import katex from 'katex';

/**
 * KaTeX HTML of one of our own formula strings (never user text), inline but with display-size
 * fractions so a rule reads like the lecture's. Errors render in red instead of throwing.
 */
export function texHtml(tex: string, display = true): string {
  return katex.renderToString(display ? `\\displaystyle ${tex}` : tex, { throwOnError: false });
}
