const FOCUSABLE =
  'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';

/** The elements of `root` that Tab stops at, in order: enabled, shown, not taken out of the order. */
export function tabStops(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (e) =>
      !e.matches(':disabled') &&
      e.tabIndex >= 0 &&
      !e.closest('[inert]') &&
      e.getClientRects().length > 0,
  );
}

/**
 * Keeps Tab and Shift+Tab inside `root` (a dialog): from its last stop Tab goes to its first,
 * from its first Shift+Tab to its last, and from anywhere outside it into it.
 */
export function trapTab(e: KeyboardEvent, root: HTMLElement): void {
  if (e.key !== 'Tab') return;
  const stops = tabStops(root);
  const first = stops[0];
  const last = stops.at(-1);
  if (!first || !last) {
    e.preventDefault();
    return;
  }
  const active = document.activeElement;
  const inside = active instanceof HTMLElement && root.contains(active);
  if (e.shiftKey && (!inside || active === first)) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && (!inside || active === last)) {
    e.preventDefault();
    first.focus();
  }
}
