// Builds the tab (src/ui) into dist/tab. Pages load lazily, so the initial
// JavaScript stays small; the bench reports its gzipped size. `npm start`
// runs this build itself when dist/tab is missing or older than the sources.
import { defineConfig } from 'vite';

/** Fills `%VITE_NAME%` in index.html from the environment, and leaves it empty when unset (dev mode). */
const htmlEnv = {
  name: 'collaboration-register-html-env',
  transformIndexHtml: {
    order: 'pre' as const,
    handler: (html: string) => html.replace(/%(VITE_[A-Z0-9_]+)%/g, (_whole, name: string) => process.env[name] ?? ''),
  },
};

export default defineConfig({
  root: 'src/ui',
  plugins: [htmlEnv],
  base: './',
  build: {
    outDir: '../../dist/tab',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
    reportCompressedSize: false,
    // .vite/manifest.json: the entry's static imports, for the bench's "initial JavaScript" figure.
    manifest: true,
    rollupOptions: {
      // src/domain is pure (DESIGN.md): a rule the tab does not call (working days and Welsh bank
      // holidays, with their date-holidays tables) is left out of the bundle.
      treeshake: { moduleSideEffects: (id: string) => !/[\\/]src[\\/]domain[\\/]/.test(id) },
      onwarn(warning, warn) {
        // Fluent UI's modules start with 'use client' (for React Server Components); meaningless in a tab.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
