// jsdom with Node's own fetch: the tab's UI tests talk to the REAL embedded list
// server (STYLE.md: one fake, reused) through the real repositories and PnPjs,
// which need fetch, Request, Response and Headers. jsdom has none of them, so they
// are copied in from Node (undici), together with the stream and abort classes
// undici checks its arguments against.
'use strict';
const JsdomEnvironment = require('jest-environment-jsdom').default ?? require('jest-environment-jsdom');

const FROM_NODE = [
  'fetch',
  'Request',
  'Response',
  'Headers',
  'FormData',
  'AbortController',
  'AbortSignal',
  'ReadableStream',
  'WritableStream',
  'TransformStream',
  'TextEncoder',
  'TextDecoder',
  'Blob',
  'structuredClone',
  'setImmediate',
  'clearImmediate',
];

class JsdomWithFetchEnvironment extends JsdomEnvironment {
  async setup() {
    await super.setup();
    for (const name of FROM_NODE) {
      if (globalThis[name] !== undefined) this.global[name] = globalThis[name];
    }
    // A failed fetch rejects with Node's TypeError; the code under test checks `instanceof Error`
    // against the test's own realm, as a browser would, so the failure is re-made there.
    const inner = this.global;
    this.global.fetch = (...args) =>
      globalThis.fetch(...args).catch((e) => {
        if (!(e instanceof Error)) throw e;
        const Ctor = inner[e.name] ?? inner.Error;
        const copy = new Ctor(e.message);
        copy.cause = e.cause;
        if (e.code !== undefined) copy.code = e.code;
        throw copy;
      });
  }
}

module.exports = JsdomWithFetchEnvironment;
