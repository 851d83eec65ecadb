/** Strings of the formulas part of the app (filled in with the feature). */
export const en = {};

export const ru: typeof en = {};
