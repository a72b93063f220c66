#!/usr/bin/env node
// The server's shape, said once: which folders of apps/server/src are the kernel and which are features.
// eslint.config.mjs enforces it on every import; this script draws what the imports are today, as a mermaid
// picture in docs/dependencies.md (`node scripts/server-architecture.mjs` writes it, `--check` fails when the
// picture is stale or an import breaks the shape; apps/server/src/architecture.spec.ts runs the check).
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Features: each has an index.ts; they use the kernel, and each other only through that index. */
export const SERVER_FEATURES = [
  'assessment',
  'cases',
  'community',
  'coproduction',
  'deid',
  'exchanges',
  'impact',
  'live',
  'recordings',
  'registration',
  'sessions',
];
/** The kernel: what every feature may use. It imports no feature. */
export const SERVER_KERNEL = [
  'auth',
  'common',
  'config',
  'database',
  'health',
  'jobs',
  'mail',
  'media',
  'programs',
  'realtime',
  'redis',
  'storage',
];
/** Kernel folders with a public surface of their own, which features use (the kernel may reach inside). */
export const SERVER_KERNEL_WITH_INDEX = ['media'];

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'apps', 'server', 'src');
const picture = join(root, 'docs', 'dependencies.md');

function* sources(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sources(path);
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) yield path;
  }
}

/** The part a path of apps/server/src belongs to: its top folder, or `app` (main, app.module, entities, seed). */
const partOf = (path) => {
  const [top, ...rest] = relative(src, path).split(sep);
  const folder = rest.length || (existsSync(path) && statSync(path).isDirectory());
  return folder && top !== 'seed' ? top : 'app';
};

/** Every relative import between two parts: `from`, `to`, and whether it goes to the part's index. */
export function imports() {
  const found = [];
  for (const file of sources(src)) {
    const text = readFileSync(file, 'utf8');
    for (const [, spec] of text.matchAll(/(?:from|import)\s+'(\.[^']*)'/g)) {
      const target = normalize(join(dirname(file), spec));
      const from = partOf(file);
      const to = partOf(target);
      if (from === to) continue;
      found.push({ file: relative(root, file), spec, from, to, deep: relative(src, target).includes(sep) });
    }
  }
  return found;
}

/** The imports that break the shape (the lint rule says the same, file by file). */
export function violations(all = imports()) {
  return all.filter(
    ({ from, to, deep }) =>
      (SERVER_KERNEL.includes(from) && SERVER_FEATURES.includes(to)) ||
      (SERVER_FEATURES.includes(from) && SERVER_FEATURES.includes(to) && deep),
  );
}

/**
 * Kernel folders that import each other round in a circle, still to be broken (each a sorted list). A new cycle
 * in the kernel fails the check; breaking one of these means removing it here.
 */
export const KNOWN_KERNEL_CYCLES = [];

/** The kernel's import cycles: its strongly connected parts of more than one folder (Tarjan), each sorted. */
export function kernelCycles(all = imports()) {
  const edges = new Map(SERVER_KERNEL.map((k) => [k, new Set()]));
  for (const { from, to } of all) if (edges.has(from) && edges.has(to)) edges.get(from).add(to);
  const index = new Map();
  const low = new Map();
  const stack = [];
  const cycles = [];
  const visit = (v) => {
    index.set(v, index.size);
    low.set(v, index.get(v));
    stack.push(v);
    for (const w of edges.get(v)) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v), index.get(w)));
    }
    if (low.get(v) !== index.get(v)) return;
    const part = [];
    let w;
    do part.push((w = stack.pop()));
    while (w !== v);
    if (part.length > 1) cycles.push(part.sort());
  };
  for (const v of edges.keys()) if (!index.has(v)) visit(v);
  return cycles.sort();
}

/** Kernel cycles not in KNOWN_KERNEL_CYCLES. */
export function newKernelCycles(all = imports()) {
  const known = new Set(KNOWN_KERNEL_CYCLES.map((c) => c.join(' ')));
  return kernelCycles(all).filter((c) => !known.has(c.join(' ')));
}

/** The picture: features above, the kernel below; an arrow is "imports". */
export function render(all = imports()) {
  const known = new Set([...SERVER_FEATURES, ...SERVER_KERNEL]);
  const edges = new Map();
  for (const { from, to } of all) {
    if (!known.has(from) || !known.has(to)) continue;
    const target = SERVER_FEATURES.includes(from) && SERVER_KERNEL.includes(to) ? 'kernel' : to;
    edges.set(`${from} --> ${target}`, true);
  }
  const lines = [
    'flowchart TD',
    '  subgraph features [features: each imported only through its index.ts]',
    ...SERVER_FEATURES.map((f) => `    ${f}`),
    '  end',
    '  subgraph kernel [kernel: imports no feature]',
    ...SERVER_KERNEL.map((k) => `    ${k}`),
    '  end',
    ...[...edges.keys()].sort().map((e) => `  ${e}`),
  ];
  return `# Server dependencies

Generated by \`node scripts/server-architecture.mjs\` from the imports of \`apps/server/src\` (checked current by
\`apps/server/src/architecture.spec.ts\`). An arrow is "imports"; an arrow from a feature to \`kernel\` stands for its
imports of any kernel folder. The composition root (\`main.ts\`, \`app.module.ts\`, \`entities.ts\`, \`seed/\`) is left
out: it imports every feature's index. See [architecture.md](architecture.md).

\`\`\`mermaid
${lines.join('\n')}
\`\`\`

Kernel folders that still import each other round in a circle (to be broken; a new cycle fails the check):

${
  kernelCycles(all)
    .map((c) => `- ${c.join(' ↔ ')}`)
    .join('\n') || '- none'
}
`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const all = imports();
  const broken = violations(all);
  for (const v of broken)
    console.error(`${v.file}: '${v.spec}' (${v.from} -> ${v.to}) breaks the kernel/feature shape`);
  const cycles = newKernelCycles(all);
  for (const c of cycles) console.error(`the kernel imports round in a circle: ${c.join(' -> ')} (break it)`);
  if (cycles.length) broken.push(...cycles);
  const text = render(all);
  if (process.argv.includes('--check')) {
    const current = readFileSync(picture, 'utf8') === text;
    if (!current) console.error('docs/dependencies.md is stale: run node scripts/server-architecture.mjs');
    process.exit(current && !broken.length ? 0 : 1);
  }
  writeFileSync(picture, text);
  process.exit(broken.length ? 1 : 0);
}
