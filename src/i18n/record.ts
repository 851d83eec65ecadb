/** Strings of the export dialog (filled in with the feature). */
export const en = {};

export const ru: typeof en = {};
