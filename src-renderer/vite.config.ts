import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * Builds the renderer into dist/renderer, served by the main side's `app://`
 * protocol. The output must satisfy the CSP (`script-src 'self'`,
 * `style-src 'self'`): no inline scripts or styles, no source maps, nothing
 * fetched from the network.
 */
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: false,
    // No preload links and no polyfill (an inline <script>): a shared chunk is fetched when it is
    // imported, from the app's own files, so preloading buys nothing in a desktop app.
    modulePreload: false,
    // Never turn a small asset into an inline data: URL in CSS or JS.
    assetsInlineLimit: 0,
    cssCodeSplit: false,
    reportCompressedSize: false,
  },
});
