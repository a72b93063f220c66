// The labelled corpus lives with the benchmark so that the bench and this gate score the same notes
// with the same scoring function. Test-only imports: specs are excluded from the library build.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { corpus, parseNote } from '@echo-hub/bench/deid/corpus';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { KINDS, score } from '@echo-hub/bench/deid/score';
import { scan } from './scan';

const notes = corpus.map(parseNote);
const result = score(notes, scan);

describe('labelled corpus', () => {
  it('is large and varied enough to mean something', () => {
    expect(result.identifiers).toBeGreaterThanOrEqual(150);
    expect(result.identifierFreeNotes).toBeGreaterThanOrEqual(30);
    for (const kind of KINDS) {
      expect(result.kinds.find((k) => k.kind === kind)?.gold ?? 0).toBeGreaterThanOrEqual(10);
    }
  });

  it('round-trips the markup: gold spans point at their text', () => {
    for (const note of notes) {
      for (const g of note.gold) expect(note.text.slice(g.start, g.end)).toBe(g.text);
      expect(note.text).not.toMatch(/\[\[|\]\]/);
    }
  });

  it('meets the recall and precision gate', () => {
    expect(result.badOffsets).toBe(0);
    expect(result.total.recall).toBeGreaterThanOrEqual(0.98);
    expect(result.total.precision).toBeGreaterThanOrEqual(0.9);
  });

  it('has no kind with recall below 0.9', () => {
    const weak = result.kinds.filter((k) => k.recall < 0.9).map((k) => `${k.kind} ${k.recall.toFixed(2)}`);
    expect(weak).toEqual([]);
  });

  it('flags nothing in at least 95% of the identifier-free notes', () => {
    const clean = notes.filter((n) => n.gold.length === 0);
    const noisy = clean.filter((n) => scan(n.text).length > 0);
    expect(noisy.length).toBeLessThanOrEqual(Math.floor(clean.length * 0.05));
  });
});
