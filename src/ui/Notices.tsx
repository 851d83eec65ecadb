import { raceStore, useRace } from '../store/app-store';
import { noticeText, useT } from './use-t';

/** Messages for the user (a link that could not be read, a finished race), each dismissible. */
export function Notices() {
  const notices = useRace((s) => s.notices);
  const t = useT();
  // The live region is always there (empty when quiet), so screen readers hear its first message.
  return (
    <div className="notices" role="status" aria-live="polite">
      {notices.map((n, i) => (
        <div key={`${i}-${n.key}`} className="notice" data-testid="notice">
          <span>{noticeText(t, n)}</span>
          <button aria-label={t.app.dismiss} onClick={() => raceStore.getState().dismissNotice(i)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
