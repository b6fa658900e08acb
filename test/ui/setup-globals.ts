// jsdom lacks fetch, which @microsoft/teams-js touches when it loads (TOOLCHAIN.md):
// define one that fails clearly, and TextEncoder for libraries that expect it.
import { TextDecoder, TextEncoder } from 'node:util';

const g = globalThis as Record<string, unknown>;
if (typeof g.fetch !== 'function') {
  g.fetch = () =>
    Promise.reject(new Error('fetch is not available in jsdom tests: use the embedded server in integration tests'));
}
g.TextEncoder ??= TextEncoder;
g.TextDecoder ??= TextDecoder;
