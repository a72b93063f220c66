import { detectAddresses } from './detectors/address';
import { detectAges } from './detectors/ages';
import { detectEmails, detectPhones } from './detectors/contact';
import { detectDates } from './detectors/dates';
import { detectIds } from './detectors/ids';
import { detectNames } from './detectors/names';
import { detectIps, detectUrls } from './detectors/network';
import { TITLES } from './lexicon/vocabulary';
import type { Candidate, Detector, Finding } from './types';

const DETECTORS: Detector[] = [
  detectEmails,
  detectUrls,
  detectIps,
  detectIds,
  detectPhones,
  detectDates,
  detectAges,
  detectAddresses,
  detectNames,
];

/**
 * Keeps the most confident candidate of any overlapping group (then the longest, then the earliest)
 * and returns the survivors in text order, so findings never overlap.
 */
function resolve(candidates: Candidate[]): Candidate[] {
  const ranked = [...candidates].sort(
    (a, b) => b.confidence - a.confidence || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const kept: Candidate[] = [];
  for (const c of ranked) {
    if (c.end > c.start && kept.every((k) => c.end <= k.start || c.start >= k.end)) kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}

export interface ScanOptions {
  /**
   * Display names of the people taking part (a live session's chat): a name made only of their words,
   * such as "Dr Rahman" with "Dr Ahmed Rahman" in the room, names a colleague, not a patient.
   */
  knownPeople?: readonly string[];
}

const words = (name: string) =>
  name
    .toLowerCase()
    .split(/[^\p{L}\p{M}'’-]+/u)
    .filter(Boolean);

/** Whether every word of `name` except titles belongs to someone's name in `known` (a set of lower-case words). */
function namesSomeoneKnown(name: string, known: ReadonlySet<string>): boolean {
  const own = words(name).filter((w) => !TITLES.has(w[0].toUpperCase() + w.slice(1)));
  return own.length > 0 && own.every((w) => known.has(w));
}

/** Finds identifiers in free text. Offsets are UTF-16 indices into `text`, end exclusive. */
export function scan(text: string, options: ScanOptions = {}): Finding[] {
  if (!text) return [];
  const known = new Set((options.knownPeople ?? []).flatMap(words));
  const candidates = DETECTORS.flatMap((detect) => detect(text));
  return resolve(candidates)
    .map(({ kind, start, end, reason }) => ({ kind, start, end, text: text.slice(start, end), reason }))
    .filter((f) => f.kind !== 'NAME' || !namesSomeoneKnown(f.text, known));
}

/** Scans each field of a form; offsets are relative to that field's value. */
export function scanFields(fields: Record<string, string | undefined>): (Finding & { field: string })[] {
  return Object.entries(fields).flatMap(([field, value]) => scan(value ?? '').map((f) => ({ ...f, field })));
}
