import { useEffect, useRef, useState } from 'react';
import { urlSync } from '../store/app-store';
import { useT } from './use-t';

const COPIED_MS = 1500;

/**
 * Copies a link to exactly this race. Where the clipboard is out of reach (an insecure page, a
 * refused permission) the link appears in a selected text field to copy by hand.
 */
export function CopyLink() {
  const t = useT().share;
  const [copied, setCopied] = useState(false);
  const [manualUrl, setManualUrl] = useState<string | null>(null);
  const field = useRef<HTMLInputElement>(null);
  const timer = useRef(0);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  useEffect(() => field.current?.select(), [manualUrl]);

  const copy = async () => {
    const url = urlSync.flush();
    try {
      await navigator.clipboard.writeText(url);
      setManualUrl(null);
      setCopied(true);
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => setCopied(false), COPIED_MS);
    } catch {
      setManualUrl(url);
    }
  };

  return (
    <span className="copy-link">
      <button data-testid="copy-link" title={t.copyTitle} onClick={() => void copy()}>
        <span aria-live="polite">{copied ? `✓ ${t.copied}` : t.copyLink}</span>
      </button>
      {manualUrl !== null && (
        <input
          ref={field}
          data-testid="copy-link-field"
          readOnly
          autoFocus
          value={manualUrl}
          size={24}
          aria-label={t.linkField}
          title={t.copyManually}
          onFocus={(e) => e.currentTarget.select()}
          onBlur={() => setManualUrl(null)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setManualUrl(null);
          }}
        />
      )}
    </span>
  );
}
