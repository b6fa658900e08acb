/**
 * Move focus to a page's element (its main landmark, a section heading), unless the person is in an
 * open modal dialog: a late render or a route change never pulls focus out from under a dialog
 * they are answering, which would leave the dialog hidden from assistive technology (tabster's
 * modalizer hides a modal that does not hold focus).
 */
export function focusPage(el: HTMLElement | null | undefined): void {
  if (!el) return;
  const active = document.activeElement;
  if (active instanceof HTMLElement && active !== document.body && active.closest('[aria-modal="true"]')) return;
  el.focus();
}
