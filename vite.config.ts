import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { CONTENT_SECURITY_POLICY } from './scripts/csp.ts';
import { serviceWorker } from './scripts/pwa/serviceWorkerPlugin.ts';

/**
 * The production page carries a strict Content-Security-Policy as a <meta> tag
 * (the dev server needs an inline React-refresh preamble, so only builds get it).
 * `vite preview` also sends it as a header so the worker script is covered too.
 */
function contentSecurityPolicy() {
  return {
    name: 'descent-lab-csp',
    apply: 'build' as const,
    transformIndexHtml(html: string) {
      return html.replace(
        '<meta charset="UTF-8" />',
        `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`,
      );
    },
  };
}

export default defineConfig({
  plugins: [
    react(),
    contentSecurityPolicy(),
    // Offline after one visit: dist/sw.js precaches the build, except files the app never requests:
    // the README's screenshots, and KaTeX's .woff/.ttf fallbacks (every browser with service workers takes .woff2).
    serviceWorker({ exclude: [/^screenshot[^/]*\.png$/, /\.(woff|ttf)$/] }),
  ],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        // Libraries the first page needs in chunks of their own, loaded with the entry
        // (module preload): a new build of the app changes only its own chunk, so a returning
        // visitor (and the service worker) downloads them again only when they are upgraded.
        // Listed by name, not "all of node_modules": katex must stay in its lazy chunk.
        codeSplitting: {
          groups: [
            { name: 'three', test: /[\\/]node_modules[\\/]three[\\/]/ },
            // zustand (the store, under 1 kB) goes with React, which the shell needs at once: in the r3f
            // chunk it made the entry import that chunk, and with it three.js, before the first paint.
            { name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler|zustand|use-sync-external-store)[\\/]/ },
            {
              name: 'r3f',
              test: /[\\/]node_modules[\\/](@react-three[\\/]|three-stdlib|its-fine|react-use-measure|suspend-react|@babel[\\/]runtime)/,
            },
          ],
        },
      },
    },
  },
  preview: { headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', testTimeout: 30_000, include: ['test/**/*.test.ts', 'test/**/*.test.tsx'], exclude: ['test/e2e/**', 'test/stress/**'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          // npm run test:stress: load, faults, hostile input, security and accessibility on the production build.
          name: 'stress',
          include: ['test/stress/**/*.test.ts'],
          environment: 'node',
          testTimeout: 300_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          globalSetup: ['test/stress/globalSetup.ts'],
        },
      },
    ],
  },
});
