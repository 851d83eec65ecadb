/** The network's panels: the training-accuracy chart and the data panel's confusion matrix and decision regions. */
export const en = {};

export const ru: typeof en = {};
