import type { Notice } from '../i18n';
import type { GetState, NoticesSlice, SetState } from './types';

/** Notices kept at most; older ones drop off (a long session must not pile them up). */
export const MAX_NOTICES = 8;

/** Messages for the user, newest last (see {@link NoticesSlice}). */
export function noticesSlice(set: SetState, get: GetState, initial: Notice[]): NoticesSlice {
  return {
    notices: initial.slice(-MAX_NOTICES),
    notify: (notice) => set({ notices: [...get().notices, notice].slice(-MAX_NOTICES) }),
    dismissNotice: (index) => set({ notices: get().notices.filter((_, i) => i !== index) }),
  };
}
