/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

/**
 * Writes name.br and name.gz beside every text asset of the build (the server sends the smallest
 * the browser accepts), so a clinic on a slow link downloads a third of the bytes.
 */
function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'echo-hub:precompress',
    apply: 'build',
    configResolved: (config) => void (outDir = config.build.outDir),
    closeBundle() {
      const root = fileURLToPath(new URL(outDir, import.meta.url));
      for (const entry of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
        if (!/\.(js|css|html|svg|json)$/.test(entry)) continue;
        const file = join(root, entry);
        const data = readFileSync(file);
        if (data.length < 1024) continue;
        writeFileSync(`${file}.br`, brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
        writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
      }
    },
  };
}

/**
 * A feature's index.ts only re-exports its public surface (lint keeps other features, the layout and the router
 * going through it). Declared free of side effects, importing one name from it brings in that name's module
 * alone, not every module the index lists (the router takes only the lazy page list of most features, so
 * without this their components, styles and the de-identification scanner would land in the first download).
 */
const isFeatureIndex = (id: string) => /[\\/]src[\\/]features[\\/][^\\/]+[\\/]index\.ts$/.test(id);

const lib = (name: string) => fileURLToPath(new URL(`../../libs/${name}/src/index.ts`, import.meta.url));

export default defineConfig({
  plugins: [react(), precompress()],
  resolve: {
    alias: { '@echo-hub/protocol': lib('protocol'), '@echo-hub/deid': lib('deid') },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rollupOptions: { treeshake: { moduleSideEffects: (id) => !isFeatureIndex(id) } },
  },
  // Unit tests of the client's logic and hooks (`npm test`, `nx run @echo-hub/web:test`). A spec that needs a DOM
  // (hooks, localStorage, forms) says `// @vitest-environment jsdom` on its first line; the rest run in plain Node.
  test: {
    include: ['src/**/*.spec.{ts,tsx}'],
    environment: 'node',
    restoreMocks: true,
    // Generous: 8 test runs may share this machine's 2 cores (no spec measures time).
    testTimeout: 60_000,
    hookTimeout: 60_000,
    unstubGlobals: true,
    // A zone with clock changes (the e2e browsers' too), so date logic meets a 23- and a 25-hour day.
    env: { TZ: 'Europe/London' },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': 'http://localhost:3000',
      '/socket.io': { target: 'http://localhost:3000', ws: true },
    },
  },
});
