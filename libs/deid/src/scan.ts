import { detectAddresses } from './detectors/address';
import { detectAges } from './detectors/ages';
import { detectEmails, detectPhones } from './detectors/contact';
import { detectDates } from './detectors/dates';
import { detectIds } from './detectors/ids';
import { detectNames } from './detectors/names';
import { detectTowns } from './detectors/towns';
import { detectIps, detectUrls } from './detectors/network';
import { TITLES } from './lexicon/vocabulary';
import { normalise, originalSpan } from './normalise';
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
  detectTowns,
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
  /**
   * Names of the programme's own sites and their localities (a live session's chat): "Hello from Ards" with
   * a site in Ards says where a colleague joins from, not where a patient lives. Case text never passes these.
   */
  knownPlaces?: readonly string[];
}

/** The words of a name, lower case and without accents ("siobhan" typed in a hurry is Siobhán). */
const words = (name: string) =>
  name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{M}'’-]+/u)
    .filter(Boolean);

/**
 * Whether every word of `name` except titles is in one person's name (each a set of lower-case words):
 * "Mary Smith" with Mary Jones and John Smith in the room is still a stranger.
 */
function namesSomeoneKnown(name: string, people: readonly ReadonlySet<string>[]): boolean {
  const own = words(name).filter((w) => !TITLES.has(w[0].toUpperCase() + w.slice(1)));
  return own.length > 0 && people.some((person) => own.every((w) => person.has(w)));
}

/** Whether every word of `place` is in one known place's name (each a set of lower-case words). */
function namesPlaceKnown(place: string, places: readonly ReadonlySet<string>[]): boolean {
  const own = words(place);
  return own.length > 0 && places.some((known) => own.every((w) => known.has(w)));
}

/**
 * Finds identifiers in free text. The detectors read the text normalised (see `normalise`: pasted
 * no-break or zero-width spaces, full-width or Arabic-Indic digits, "nine four three..."), while the
 * offsets are UTF-16 indices into `text` as given, end exclusive.
 */
export function scan(text: string, options: ScanOptions = {}): Finding[] {
  if (!text) return [];
  const people = (options.knownPeople ?? []).map((name) => new Set(words(name)));
  const places = (options.knownPlaces ?? []).map((name) => new Set(words(name)));
  const norm = normalise(text);
  const candidates = DETECTORS.flatMap((detect) => detect(norm.text));
  return resolve(candidates)
    .filter((c) => c.kind !== 'NAME' || !namesSomeoneKnown(norm.text.slice(c.start, c.end), people))
    .filter(
      (c) => (c.kind !== 'ADDRESS' && c.kind !== 'NAME') || !namesPlaceKnown(norm.text.slice(c.start, c.end), places),
    )
    .map(({ kind, start: s, end: e, reason }) => {
      const { start, end } = originalSpan(norm, s, e);
      return { kind, start, end, text: text.slice(start, end), reason };
    });
}

/**
 * Scans a file's name the ways people read it: without its extension, with `_` as spaces (dates keep
 * their separators), with `-`, `_` and `.` as spaces, and with run-together words apart ("JohnSmith").
 * A finding in any reading counts, once; its offsets are into that reading.
 */
export function scanFileName(fileName: string): Finding[] {
  const stem = fileName.replace(/\.[A-Za-z0-9]{1,5}$/, '');
  const spaced = stem.replace(/[-_.]+/g, ' ');
  const readings = [stem.replace(/_/g, ' '), spaced, spaced.replace(/(\p{Ll}{2})(\p{Lu})/gu, '$1 $2')];
  const seen = new Set<string>();
  return readings
    .flatMap((reading) => scan(reading))
    .filter((f) => !seen.has(`${f.kind}|${f.text}`) && Boolean(seen.add(`${f.kind}|${f.text}`)));
}

/** Scans each field of a form; offsets are relative to that field's value. */
export function scanFields(fields: Record<string, string | undefined>): (Finding & { field: string })[] {
  return Object.entries(fields).flatMap(([field, value]) => scan(value ?? '').map((f) => ({ ...f, field })));
}
