/** The copy-link button (being built in this change). */
export function CopyLink() {
  return null;
}
