import { dictionary, type Messages, type Notice } from '../i18n';
import { useRace } from '../store/app-store';

/** The dictionary of the current language. */
export function useT(): Messages {
  return dictionary(useRace((s) => s.language));
}

/** A notice in words, in the given dictionary. */
export function noticeText(t: Messages, n: Notice): string {
  const message = t.notices[n.key] as (args: Notice['args']) => string;
  return message(n.args);
}

/** A landscape's name in the current language (the classic test functions keep their names). */
export function landscapeName(t: Messages, landscape: { id: string; name: string }): string {
  return t.landscapePanel.names[landscape.id] ?? landscape.name;
}
