import './a11y.css';
import { useState } from 'react';
import type { RaceState } from '../../store/race-store';
import { useSnapshot } from '../use-snapshot';
import { useT } from '../use-t';
import { statusSentence } from './describe';
import { newlyFinished, readStatuses } from './status-changes';

const readKey = (s: RaceState) => readStatuses(s.race);

/**
 * A polite live region that tells screen-reader users when a runner converges, gets stuck or
 * diverges, in the legend's words. It changes only then (the step count is never announced) and
 * empties when the race starts again.
 */
export function StatusAnnouncer() {
  const t = useT();
  const key = useSnapshot(readKey);
  const [seen, setSeen] = useState(key);
  const [message, setMessage] = useState('');
  if (key !== seen) {
    // Adjusting state to a changed input during render (React's pattern for "previous value").
    setSeen(key);
    const news = newlyFinished(seen, key);
    if (news.length > 0) setMessage(news.map((r) => statusSentence(t, r)).join(' '));
    else if (message && allRunning(key)) setMessage('');
  }
  return (
    <div
      className="visually-hidden"
      role="status"
      aria-live="polite"
      data-testid="status-announcer"
    >
      {message}
    </div>
  );
}

function allRunning(key: string): boolean {
  return (JSON.parse(key) as { status: string }[]).every((r) => r.status === 'running');
}
