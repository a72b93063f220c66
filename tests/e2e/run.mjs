#!/usr/bin/env node
// Runs the Playwright specs. As root with iproute2, server and browser run inside a
// network namespace that has only `lo`, so no packet leaves 127.0.0.1.
import { spawnSync } from 'node:child_process';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const playwright = ['npx', 'playwright', 'test', '--config', 'playwright.config.ts', ...process.argv.slice(2)];
const canNamespace =
  process.getuid?.() === 0 && !process.env.E2E_NO_NETNS && spawnSync('ip', ['-V'], { stdio: 'ignore' }).status === 0;

let status;
if (canNamespace) {
  const ns = `echohub-e2e-${process.pid}`;
  const ip = (...args) => spawnSync('ip', args, { stdio: 'inherit' }).status === 0;
  if (!ip('netns', 'add', ns) || !ip('netns', 'exec', ns, 'ip', 'link', 'set', 'lo', 'up')) {
    console.error('[e2e] could not create a loopback-only network namespace');
    process.exit(1);
  }
  console.log(`[e2e] running in network namespace ${ns} (loopback only)`);
  try {
    status = spawnSync('ip', ['netns', 'exec', ns, ...playwright], { cwd: here, stdio: 'inherit' }).status;
  } finally {
    ip('netns', 'del', ns);
  }
} else {
  console.log('[e2e] not root or no iproute2: running on this host directly');
  status = spawnSync(playwright[0], playwright.slice(1), { cwd: here, stdio: 'inherit' }).status;
}
process.exit(status ?? 1);
