// Builds the tab (src/ui) into dist/tab. Pages load lazily, so the initial
// JavaScript stays small; the bench reports its gzipped size.
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'src/ui',
  base: './',
  build: {
    outDir: '../../dist/tab',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
