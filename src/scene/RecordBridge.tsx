/** Hands the recorder what it needs from inside the canvas (being built in this change). */
export function RecordBridge() {
  return null;
}
