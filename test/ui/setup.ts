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
}
/* eslint-enable @typescript-eslint/unbound-method */

// The tab talks to a real server and loads its pages lazily: give it time a person would, and
// room for a CI machine of two cores busy with the journeys' Chromium (a Welsh Home once took
// over 5 s there; 250 ms on a quiet machine). Role queries skip jsdom's slow visibility check (getComputedStyle up every ancestor): on a form
// of forty Fluent fields it costs over a second a query. Hidden things are still told apart by
// role and name; the end-to-end journeys check what is visible in a real browser.
configure({ asyncUtilTimeout: 15_000, defaultHidden: true });
jest.setTimeout(30_000);
