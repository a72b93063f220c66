/**
 * De-identification benchmark: scores `scan()` against the labelled synthetic corpus, prints recall and
 * precision per kind, writes tests/bench/results/deid.json, and exits non-zero below the gate
 * (total recall 0.98, total precision 0.90). Run with `npm run bench:deid`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { scan } from '@echo-hub/deid';
import { corpus, parseNote } from './corpus';
import { type KindScore, score } from './score';

const MIN_RECALL = 0.98;
const MIN_PRECISION = 0.9;

const notes = corpus.map(parseNote);
const result = score(notes, scan);

// Throughput: information only, never gated (it depends on the machine).
const bytes = notes.reduce((n, note) => n + Buffer.byteLength(note.text, 'utf8'), 0);
const rounds = 50;
const t0 = performance.now();
for (let r = 0; r < rounds; r += 1) for (const note of notes) scan(note.text);
const seconds = (performance.now() - t0) / 1000;
const kbPerSecond = (bytes * rounds) / 1024 / seconds;

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const row = (s: KindScore): string =>
  [
    s.kind.padEnd(8),
    String(s.gold).padStart(5),
    String(s.findings).padStart(8),
    String(s.truePositives).padStart(4),
    String(s.falseNegatives).padStart(4),
    String(s.falsePositives).padStart(4),
    pct(s.recall).padStart(7),
    pct(s.precision).padStart(9),
  ].join('  ');

const lines = [
  'De-identification benchmark (span level: a finding matches a gold span it overlaps with the same kind)',
  '',
  [
    'kind'.padEnd(8),
    'gold'.padStart(5),
    'findings'.padStart(8),
    'TP'.padStart(4),
    'FN'.padStart(4),
    'FP'.padStart(4),
    'recall'.padStart(7),
    'precision'.padStart(9),
  ].join('  '),
  ...result.kinds.map(row),
  '-'.repeat(63),
  row(result.total),
  '',
  `identifiers: ${result.identifiers} in ${result.notes - result.identifierFreeNotes} notes; identifier-free notes: ${result.identifierFreeNotes}`,
  `false positives on identifier-free notes: ${result.identifierFreeFalsePositives}`,
  `findings with wrong offsets: ${result.badOffsets}`,
  `throughput: ${kbPerSecond.toFixed(0)} KB/s (${(bytes / 1024).toFixed(1)} KB corpus x ${rounds}; information only)`,
];
if (result.misses.length > 0) {
  lines.push('', 'missed:');
  for (const m of result.misses) lines.push(`  ${m.note}  ${m.kind.padEnd(7)}  ${JSON.stringify(m.text)}`);
}
if (result.falsePositives.length > 0) {
  lines.push('', 'false positives:');
  for (const f of result.falsePositives) {
    lines.push(`  ${f.note}  ${f.kind.padEnd(7)}  ${JSON.stringify(f.text)}  (${f.reason})`);
  }
}
console.log(lines.join('\n'));

const resultsDir = join(__dirname, '..', 'results');
mkdirSync(resultsDir, { recursive: true });
writeFileSync(
  join(resultsDir, 'deid.json'),
  `${JSON.stringify(
    {
      generatedAt: new Date().toISOString(),
      thresholds: { recall: MIN_RECALL, precision: MIN_PRECISION },
      total: result.total,
      kinds: result.kinds,
      identifiers: result.identifiers,
      notes: result.notes,
      identifierFreeNotes: result.identifierFreeNotes,
      identifierFreeFalsePositives: result.identifierFreeFalsePositives,
      badOffsets: result.badOffsets,
      throughputKBps: Math.round(kbPerSecond),
      misses: result.misses,
      falsePositives: result.falsePositives,
    },
    null,
    2,
  )}\n`,
);

const failures: string[] = [];
if (result.total.recall < MIN_RECALL) failures.push(`total recall ${pct(result.total.recall)} < ${pct(MIN_RECALL)}`);
if (result.total.precision < MIN_PRECISION) {
  failures.push(`total precision ${pct(result.total.precision)} < ${pct(MIN_PRECISION)}`);
}
if (result.badOffsets > 0) failures.push(`${result.badOffsets} findings with wrong offsets`);
if (failures.length > 0) {
  console.error(`\nFAIL: ${failures.join('; ')}`);
  process.exit(1);
}
console.log('\nPASS');
