/**
 * De-identification benchmark: scores `scan()` against four labelled synthetic sets and prints recall and
 * precision per kind for each: the detector's own corpus (gated: exits non-zero below total recall 0.98
 * or precision 0.90), the independent set written without reading the detector's rules, and two later
 * independent batches written before the detector's source was opened: B (`unseen.ts`, since used to
 * tune), C (`unseen-c.ts`) and D (`unseen-d.ts`, held out: the honest figure on unseen notes). The independent sets are
 * reported against their aim, recall 0.97 and precision 0.90. Writes tests/bench/results/deid.json.
 * Run with `npm run bench:deid`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { scan } from '@echo-hub/deid';
import { corpus, type ParsedNote, parseNote } from './corpus';
import { independentCorpus } from './independent';
import { unseenCorpus } from './unseen';
import { unseenCCorpus } from './unseen-c';
import { unseenDCorpus } from './unseen-d';
import { type KindScore, type Score, score } from './score';

const MIN_RECALL = 0.98;
const MIN_PRECISION = 0.9;
/** The aim on the independent set (reported, not gated: it is never tuned on). */
const AIM_RECALL = 0.97;

const notes = corpus.map(parseNote);
const result = score(notes, scan);
const independentNotes = independentCorpus.map(parseNote);
const independent = score(independentNotes, scan);
const unseenNotes = unseenCorpus.map(parseNote);
const unseen = score(unseenNotes, scan);
const heldOutNotes = unseenCCorpus.map(parseNote);
const heldOut = score(heldOutNotes, scan);
const batchDNotes = unseenDCorpus.map(parseNote);
const batchD = score(batchDNotes, scan);

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

/** The table of one set, then what it missed and what it flagged wrongly. */
function table(title: string, r: Score): string[] {
  const lines = [
    title,
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
    ...r.kinds.map(row),
    '-'.repeat(63),
    row(r.total),
    '',
    `identifiers: ${r.identifiers} in ${r.notes - r.identifierFreeNotes} notes; identifier-free notes: ${r.identifierFreeNotes}`,
    `false positives on identifier-free notes: ${r.identifierFreeFalsePositives}`,
    `findings with wrong offsets: ${r.badOffsets}`,
  ];
  if (r.misses.length > 0) {
    lines.push('', 'missed:');
    for (const m of r.misses) lines.push(`  ${m.note}  ${m.kind.padEnd(7)}  ${JSON.stringify(m.text)}`);
  }
  if (r.falsePositives.length > 0) {
    lines.push('', 'false positives:');
    for (const f of r.falsePositives) {
      lines.push(`  ${f.note}  ${f.kind.padEnd(7)}  ${JSON.stringify(f.text)}  (${f.reason})`);
    }
  }
  return lines;
}

console.log(
  [
    'De-identification benchmark (span level: a finding matches a gold span it overlaps with the same kind)',
    '',
    ...table(`1. The detector's own corpus (${notes.length} notes; gated)`, result),
    '',
    ...table(
      `2. The independent set (${independentNotes.length} notes written without reading the detector; aim recall ${pct(AIM_RECALL)}, precision ${pct(MIN_PRECISION)})`,
      independent,
    ),
    '',
    ...table(
      `3. Independent batch B (${unseenNotes.length} notes written before the detector's source was opened; its misses were read to tune the detector after its first score, 75.6% recall)`,
      unseen,
    ),
    '',
    ...table(
      `4. Independent batch C (${heldOutNotes.length} notes written before the detector's source was opened; held out, never tuned on)`,
      heldOut,
    ),
    '',
    ...table(
      `5. Independent batch D (${batchDNotes.length} notes written in a new session before the detector's source was opened; held out)`,
      batchD,
    ),
    '',
    `independent set: recall ${pct(independent.total.recall)} (aim ${pct(AIM_RECALL)}), precision ${pct(independent.total.precision)} (aim ${pct(MIN_PRECISION)}): ${independent.total.recall >= AIM_RECALL && independent.total.precision >= MIN_PRECISION ? 'met' : 'NOT met'}`,
    `batch B: recall ${pct(unseen.total.recall)} (aim ${pct(AIM_RECALL)}), precision ${pct(unseen.total.precision)} (aim ${pct(MIN_PRECISION)}): ${unseen.total.recall >= AIM_RECALL && unseen.total.precision >= MIN_PRECISION ? 'met' : 'NOT met'}`,
    `batch C (held out): recall ${pct(heldOut.total.recall)} (aim ${pct(AIM_RECALL)}), precision ${pct(heldOut.total.precision)} (aim ${pct(MIN_PRECISION)}): ${heldOut.total.recall >= AIM_RECALL && heldOut.total.precision >= MIN_PRECISION ? 'met' : 'NOT met'}`,
    `batch D (held out): recall ${pct(batchD.total.recall)} (aim ${pct(AIM_RECALL)}), precision ${pct(batchD.total.precision)} (aim ${pct(MIN_PRECISION)}): ${batchD.total.recall >= AIM_RECALL && batchD.total.precision >= MIN_PRECISION ? 'met' : 'NOT met'}`,
    `throughput: ${kbPerSecond.toFixed(0)} KB/s (${(bytes / 1024).toFixed(1)} KB corpus x ${rounds}; information only)`,
  ].join('\n'),
);

/** What the results file keeps of one set. */
const saved = (r: Score, set: ParsedNote[]) => ({
  notes: set.length,
  total: r.total,
  kinds: r.kinds,
  identifiers: r.identifiers,
  identifierFreeNotes: r.identifierFreeNotes,
  identifierFreeFalsePositives: r.identifierFreeFalsePositives,
  badOffsets: r.badOffsets,
  misses: r.misses,
  falsePositives: r.falsePositives,
});

const resultsDir = join(__dirname, '..', 'results');
mkdirSync(resultsDir, { recursive: true });
writeFileSync(
  join(resultsDir, 'deid.json'),
  `${JSON.stringify(
    {
      generatedAt: new Date().toISOString(),
      thresholds: { recall: MIN_RECALL, precision: MIN_PRECISION },
      independentAim: { recall: AIM_RECALL, precision: MIN_PRECISION },
      throughputKBps: Math.round(kbPerSecond),
      ...saved(result, notes),
      independent: saved(independent, independentNotes),
      batchB: saved(unseen, unseenNotes),
      batchC: saved(heldOut, heldOutNotes),
      batchD: saved(batchD, batchDNotes),
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
if (independent.badOffsets > 0)
  failures.push(`${independent.badOffsets} findings with wrong offsets (independent set)`);
if (heldOut.badOffsets > 0) failures.push(`${heldOut.badOffsets} findings with wrong offsets (batch C)`);
if (batchD.badOffsets > 0) failures.push(`${batchD.badOffsets} findings with wrong offsets (batch D)`);
if (unseen.badOffsets > 0) failures.push(`${unseen.badOffsets} findings with wrong offsets (batch B)`);
if (failures.length > 0) {
  console.error(`\nFAIL: ${failures.join('; ')}`);
  process.exit(1);
}
console.log('\nPASS');
