/**
 * Reads text the way a person sees it before the detectors match: pasted text often carries
 * compatibility characters (full-width digits, ligatures), other scripts' digits, unusual spaces and
 * invisible characters, which look like an identifier to a reader but not to an ASCII regex.
 *
 * `normalise()` returns the normalised text and, for each of its UTF-16 units, the span of the
 * original text it came from, so findings can be mapped back onto what the user typed.
 */

export interface Normalised {
  text: string;
  /** Original start offset of each unit of `text`. */
  starts: number[];
  /** Original end offset (exclusive) of each unit of `text`. */
  ends: number[];
}

/** Invisible characters that only affect layout: soft hyphen, zero-width space/joiners, word joiner, BOM, bidi marks. */
const INVISIBLE = /^\p{Cf}$/u;
/** Every horizontal space (no-break, thin, em, ideographic...) and the tab read as one ordinary space. */
const SPACE = /^[\p{Zs}\t]$/u;
const DASH = /^[\p{Pd}\u2212]$/u;
const DECIMAL_DIGIT = /^\p{Nd}$/u;
const PRINTABLE_ASCII = /^[\x20-\x7e\n\r]$/;

/**
 * The value of a decimal digit in any script. Unicode keeps each script's digits 0–9 contiguous and
 * in order, starting from a zero, so the value is the distance to the start of the run modulo 10.
 */
function digitValue(cp: number): number {
  let zero = cp;
  while (zero > 0 && DECIMAL_DIGIT.test(String.fromCodePoint(zero - 1))) zero -= 1;
  return (cp - zero) % 10;
}

/** One character (base plus combining marks) read as ASCII where it has an ASCII reading. */
function readCluster(cluster: string): string {
  if (PRINTABLE_ASCII.test(cluster)) return cluster;
  const nfkc = cluster.normalize('NFKC');
  let out = '';
  for (const ch of nfkc) {
    if (INVISIBLE.test(ch)) continue;
    if (SPACE.test(ch)) out += ' ';
    else if (DASH.test(ch)) out += '-';
    else if (ch > '\u007f' && DECIMAL_DIGIT.test(ch)) out += String(digitValue(ch.codePointAt(0) ?? 0));
    else out += ch;
  }
  return out;
}

const DIGIT_WORDS: Record<string, string> = {
  zero: '0',
  nought: '0',
  oh: '0',
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
};
const REPEAT: Record<string, number> = { double: 2, triple: 3 };
const DIGIT_WORD = `(?:(?:double|triple)\\s+)?(?:${Object.keys(DIGIT_WORDS).join('|')})`;
/**
 * Four or more digit words in a row ("nine four three, four seven six...", "oh one double four"),
 * separated by spaces, hyphens or commas. Shorter runs are ordinary prose ("one or two", "five days").
 */
const SPELLED_RUN = new RegExp(`\\b${DIGIT_WORD}(?:[\\s,-]+${DIGIT_WORD}){3,}\\b`, 'gi');
const SPELLED_WORD = new RegExp(`(?:(double|triple)\\s+)?(${Object.keys(DIGIT_WORDS).join('|')})|[\\s,-]+`, 'gi');

/**
 * Writes spelled-out digit runs as digits. Words separated only by spaces or hyphens join up; a comma
 * or line break between them becomes one space, the way people group a number they read aloud.
 */
function spellDigits(norm: Normalised): Normalised {
  const { text } = norm;
  if (!SPELLED_RUN.test(text)) return norm;
  SPELLED_RUN.lastIndex = 0;
  const out: Normalised = { text: '', starts: [], ends: [] };
  const copy = (from: number, to: number): void => {
    out.text += text.slice(from, to);
    for (let i = from; i < to; i += 1) {
      out.starts.push(norm.starts[i]);
      out.ends.push(norm.ends[i]);
    }
  };
  let last = 0;
  for (const run of text.matchAll(SPELLED_RUN)) {
    const runStart = run.index ?? 0;
    copy(last, runStart);
    for (const part of run[0].matchAll(SPELLED_WORD)) {
      const at = runStart + (part.index ?? 0);
      const end = at + part[0].length;
      const digits = part[2]
        ? DIGIT_WORDS[part[2].toLowerCase()].repeat(part[1] ? REPEAT[part[1].toLowerCase()] : 1)
        : /[,\n]/.test(part[0])
          ? ' '
          : '';
      out.text += digits;
      for (let i = 0; i < digits.length; i += 1) {
        out.starts.push(norm.starts[at]);
        out.ends.push(norm.ends[end - 1]);
      }
    }
    last = runStart + run[0].length;
  }
  copy(last, text.length);
  return out;
}

const PLAIN = /^[\x20-\x7e\n\r]*$/;

/** NFKC per character, spaces and dashes unified, invisible characters dropped, digits of any script and spelled-out digits read as ASCII digits. */
export function normalise(original: string): Normalised {
  const identity = (): Normalised => {
    const starts = Array.from({ length: original.length }, (_, i) => i);
    return { text: original, starts, ends: starts.map((i) => i + 1) };
  };
  if (PLAIN.test(original)) return spellDigits(identity());
  const out: Normalised = { text: '', starts: [], ends: [] };
  // Runs of plain ASCII are kept as they are; otherwise a base character and the combining marks after
  // it normalise together ("e" + U+0301 -> "é").
  for (const m of original.matchAll(/([\x20-\x7e\n\r]+)(?!\p{M})|\P{M}\p{M}*|\p{M}+/gsu)) {
    const start = m.index ?? 0;
    if (m[1]) {
      out.text += m[1];
      for (let i = start; i < start + m[1].length; i += 1) {
        out.starts.push(i);
        out.ends.push(i + 1);
      }
      continue;
    }
    const end = start + m[0].length;
    const read = readCluster(m[0]);
    out.text += read;
    for (let i = 0; i < read.length; i += 1) {
      out.starts.push(start);
      out.ends.push(end);
    }
  }
  return spellDigits(out);
}

/** Maps a span of the normalised text back onto the original text. */
export function originalSpan(norm: Normalised, start: number, end: number): { start: number; end: number } {
  return { start: norm.starts[start], end: norm.ends[end - 1] };
}
