/**
 * Towns and villages of the UK and Ireland named in the text, from the gazetteer in `lexicon/towns`
 * (names that are not English words): capitalised or not, since hurried notes are typed in lower case
 * ("lives alone in ballymena"). A town naming an institution ("Antrim Area Hospital") is left alone,
 * and so are names that are also people's names ("Hamilton", "Douglas"), which the place rules judge
 * by their context.
 */
import { AMBIGUOUS_GIVEN_NAMES, GIVEN_NAMES, SURNAMES } from '../lexicon/names';
import { TOWNS, TOWNS_ALSO_WORDS } from '../lexicon/towns';
import { EPONYM_AFTER, FUNCTION_WORDS, INSTITUTION_AFTER, LARGE_PLACES, SERVICE_WORDS } from '../lexicon/vocabulary';
import type { Candidate } from '../types';

const fold = (w: string): string => w.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

const PEOPLE = new Set([...GIVEN_NAMES, ...AMBIGUOUS_GIVEN_NAMES, ...SURNAMES].map(fold));
const NOT_TOWNS = new Set([...FUNCTION_WORDS, ...SERVICE_WORDS, ...LARGE_PLACES].map(fold));

/** A gazetteer by its first word: each town as its words, folded, longest first. */
function byFirstWord(towns: readonly string[]): Map<string, string[][]> {
  const map = new Map<string, string[][]>();
  for (const town of towns) {
    const words = fold(town).split(/[\s-]+/);
    if (words.length === 1 && (PEOPLE.has(words[0]) || NOT_TOWNS.has(words[0]))) continue;
    const list = map.get(words[0]) ?? [];
    list.push(words);
    map.set(words[0], list);
  }
  for (const list of map.values()) list.sort((a, b) => b.length - a.length);
  return map;
}
const BY_FIRST_WORD = byFirstWord(TOWNS);
/** Towns called like words ("reading", "bath"), only after a word that makes them a residence. */
const WORD_TOWNS = byFirstWord(TOWNS_ALSO_WORDS);
const RESIDENCE_BEFORE =
  /\b(?:lives?|living|lived|moved|moving|relocated|resides?|residing|settled|grew\s+up|born)(?:\s+(?:back|down|up|over))?\s+(?:in|to|at|near|outside)\s+$/i;

const WORD = /[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*/gu;

export function detectTowns(text: string): Candidate[] {
  const tokens = [...text.matchAll(WORD)].map((m) => ({
    start: m.index ?? 0,
    end: (m.index ?? 0) + m[0].length,
    word: m[0],
  }));
  const out: Candidate[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const word = fold(tokens[i].word);
    const wordTowns = WORD_TOWNS.get(word);
    const residence =
      wordTowns !== undefined && RESIDENCE_BEFORE.test(text.slice(Math.max(0, tokens[i].start - 30), tokens[i].start));
    const listed = BY_FIRST_WORD.get(word);
    const towns = residence ? [...(listed ?? []), ...wordTowns] : listed;
    if (!towns) continue;
    const town = towns.find(
      (words) =>
        i + words.length <= tokens.length &&
        words.every(
          (w, k) =>
            fold(tokens[i + k].word) === w &&
            (k === 0 || /^[\s-]$/.test(text.slice(tokens[i + k - 1].end, tokens[i + k].start))),
        ),
    );
    if (!town) continue;
    const start = tokens[i].start;
    const end = tokens[i + town.length - 1].end;
    const rest = text.slice(end, end + 40);
    // "Antrim Area Hospital", "Newry Health Centre": the town names an institution.
    const institution = [rest, rest.replace(/^[ \t]+[A-Z][a-z]+/, '')].some((r) => INSTITUTION_AFTER.test(r));
    if (institution || EPONYM_AFTER.test(rest)) continue;
    // A score in a list of scores: "mRS 2, Epworth 14, STOP-BANG 5".
    if (/^[ \t]+\d{1,3}\b/.test(rest) && /\d[ \t]*[,;][ \t]*$/.test(text.slice(Math.max(0, start - 12), start)))
      continue;
    // Part of a hyphenated name: "Glasgow-Blatchford score", "Stoke-Mandeville".
    if (text[end] === '-' || text[start - 1] === '-') continue;
    const capitalised = /^\p{Lu}/u.test(tokens[i].word);
    out.push({
      kind: 'ADDRESS',
      start,
      end,
      reason: 'Town or village (gazetteer)',
      confidence: capitalised ? 0.75 : 0.6,
    });
    i += town.length - 1;
  }
  return out;
}
