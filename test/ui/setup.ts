import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// What a browser has and jsdom lacks, that Fluent UI reaches for.
const g = globalThis as Record<string, unknown>;
g.ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
};
/* eslint-disable @typescript-eslint/unbound-method -- feature tests of globals, not calls */
if (typeof window !== 'undefined') {
  window.matchMedia ??= (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList;
  Element.prototype.scrollIntoView ??= function scrollIntoView() {};
  URL.createObjectURL ??= () => 'blob:test';
  URL.revokeObjectURL ??= () => undefined;

  // jsdom has no layout: every offsetParent is null and the body measures 0 by 0, so tabster (Fluent's
  // focus manager) takes nothing for visible. A dialog then focuses its own surface instead of its
  // first button, as no browser does, and when tabster registers the dialog after that focus it hides
  // the dialog from assistive technology: a test failure on a loaded machine that a browser never has.
  // Answer as a browser would for what is not hidden; display:none is not computed (that costs a
  // getComputedStyle up every ancestor), the `hidden` attribute is.
  Object.defineProperty(HTMLElement.prototype, 'offsetParent', {
    configurable: true,
    get(this: HTMLElement) {
      if (!this.isConnected || this === document.body || this.closest('[hidden]')) return null;
      return this.parentElement;
    },
  });
  const bodyRect = HTMLBodyElement.prototype.getBoundingClientRect;
  HTMLBodyElement.prototype.getBoundingClientRect = function getBoundingClientRect(this: HTMLBodyElement) {
    const rect = bodyRect.call(this);
    return rect.width === 0 && rect.height === 0 ? new DOMRect(0, 0, 1366, 768) : rect;
  };
}
/* eslint-enable @typescript-eslint/unbound-method */

// The tab talks to a real server and loads its pages lazily: give it time a person would, and
// room for a CI machine of two cores busy with the journeys' Chromium (a Welsh Home once took
// over 5 s there; 250 ms on a quiet machine). Role queries skip jsdom's slow visibility check (getComputedStyle up every ancestor): on a form
// of forty Fluent fields it costs over a second a query. Hidden things are still told apart by
// role and name; the end-to-end journeys check what is visible in a real browser.
configure({ asyncUtilTimeout: 15_000, defaultHidden: true });
// A test of the record's form takes 9 to 14 s on a quiet machine (people.test, record.test); in CI,
// beside two Chromium journeys, two of them ran past 30 s. The timeout is a guard against a hang,
// not a measure of speed (npm run bench measures that).
jest.setTimeout(75_000);
