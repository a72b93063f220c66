/**
 * Span-level scoring of a scanner against the labelled corpus, shared by the benchmark and the corpus
 * spec in libs/deid so both report the same figures.
 *
 * A gold span is found (TP) when some finding of the same kind overlaps it, otherwise it is missed
 * (FN). A finding is a false positive (FP) when it overlaps no gold span of its kind. Recall is
 * found gold / all gold; precision is findings that match a gold span / all findings.
 */
import type { Finding, IdentifierKind } from '@echo-hub/deid';
import type { GoldSpan, ParsedNote } from './corpus';

export const KINDS: readonly IdentifierKind[] = ['NAME', 'DATE', 'AGE', 'PHONE', 'EMAIL', 'ADDRESS', 'ID', 'URL', 'IP'];

export interface KindScore {
  kind: IdentifierKind | 'TOTAL';
  gold: number;
  findings: number;
  truePositives: number;
  falseNegatives: number;
  falsePositives: number;
  recall: number;
  precision: number;
}

export interface Miss {
  note: string;
  kind: IdentifierKind;
  text: string;
}

export interface FalsePositive {
  note: string;
  kind: IdentifierKind;
  text: string;
  reason: string;
}

export interface Score {
  kinds: KindScore[];
  total: KindScore;
  identifiers: number;
  notes: number;
  identifierFreeNotes: number;
  identifierFreeFalsePositives: number;
  misses: Miss[];
  falsePositives: FalsePositive[];
  /** Findings whose text or offsets disagree with the input (must always be 0). */
  badOffsets: number;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean =>
  a.start < b.end && b.start < a.end;

function tally(kind: KindScore['kind'], gold: number, findings: number, tp: number, fp: number): KindScore {
  return {
    kind,
    gold,
    findings,
    truePositives: tp,
    falseNegatives: gold - tp,
    falsePositives: fp,
    recall: gold === 0 ? 1 : tp / gold,
    precision: findings === 0 ? 1 : (findings - fp) / findings,
  };
}

export function score(notes: readonly ParsedNote[], scan: (text: string) => Finding[]): Score {
  const counts = new Map<IdentifierKind, { gold: number; findings: number; tp: number; fp: number }>(
    KINDS.map((k) => [k, { gold: 0, findings: 0, tp: 0, fp: 0 }]),
  );
  const misses: Miss[] = [];
  const falsePositives: FalsePositive[] = [];
  let badOffsets = 0;
  let identifierFreeFalsePositives = 0;

  for (const note of notes) {
    const findings = scan(note.text);
    for (const g of note.gold) {
      const c = counts.get(g.kind);
      if (!c) continue;
      c.gold += 1;
      if (findings.some((f) => f.kind === g.kind && overlaps(f, g))) c.tp += 1;
      else misses.push({ note: note.id, kind: g.kind, text: g.text });
    }
    for (const f of findings) {
      if (f.text !== note.text.slice(f.start, f.end) || f.start >= f.end) badOffsets += 1;
      const c = counts.get(f.kind);
      if (!c) continue;
      c.findings += 1;
      const matched = note.gold.some((g: GoldSpan) => g.kind === f.kind && overlaps(f, g));
      if (!matched) {
        c.fp += 1;
        falsePositives.push({ note: note.id, kind: f.kind, text: f.text, reason: f.reason });
        if (note.gold.length === 0) identifierFreeFalsePositives += 1;
      }
    }
  }

  const kinds = KINDS.map((k) => {
    const c = counts.get(k) ?? { gold: 0, findings: 0, tp: 0, fp: 0 };
    return tally(k, c.gold, c.findings, c.tp, c.fp);
  });
  const sum = (pick: (s: KindScore) => number): number => kinds.reduce((n, s) => n + pick(s), 0);
  const total = tally(
    'TOTAL',
    sum((s) => s.gold),
    sum((s) => s.findings),
    sum((s) => s.truePositives),
    sum((s) => s.falsePositives),
  );

  return {
    kinds,
    total,
    identifiers: total.gold,
    notes: notes.length,
    identifierFreeNotes: notes.filter((n) => n.gold.length === 0).length,
    identifierFreeFalsePositives,
    misses,
    falsePositives,
    badOffsets,
  };
}
