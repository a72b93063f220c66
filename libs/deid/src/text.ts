/** Small text helpers shared by the detectors. */

/** Calls `fn` for every match of a global regex. */
export function eachMatch(re: RegExp, text: string, fn: (m: RegExpExecArray) => void): void {
  if (!re.global) throw new Error(`eachMatch needs a global regex: ${re.source}`);
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    fn(m);
    if (m[0].length === 0) re.lastIndex += 1;
  }
}

/** The text just before `index` (up to `width` characters), for anchored look-behind tests like /cue\s*$/. */
export function before(text: string, index: number, width = 40): string {
  return text.slice(Math.max(0, index - width), index);
}

/** The text just after `index` (up to `width` characters). */
export function after(text: string, index: number, width = 40): string {
  return text.slice(index, index + width);
}

/**
 * True when `index` starts a sentence, a line, a list item or a form value ("Plan: Continue"), where
 * ordinary words are capitalised and capitalisation says nothing about names.
 */
export function atSentenceStart(text: string, index: number): boolean {
  let i = index - 1;
  while (i >= 0 && /[ \t"'‘“([*•-]/.test(text[i])) i -= 1;
  return i < 0 || /[.!?:;\n\r]/.test(text[i]);
}

export const digitsOf = (s: string): string => s.replace(/\D/g, '');
