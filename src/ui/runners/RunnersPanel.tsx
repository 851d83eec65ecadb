/** The runners panel (being built in this change). */
export function RunnersPanel() {
  return null;
}
