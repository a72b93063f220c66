/** Email addresses and phone/fax numbers (UK, Irish, US and other international formats). */
import type { Candidate } from '../types';
import { before, digitsOf, eachMatch } from '../text';

const EMAIL =
  /(?<![\w.%+-])[a-z0-9](?:[a-z0-9._%+-]*[a-z0-9_%+-])?@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,}(?![\w-])/gi;

export function detectEmails(text: string): Candidate[] {
  const out: Candidate[] = [];
  eachMatch(EMAIL, text, (m) =>
    out.push({ kind: 'EMAIL', start: m.index, end: m.index + m[0].length, reason: 'Email address', confidence: 0.98 }),
  );
  return out;
}

/**
 * Anything shaped like a phone number: an optional +CC or 00CC prefix (with the UK "(0)"), an optional
 * bracketed area code, then digit groups joined by single spaces, dots or hyphens. Every match is then
 * checked by `classifyPhone`, which is where clinical numbers are turned away.
 */
const PHONE_SHAPE =
  /(?<![\w+/.,-])(?<!\d:)(?:(?:\+|00)\d{1,3}[ .-]?(?:\(0\)[ .-]?)?)?(?:\(\d{2,5}\)[ .-]?)?\d{1,11}(?:[ .-]\d{1,11}){0,5}(?![\w/]|[.,:-]\d)/g;

/** Words that introduce a phone number; they let less distinctive formats through. */
const PHONE_CUE =
  /\b(?:tel(?:ephone)?|phone[ds]?|ph|mob(?:ile)?|cell(?:phone)?|landline|fax(?:ed)?|call(?:ed)?|ring|rang|text(?:ed)?|contact(?:able)?|number|line|ext|whatsapp|on|at)\b[\s.:#()'-]*$/i;

/** Units and counts after a number mean a range or a dose ("250-1000 mg"), never a phone number. */
const UNIT_AFTER =
  /^\s*(?:mg|mcg|µg|g|kg|ml|mL|l|L|units?|iu|IU|mmol|nmol|ng|pg|%|days?|weeks?|months?|years?|hours?|mins?|patients?|people|times)\b/;

function classifyPhone(raw: string, cue: boolean, next: string): { reason: string; confidence: number } | null {
  const international = /^(?:\+|00)/.test(raw);
  const digits = digitsOf(raw.replace('(0)', ''));
  if (international) {
    const cc = digits.replace(/^00/, '');
    if (cc.startsWith('44')) return cc.length >= 11 && cc.length <= 12 ? strong('UK phone number') : null;
    if (cc.startsWith('353')) return cc.length >= 10 && cc.length <= 12 ? strong('Irish phone number') : null;
    if (cc.startsWith('1')) return cc.length === 11 ? strong('US phone number') : null;
    if (raw.startsWith('00') && !cue) return null;
    return cc.length >= 8 && cc.length <= 15 ? strong('International phone number') : null;
  }
  // UK numbers are 0 + 9-10 digits, Irish ones 0 + 8-9 digits. Clinical values never start with a 0
  // followed by this many digits, so the trunk prefix is a strong signal on its own.
  if (digits.startsWith('0') && !digits.startsWith('00')) {
    if (digits.length === 11) return strong('UK phone number');
    if (digits.length === 9) return strong('Irish phone number');
    if (digits.length === 10) return strong('UK or Irish phone number');
    return null;
  }
  // North American numbers: area code and exchange both start 2-9. The spaced form "415 555 0132" is
  // also how NHS numbers are written, so it needs a cue such as "tel" or "call".
  if (/^1[-. ]\d{3}[-. ]\d{3}[-. ]\d{4}$/.test(raw) || /^\(\d{3}\)\s?\d{3}[-. ]\d{4}$/.test(raw)) {
    return strong('US phone number');
  }
  if (/^[2-9]\d{2}([-.])[2-9]\d{2}\1\d{4}$/.test(raw)) return strong('US phone number');
  if (/^[2-9]\d{2} [2-9]\d{2} \d{4}$/.test(raw) && cue) return { reason: 'US phone number', confidence: 0.8 };
  // Seven-digit local number "555-0148": a range such as "250-1000" never has a leading zero in its
  // second part and is usually followed by a unit.
  if (/^[2-9]\d{2}-\d{4}$/.test(raw) && !UNIT_AFTER.test(next) && (cue || raw[4] === '0')) {
    return { reason: 'Local phone number', confidence: 0.75 };
  }
  return null;
}

const strong = (reason: string): { reason: string; confidence: number } => ({ reason, confidence: 0.9 });

export function detectPhones(text: string): Candidate[] {
  const out: Candidate[] = [];
  eachMatch(PHONE_SHAPE, text, (m) => {
    const raw = m[0];
    if (digitsOf(raw).length < 7) return;
    const cue = PHONE_CUE.test(before(text, m.index, 30));
    const verdict = classifyPhone(raw, cue, text.slice(m.index + raw.length, m.index + raw.length + 12));
    if (verdict) out.push({ kind: 'PHONE', start: m.index, end: m.index + raw.length, ...verdict });
  });
  return out;
}
