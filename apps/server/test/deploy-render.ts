import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** KEY=value lines, as systemd's EnvironmentFile, dotenv and docker compose read them. */
export function parseEnv(text: string): Record<string, string> {
  return Object.fromEntries([...text.matchAll(/^([A-Z_][A-Z0-9_]*)=(.*)$/gm)].map((m) => [m[1], m[2]]));
}

/**
 * Runs deploy/render.mjs as install.sh does, writing into `out`; returns every file it wrote (by name) and
 * the variables of the env file `envFile` among them.
 */
export function renderDeploy(
  args: string[],
  out: string,
  envFile: string,
): { files: Record<string, string>; env: Record<string, string> } {
  const script = join(__dirname, '..', '..', '..', 'deploy', 'render.mjs');
  const r = spawnSync(process.execPath, [script, ...args, '--out', out], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`render.mjs failed: ${r.stderr}`);
  const files = Object.fromEntries(readdirSync(out).map((name) => [name, readFileSync(join(out, name), 'utf8')]));
  return { files, env: parseEnv(files[envFile] ?? '') };
}

/** Polls `check` until it holds; fails after `timeoutMs` with what `context` says (a child's output). */
export async function waitFor(check: () => Promise<boolean> | boolean, timeoutMs: number, context: () => string) {
  const end = Date.now() + timeoutMs;
  while (
    !(await Promise.resolve()
      .then(check)
      .catch(() => false))
  ) {
    if (Date.now() > end) throw new Error(`not ready in ${timeoutMs} ms:\n${context()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
