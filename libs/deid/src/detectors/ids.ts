/**
 * Identifying numbers and codes: NHS / Health and Care / CHI numbers (validated), SSNs, PPS numbers,
 * IBANs, card numbers, hospital and record numbers, licences, vehicle registrations and VINs, device
 * serials, and any code introduced by a label such as "MRN", "ref" or "serial no.".
 *
 * Clinical numbers are rarely confused with these because the shapes differ: doses and lab values are
 * short and followed by units, scores are small, while identifiers are long, carry check digits, mix
 * letters and digits, or follow a label.
 */
import { ibanValid, luhnValid, mod11Valid, ppsnValid, vinCheckValid } from '../checksums';
import type { Candidate } from '../types';
import { before, digitsOf, eachMatch } from '../text';

const id = (start: number, end: number, reason: string, confidence: number): Candidate => ({
  kind: 'ID',
  start,
  end,
  reason,
  confidence,
});

/** Ten digits written 3-3-4 (spaces or none). The same separator must be used twice. */
const TEN_DIGITS = /(?<![\w-]|[+]\d{0,3}\s?)(\d{3})([ -]?)(\d{3})\2(\d{4})(?![\w-]|\.\d)/g;
const NHS_CONTEXT = /\b(?:NHS|N\.H\.S\.?)(?:\s*(?:no\.?|number|num|#))?[\s:.#]*$/i;
const HC_CONTEXT = /\b(?:H\s?&\s?C|HCN|health\s+(?:and|&)\s+care)(?:\s*(?:no\.?|number|#))?[\s:.#]*$/i;
const CHI_CONTEXT = /\bCHI(?:\s*(?:no\.?|number|#))?[\s:.#]*$/i;

function detectHealthNumbers(text: string, out: Candidate[]): void {
  eachMatch(TEN_DIGITS, text, (m) => {
    const digits = m[1] + m[3] + m[4];
    const prior = before(text, m.index, 30);
    const nhs = NHS_CONTEXT.test(prior);
    const hc = HC_CONTEXT.test(prior);
    const chi = CHI_CONTEXT.test(prior);
    const labelled = nhs || hc || chi;
    // Hyphens are how phone numbers are written; accept them only after an explicit label.
    if (m[2] === '-' && !labelled) return;
    // NHS and H&C numbers never start with 0, UK/Irish phone numbers always do; CHI numbers start with
    // the day of birth, so a leading 0 is only read as CHI after its label.
    if (digits.startsWith('0') && !chi) return;
    const end = m.index + m[0].length;
    const scheme = chi ? 'CHI number' : hc || /^3[2-9]/.test(digits) ? 'Health and Care Number' : 'NHS number';
    if (mod11Valid(digits)) out.push(id(m.index, end, `${scheme} (valid check digit)`, 0.97));
    else if (labelled) out.push(id(m.index, end, `${scheme} (check digit invalid)`, 0.96));
  });
}

interface IdPattern {
  re: RegExp;
  reason: string | ((match: string) => string);
  confidence: number;
  valid?: (match: string) => boolean;
}

const PATTERNS: IdPattern[] = [
  // US Social Security number; 000, 666 and 9xx area numbers are never issued
  {
    re: /(?<![\w-])(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}(?![\w-])/g,
    reason: 'US Social Security number format',
    confidence: 0.92,
  },
  // Irish PPS number: 7 digits and one or two check letters
  {
    re: /(?<![\w])\d{7}[A-W][A-IW]?(?![\w])/g,
    reason: 'Irish PPS number (valid check letter)',
    confidence: 0.95,
    valid: ppsnValid,
  },
  // IBAN, grouped in fours or not
  {
    re: /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b/g,
    reason: 'Bank account (IBAN, valid checksum)',
    confidence: 0.97,
    valid: ibanValid,
  },
  // Payment card: 13-19 digits in groups, Luhn-valid
  {
    re: /(?<![\w-])\d{4}(?:[ -]?\d{4}){2}[ -]?\d{1,7}(?![\w-])/g,
    reason: 'Payment card number (valid Luhn check)',
    confidence: 0.9,
    valid: (s) => luhnValid(digitsOf(s)) && digitsOf(s).length >= 13,
  },
  // UK driving licence: 5 surname characters, decade, month (+50 for women), day, year, initials, check
  {
    re: /\b[A-Z9]{5}\d[0156]\d[0-3]\d\d[A-Z9]{2}\d[A-Z]{2}\b/g,
    reason: 'UK driving licence number format',
    confidence: 0.93,
  },
  // Vehicle identification number: 17 characters without I, O or Q
  {
    re: /\b(?=[A-HJ-NPR-Z0-9]{17}\b)(?=(?:[A-HJ-NPR-Z]*\d){3})(?=(?:\d*[A-HJ-NPR-Z]){3})[A-HJ-NPR-Z0-9]{17}\b/g,
    reason: (vin) =>
      vinCheckValid(vin)
        ? 'Vehicle identification number (valid check digit)'
        : 'Vehicle identification number (VIN) format',
    confidence: 0.9,
  },
  // UK registration plate since 2001: AB12 CDE (the space is how plates are written in text)
  { re: /\b[A-Z]{2}\d{2} [A-Z]{3}\b/g, reason: 'UK vehicle registration format', confidence: 0.85 },
  // Irish registration plate: 191-D-12345, 06-KY-1234
  {
    re: /\b\d{2,3}-(?:C|CE|CN|CW|D|DL|G|KE|KK|KY|L|LD|LH|LK|LM|LS|MH|MN|MO|OY|RN|SO|T|TN|TS|W|WD|WH|WX|WW)-\d{1,6}\b/g,
    reason: 'Irish vehicle registration format',
    confidence: 0.9,
  },
  // Hospital / record numbers: a letter prefix and six or more digits (K123456, RVB1234567, H0042881)
  { re: /\b[A-Z]{1,3}\d{6,10}\b/g, reason: 'Hospital or record number format', confidence: 0.8 },
  // UK National Insurance number, spaced or not: QQ 12 34 56 C
  {
    re: /\b[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b/g,
    reason: 'National Insurance number format',
    confidence: 0.96,
  },
  // HM Prison Service number: A1234BC
  { re: /\b[A-Z]\d{4}[A-Z]{2}\b/g, reason: 'Prison number format', confidence: 0.8 },
];

/** A GP practice (ODS) code, a letter and five digits, when a practice or surgery is mentioned just before. */
const ODS_CODE = /\b[A-Z]\d{5}\b/g;
const PRACTICE_BEFORE = /\b(?:practice|surgery|GP|ODS|registered\s+with|health\s+cent(?:re|er))\b[^.\n]{0,25}$/i;
/** After a label, a lower-case code typed in a hurry: "hosp no k449103". */
const LOWER_VALUE = /[a-z]{1,3}\d{5,}\b/y;

/**
 * Labels that introduce an identifier. Whatever follows (after ":", "#", "no." or "is") is flagged if it
 * looks like a code: see `looksLikeCode`.
 */
const LABEL = new RegExp(
  [
    'MRN',
    'M\\.R\\.N\\.?',
    '(?:medical|health|case|patient|clinical)\\s+records?(?:\\s+(?:number|no\\.?|#))?',
    'hosp(?:ital)?\\.?(?:\\s*(?:number|no\\.?|#|id))',
    'MR\\s*(?:#|number|no\\.?)',
    'H\\/No\\.?',
    'accession(?:\\s+(?:number|no\\.?|#))?',
    'prison(?:er)?\\s+(?:number|no\\.?|#)',
    'national\\s+insurance(?:\\s+(?:number|no\\.?))?',
    'NI\\s+(?:number|no\\.?)',
    '(?:practice|ODS)\\s+code',
    '(?:unit|PAS|chart|case|patient|client|record|claim|policy|member|beneficiary|employee|staff|student)\\s+(?:number|no\\.?|#|id|ref(?:erence)?)',
    'NHS',
    'H\\s?&\\s?C(?:\\s+(?:number|no\\.?))?',
    'HCN',
    'CHI',
    'IHI',
    'PPSN?(?:\\s+(?:number|no\\.?))?',
    'SSN(?:\\s+last\\s+(?:four|4))?',
    'social\\s+security(?:\\s+(?:number|no\\.?))?',
    '(?:Medicaid|Medicare|insurance|member)(?:\\s+(?:ID|number|no\\.?|#))?',
    'NPI',
    'DEA',
    'GMC(?:\\s+(?:number|no\\.?))?',
    'NMC(?:\\s+PIN)?',
    'account(?:\\s+(?:number|no\\.?|#))?',
    'acct\\.?(?:\\s*(?:#|no\\.?|number))?',
    'a\\/c',
    'sort\\s+code',
    'IBAN',
    'card\\s+(?:number|no\\.?)',
    "(?:driver'?s?\\s+|driving\\s+)?licen[cs]e(?:\\s+(?:number|no\\.?|#))?(?:\\s+is)?",
    'DL\\s*#?',
    'passport(?:\\s+(?:number|no\\.?))?',
    'reg(?:istration)?(?:\\s+(?:number|no\\.?|plate))?',
    '(?:number\\s+)?plate',
    'VIN',
    'serial(?:\\s+(?:number|no\\.?|#))?',
    'S\\/N',
    'SN',
    '(?:device|sensor|pump|implant)\\s+(?:ID|serial|number)',
    'sensor',
    'prescription(?:\\s+(?:number|no\\.?))?',
    'Rx\\s*(?:#|no\\.?)',
    'ref(?:erence)?(?:\\s+(?:number|no\\.?))?',
    'Datix',
    'incident(?:\\s+(?:number|no\\.?|ref))?',
    'ID',
    // A plate is often just given after the vehicle: "his car (LXZ 4521)"
    '(?:car|van|vehicle|motorbike|taxi|lorry|truck)',
  ].join('|'),
);
/** Label, then separators or filler words: "MRN: ", "NHS no: ", "licence number is ", "car (". */
const LABELLED = new RegExp(`\\b(?:${LABEL.source})(?![\\w&])(?:[\\s:#.(]+|(?:is|no|number|num)\\b)*`, 'gi');
/**
 * The value itself is matched case-sensitively: capitals and digits, joined by "-" or "/", plus
 * further space-separated groups that contain a digit or are short capital groups ("KX19 ZPL",
 * "IE29 AIBK 9311 ...", "320 245 8116"). Lower-case words end it.
 */
const VALUE = /[A-Z0-9][A-Z0-9]*(?:[-/][A-Z0-9]+)*(?: (?=[A-Z0-9]*\d)[A-Z0-9]+(?:[-/][A-Z0-9]+)*| [A-Z]{2,4}\b)*/y;

/**
 * A value after a label is an identifier when it is long enough to be unique: four or more digits
 * ("SSN last four 4471"), or letters and digits mixed over five or more characters with at least three
 * digits or two groups. "ref NG28", "NHS 111" and "ID team" do not qualify.
 */
function looksLikeCode(value: string): boolean {
  const digits = (value.match(/\d/g) ?? []).length;
  const letters = (value.match(/[A-Z]/gi) ?? []).length;
  if (digits >= 4) return true;
  return digits >= 1 && letters >= 1 && value.replace(/[\s/-]/g, '').length >= 5;
}

/**
 * Unlabelled codes mixing capitals and digits ("PJN882913S", "0M00A1B2C3", "SN-4471-XQ") are unique by
 * construction. Clinical codes of this shape are short ("T2N0M0", "QRISK3", "CHA2DS2") or have
 * lower-case letters ("HbA1c", "SARS-CoV-2"), so eight characters with three digits and two letters
 * is a safe threshold.
 */
const MIXED_CODE = /(?<![\w-])(?=[A-Z0-9-]*\d)(?=[A-Z0-9-]*[A-Z])[A-Z0-9]+(?:-[A-Z0-9]+)*(?![\w-])/g;

export function detectIds(text: string): Candidate[] {
  const out: Candidate[] = [];
  detectHealthNumbers(text, out);
  for (const p of PATTERNS) {
    eachMatch(p.re, text, (m) => {
      if (p.valid && !p.valid(m[0])) return;
      const reason = typeof p.reason === 'string' ? p.reason : p.reason(m[0]);
      out.push(id(m.index, m.index + m[0].length, reason, p.confidence));
    });
  }
  eachMatch(LABELLED, text, (m) => {
    // Matching is case-insensitive, so "id", "sn" or "dl" in running text would count as labels.
    const label = m[0].replace(/[\s:#.(]+$/, '');
    if (/^(?:id|sn|dl)\b/.test(label)) return;
    VALUE.lastIndex = m.index + m[0].length;
    LOWER_VALUE.lastIndex = m.index + m[0].length;
    const value = VALUE.exec(text)?.[0] ?? LOWER_VALUE.exec(text)?.[0];
    if (!value || !looksLikeCode(value)) return;
    const start = m.index + m[0].length;
    out.push(id(start, start + value.length, `Identifier after "${label}"`, 0.95));
  });
  eachMatch(ODS_CODE, text, (m) => {
    if (PRACTICE_BEFORE.test(before(text, m.index, 40))) {
      out.push(id(m.index, m.index + m[0].length, 'GP practice (ODS) code', 0.85));
    }
  });
  eachMatch(MIXED_CODE, text, (m) => {
    const code = m[0];
    const digits = (code.match(/\d/g) ?? []).length;
    const letters = (code.match(/[A-Z]/g) ?? []).length;
    if (code.replace(/-/g, '').length >= 8 && digits >= 3 && letters >= 2) {
      out.push(id(m.index, m.index + code.length, 'Code that looks like a unique identifier', 0.75));
    }
  });
  return out;
}
