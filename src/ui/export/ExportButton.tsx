/** The export button and dialog (being built in this change). */
export function ExportButton() {
  return null;
}
