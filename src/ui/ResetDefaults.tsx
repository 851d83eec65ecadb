import { useEffect, useState } from 'react';
import { resetSession } from '../store/app-store';
import { useT } from './use-t';

/** How long the button waits for the second click that confirms. */
const CONFIRM_MS = 4000;

/**
 * Back to the default race, runners and view, forgetting the remembered session. It takes two
 * clicks (the first asks "Reset all?"), as a set-up race is easy to lose and hard to rebuild.
 */
export function ResetDefaults() {
  const t = useT().session;
  const [asking, setAsking] = useState(false);
  useEffect(() => {
    if (!asking) return;
    const timer = window.setTimeout(() => setAsking(false), CONFIRM_MS);
    return () => window.clearTimeout(timer);
  }, [asking]);
  return (
    <button
      type="button"
      data-testid="reset-defaults"
      title={asking ? t.confirmTitle : t.resetTitle}
      onClick={() => {
        if (asking) resetSession();
        setAsking(!asking);
      }}
      onBlur={() => setAsking(false)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') setAsking(false);
      }}
    >
      <span aria-live="polite">{asking ? t.confirm : t.reset}</span>
    </button>
  );
}
