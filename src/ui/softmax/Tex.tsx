import katex from 'katex';
import 'katex/dist/katex.min.css';
import { useMemo } from 'react';

/**
 * Our own TeX, typeset by KaTeX. Only ever given strings written in this folder (with numbers
 * formatted by us), never user text, so the HTML it returns is safe to insert.
 */
export function Tex({ tex, display = false }: { tex: string; display?: boolean }) {
  const html = useMemo(
    () => katex.renderToString(tex, { throwOnError: false, displayMode: display }),
    [tex, display],
  );
  return (
    <span
      className={display ? 'tex tex-display' : 'tex'}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
