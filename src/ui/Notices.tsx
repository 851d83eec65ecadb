import { raceStore, useRace } from '../store/app-store';

/** Messages for the user (a link that could not be read, a finished race), each dismissible. */
export function Notices() {
  const notices = useRace((s) => s.notices);
  if (notices.length === 0) return null;
  return (
    <div className="notices" role="status" aria-live="polite">
      {notices.map((n, i) => (
        <div key={`${i}-${n}`} className="notice" data-testid="notice">
          <span>{n}</span>
          <button aria-label="Dismiss" onClick={() => raceStore.getState().dismissNotice(i)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
