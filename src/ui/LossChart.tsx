/** The live loss chart (being built in this change). */
export function LossChart() {
  return null;
}
