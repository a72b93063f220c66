/**
 * Word error rate of the automatic captions' offline engine — `npm run bench:captions` (never part of `npm test`).
 *
 * Speech is generated with espeak-ng (its default English voice), decoded to 16 kHz mono s16le by ffmpeg, and fed
 * to the engine as the hub feeds it (PocketsphinxEngine: Debian's pocketsphinx with its en-us model), one sentence
 * at a time followed by a pause. WER = (substitutions + deletions + insertions) / words said, after lower-casing
 * and dropping punctuation. Prints a table per sentence set and overall; writes tests/bench/results/captions-wer.json.
 * Synthetic speech is not a person on a clinic's microphone: read the figure as an indication, not a promise.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
// The engine exactly as the hub runs it.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { PocketsphinxEngine, SAMPLE_RATE } from '../../apps/server/src/captions/engine';
import { repoRoot } from './lib/host-ipc';

const SETS: Record<string, string[]> = {
  'everyday speech': [
    'good morning everyone and welcome to the session',
    'can you hear me now',
    'please mute your microphone when you are not speaking',
    'thank you for joining us today',
    'we will take questions at the end',
    'the weather has been very cold this week',
    'let us move on to the next slide',
    'i will share my screen in a moment',
  ],
  'clinical discussion': [
    'the patient is a woman in her sixties with type two diabetes',
    'her blood pressure has been high for several months',
    'we started her on metformin last year',
    'she reports feeling tired and short of breath',
    'what would the panel recommend as the next step',
    'consider a referral to the social prescribing link worker',
    'the main goal is to walk for thirty minutes every day',
    'we should review her medication at the next visit',
  ],
};

const words = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z' ]+/g, ' ')
    .split(/\s+/)
    .filter(Boolean);

/** Word-level edit distance between what was said and what the engine heard. */
function errors(said: string[], heard: string[]): number {
  let row = Array.from({ length: heard.length + 1 }, (_, j) => j);
  for (let i = 1; i <= said.length; i++) {
    const next = [i];
    for (let j = 1; j <= heard.length; j++) {
      next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (said[i - 1] === heard[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[heard.length];
}

function speech(text: string): Buffer {
  const pcm = execFileSync('sh', [
    '-c',
    `espeak-ng --stdout "$0" | ffmpeg -v error -i - -ac 1 -ar ${SAMPLE_RATE} -f s16le -`,
    text,
  ]);
  return Buffer.concat([pcm, Buffer.alloc(SAMPLE_RATE * 2)]); // a second of silence ends the utterance
}

async function recognise(pcm: Buffer): Promise<string> {
  const texts: string[] = [];
  const stream = new PocketsphinxEngine().open(
    (t) => texts.push(t),
    (e) => {
      throw new Error(e);
    },
  );
  stream.write(pcm);
  await stream.end();
  return texts.join(' ');
}

async function main(): Promise<void> {
  const rows: { set: string; said: string; heard: string; words: number; errors: number }[] = [];
  for (const [set, sentences] of Object.entries(SETS)) {
    for (const said of sentences) {
      const heard = await recognise(speech(said));
      rows.push({ set, said, heard, words: words(said).length, errors: errors(words(said), words(heard)) });
    }
  }
  const wer = (rs: typeof rows) => rs.reduce((n, r) => n + r.errors, 0) / rs.reduce((n, r) => n + r.words, 0);
  for (const r of rows) console.log(`[${r.set}] "${r.said}"\n    heard: "${r.heard}"  (${r.errors}/${r.words})`);
  const summary = [
    ...Object.keys(SETS).map((set) => {
      const rs = rows.filter((r) => r.set === set);
      return { set, sentences: rs.length, words: rs.reduce((n, r) => n + r.words, 0), wer: wer(rs) };
    }),
    { set: 'overall', sentences: rows.length, words: rows.reduce((n, r) => n + r.words, 0), wer: wer(rows) },
  ];
  console.log('\nWord error rate, pocketsphinx (Debian en-us model) on espeak-ng speech:');
  for (const s of summary) {
    console.log(
      `  ${s.set.padEnd(20)} ${String(s.sentences).padStart(3)} sentences ${String(s.words).padStart(4)} words  WER ${(s.wer * 100).toFixed(1)}%`,
    );
  }
  const dir = join(repoRoot, 'tests', 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const engine = execFileSync('dpkg-query', ['-W', '-f', '${Version}', 'pocketsphinx']).toString();
  writeFileSync(
    join(dir, 'captions-wer.json'),
    JSON.stringify(
      {
        at: new Date().toISOString(),
        engine: `pocketsphinx ${engine}`,
        voice: 'espeak-ng default (en)',
        summary,
        rows,
      },
      null,
      2,
    ) + '\n',
  );
}

void main().catch((e: Error) => {
  console.error(e.message);
  process.exit(1);
});
