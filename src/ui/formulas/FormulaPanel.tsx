/** The live formulas panel (being built in this change). */
export function FormulaPanel() {
  return null;
}
