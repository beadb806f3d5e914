import { lingui } from '@lingui/vite-plugin';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { localePreload } from './scripts/locale-preload.ts';

export default defineConfig({
  plugins: [
    react({ babel: { plugins: ['@lingui/babel-plugin-lingui-macro'] } }),
    // A message missing in any language fails the build (the catalogues are complete).
    lingui({ failOnMissing: true, failOnCompileError: true }),
    localePreload(),
  ],
  build: {
    target: 'es2022',
    sourcemap: false,
    // Every browser the app supports preloads modules itself: no polyfill in the entry.
    modulePreload: { polyfill: false },
    // Small enough for every phone: fail loudly if the entry ever grows past this.
    chunkSizeWarningLimit: 300,
  },
  server: {
    proxy: { '/api': `http://127.0.0.1:${process.env.API_PORT ?? 3000}` },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['./vitest.setup.ts'],
  },
});
