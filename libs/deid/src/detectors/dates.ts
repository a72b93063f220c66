/**
 * Dates more specific than a year. Safe Harbor allows the year alone, so "in 2019" is fine, but a day,
 * a month with a year ("March 2024") or a full date must go. A year of birth is flagged only when it
 * implies an age over 89.
 */
import type { Candidate } from '../types';
import { eachMatch } from '../text';

/** Full month names, or abbreviations with an optional dot ("Sept.", "Jan"): never a sentence's full stop. */
const MONTH =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?)';
const WEEKDAY =
  '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|(?:Mon|Tues|Tue|Wed|Thurs|Thur|Thu|Fri|Sat|Sun)\\.?)';
const DAY = '(?:[12]\\d|3[01]|0?[1-9])';
const ORDINAL = '(?:st|nd|rd|th)';
const YEAR = '(?:19|20)\\d{2}';
/** Two-digit years only after a hyphen, slash or apostrophe ("12-Mar-24", "Mar '24"), never "3 March 20 mg". */
const YEAR_TAIL = `(?:,?\\s+${YEAR}(?!\\d)|[-/]${YEAR}(?!\\d)|[-/]'?\\d{2}(?!\\d)|\\s+'\\d{2}(?!\\d))`;
const WEEKDAY_PREFIX = `(?:${WEEKDAY},?\\s+)?`;
/** "March 3" is a date; "May 2 patients" or "June 12 units" is not. */
const NOT_A_COUNT = '(?!\\s*(?:mg|mcg|g|kg|ml|units?|patients?|people|times|weeks?|days?|months?|years?|hours?|x\\b))';

interface DatePattern {
  re: RegExp;
  reason: string;
  confidence: number;
}

const PATTERNS: DatePattern[] = [
  {
    // 3 March 2024, Tuesday 9th January 2024, the 5th of June, 12-Mar-24, 2 Feb, 12-15 March
    re: new RegExp(
      `\\b${WEEKDAY_PREFIX}(?:the\\s+)?(?:${DAY}${ORDINAL}?\\s*[-–]\\s*)?${DAY}${ORDINAL}?(?:\\s+of)?[\\s-]+${MONTH}(?![a-z])(?:${YEAR_TAIL})?`,
      'g',
    ),
    reason: 'Date more specific than a year',
    confidence: 0.9,
  },
  {
    // 12-MAR-2024 as printed by lab systems
    re: new RegExp(`\\b${DAY}-(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)-(?:${YEAR}|\\d{2})\\b`, 'g'),
    reason: 'Date more specific than a year',
    confidence: 0.9,
  },
  {
    // March 3rd, Jan 7, 2024, June 12th
    re: new RegExp(
      `\\b${WEEKDAY_PREFIX}${MONTH}\\s+${DAY}${ORDINAL}?(?![\\d:]|\\.\\d)${NOT_A_COUNT}(?:,?\\s+${YEAR}(?!\\d))?`,
      'g',
    ),
    reason: 'Date more specific than a year',
    confidence: 0.88,
  },
  {
    // March 2024, Aug 2023, Mar '24
    re: new RegExp(`\\b${MONTH},?\\s+(?:${YEAR}(?!\\d)|'\\d{2}(?!\\d))`, 'g'),
    reason: 'Month and year (more specific than a year)',
    confidence: 0.88,
  },
  {
    // 2024-03-12, 2024/3/12
    re: new RegExp(`(?<![\\d/.-])${YEAR}([-/.])(?:0?[1-9]|1[0-2])\\1(?:[12]\\d|3[01]|0?[1-9])(?![\\d/.-]?\\d)`, 'g'),
    reason: 'Date more specific than a year',
    confidence: 0.92,
  },
  {
    // 2024-03 (ISO year and month); "2019-20" is a financial year, not a month
    re: new RegExp(`(?<![\\d/.-])${YEAR}-(?:0[1-9]|1[0-2])(?![\\d/.-]?\\d)`, 'g'),
    reason: 'Month and year (more specific than a year)',
    confidence: 0.8,
  },
];

/**
 * Numeric dates with a year: 12/03/2024, 3/7/1948, 14.02.2019, 30-06-1985, 11/14/23. Either order
 * (UK day/month or US month/day) is accepted as long as one part can be a month. Without a year the
 * same shape is usually a UK duration ("3/7" = three days, "2/52" = two weeks) or a score ("4/5").
 */
const NUMERIC = /(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2((?:19|20)\d{2}|\d{2})(?![\d/.-]?\d)/g;
/**
 * Day and month without a year after a word that introduces a date: "seen on 14/02", "bloods taken
 * 12/11", "next visit thurs 12/6", "signed 1/3". Durations ("cough 3/7") and scores ("power 4/5") have
 * no such word before them.
 */
const NUMERIC_NO_YEAR = new RegExp(
  `\\b(?:on|dated|date|DOB|DOS|EDD|LMP|seen|visit(?:ed)?|review(?:ed)?|booked|taken|admitted|discharged|signed|appt|appointment|until|since|due|labs|bloods|ED|A&E|MDT|clinic|surgery|op|scan|d\\/c|dc|${WEEKDAY})[:.]?\\s+(\\d{1,2})\\/(\\d{1,2})(?![\\d/]|\\.\\d)`,
  'gi',
);
/** A weekday and a day of the month: "Tues 4th", "last wednesday the 10th". */
const WEEKDAY_DAY = new RegExp(`\\b${WEEKDAY}\\s+(?:the\\s+)?${DAY}${ORDINAL}\\b`, 'gi');
/** A day of the month written in a lower-case note: "3rd of june", "the 5th may". */
const LOWER_DAY_MONTH = new RegExp(`\\b(?:the\\s+)?${DAY}${ORDINAL}?(?:\\s+of)?\\s+${MONTH}(?![a-z])`, 'gi');
/** A bare day of the month, "on the 28th", when nothing clinical ("9th centile") follows. */
const DAY_OF_MONTH = new RegExp(
  `\\b(?:on|by|from|until|till|before|after|and|for|due)\\s+(the\\s+${DAY}${ORDINAL})(?!\\s+(?:centile|percentile|metatarsal|metacarpal|rib|ribs|ventricle|nerve|degree|line|trimester|generation|cycle|dose|time|floor|attempt|toe|finger|digit|intercostal|cranial|lumbar|cervical|thoracic|sacral|place|year|month|week|day|birthday|percentile)\\b)`,
  'gi',
);
/**
 * "the 19th" before a pause ("admitted the 19th,", "his wife died on the 30th."): a bare ordinal with
 * nothing after it that it could count.
 */
const DAY_AT_PAUSE = new RegExp(
  `\\b(the\\s+${DAY}${ORDINAL})(?=\\s*(?:[,.;:!?)]|$|\\s(?:and|at|when|which|so|but|or)\\b))`,
  'gi',
);
/** A month with a year said in words: "August last year", "March of next year", "in june this year". */
const MONTH_RELATIVE_YEAR = new RegExp(`\\b${MONTH}(?:\\s+of)?\\s+(?:last|next|this)\\s+year\\b`, 'gi');
/** A numeric month and year, "05/2022", "12-2019", "chemo completed 3/2021". */
const MONTH_YEAR = /(?<![\d/.-])(?:0?[1-9]|1[0-2])[/-](?:19|20)\d{2}(?![\d/.-]?\d)/g;
/**
 * Day and month without a year after a clinical event ("MRI brain 1/12", "last period 14/11", "fell
 * 3/10") or before a clock time ("06/12 0310", "06/12 at 14:00"). The same shape after "for", "in",
 * "x" or before "ago" is a duration ("in 1/12", "3/7 ago") and is left alone.
 */
const EVENT =
  '(?:MRI|CT|CTPA|CXR|XR|x-?ray|USS|ultrasound|echo|ECG|EEG|EMG|OGD|colonoscopy|endoscopy|scan|angio(?:gram)?|biopsy|bx|procedure|operation|op|surgery|theatre|assessment|period|menses|onset|fall|fell|injury|attended|attendance|presented|arrived|custody|completed|started|stopped|commenced|died|death|delivered|delivery|vaccinated|vaccine|swab|tested|result|results|letter|referral|referred|adm|admission|admitted|dc|d\\/c|discharge|planned|booked|last\\s+seen|ix|bloods)';
const EVENT_DAY_MONTH = new RegExp(
  `\\b${EVENT}(?:\\s+[a-z]+)?[:.]?\\s+(\\d{1,2})\\/(\\d{1,2})(?![\\d/]|\\.\\d)(?!\\s*(?:ago|hx|history|post|duration|of)\\b)`,
  'gi',
);
const DAY_MONTH_TIME =
  /(?<![\d/.-])(\d{1,2})\/(\d{1,2})(?=,?\s+(?:at\s+)?(?:[01]\d|2[0-3])(?::?[0-5]\d)\b(?!\s*(?:mg|ml|units?|%)))/g;
/** Durations and counts before a day-month shape: "for 1/12", "in 6/52", "x 3/7". */
const DURATION_BEFORE = /\b(?:for|in|x|over|within|after|every|next|approx|about)\s+$/i;
/** A bare day of the month before a pause after a word: "memory clinic 17th.", "fell 23rd and". */
const ORDINAL_AT_PAUSE = new RegExp(
  `(?<=[\\p{L}]\\s)(${DAY}${ORDINAL})(?=\\s*(?:[,.;:!?)]|$|\\s(?:and|at|when|which|so|but|or)\\b))`,
  'giu',
);
/** Ordinals counting something, not a day: "R 5th", "L 4th". */
const NOT_A_DAY_BEFORE = /\b(?:L|R|left|right|the|his|her|their|in|to|of)\s+$/i;
const BIRTH_YEAR = /\b(?:born(?:\s+in)?|DOB:?|YOB:?|year of birth:?)\s*\(?((?:18|19|20)\d{2})\b/gi;

function dayMonthValid(a: number, b: number): boolean {
  return (a >= 1 && a <= 31 && b >= 1 && b <= 12) || (a >= 1 && a <= 12 && b >= 1 && b <= 31);
}

export function detectDates(text: string): Candidate[] {
  const out: Candidate[] = [];
  const add = (start: number, end: number, reason: string, confidence: number): void => {
    out.push({ kind: 'DATE', start, end, reason, confidence });
  };
  for (const p of PATTERNS) eachMatch(p.re, text, (m) => add(m.index, m.index + m[0].length, p.reason, p.confidence));
  eachMatch(NUMERIC, text, (m) => {
    if (dayMonthValid(Number(m[1]), Number(m[3])))
      add(m.index, m.index + m[0].length, 'Date more specific than a year', 0.9);
  });
  eachMatch(NUMERIC_NO_YEAR, text, (m) => {
    if (!dayMonthValid(Number(m[1]), Number(m[2]))) return;
    const start = m.index + m[0].length - `${m[1]}/${m[2]}`.length;
    add(start, m.index + m[0].length, 'Day and month', 0.7);
  });
  eachMatch(WEEKDAY_DAY, text, (m) => add(m.index, m.index + m[0].length, 'Day of the month', 0.8));
  eachMatch(LOWER_DAY_MONTH, text, (m) => add(m.index, m.index + m[0].length, 'Date more specific than a year', 0.85));
  eachMatch(DAY_OF_MONTH, text, (m) => {
    const start = m.index + m[0].length - m[1].length;
    add(start, start + m[1].length, 'Day of the month', 0.7);
  });
  eachMatch(DAY_AT_PAUSE, text, (m) => add(m.index, m.index + m[1].length, 'Day of the month', 0.65));
  eachMatch(MONTH_RELATIVE_YEAR, text, (m) => add(m.index, m.index + m[0].length, 'Month of a stated year', 0.85));
  eachMatch(MONTH_YEAR, text, (m) =>
    add(m.index, m.index + m[0].length, 'Month and year (more specific than a year)', 0.8),
  );
  eachMatch(EVENT_DAY_MONTH, text, (m) => {
    if (!dayMonthValid(Number(m[1]), Number(m[2]))) return;
    const start = m.index + m[0].length - `${m[1]}/${m[2]}`.length;
    if (DURATION_BEFORE.test(text.slice(Math.max(0, start - 12), start))) return;
    add(start, m.index + m[0].length, 'Day and month after a clinical event', 0.7);
  });
  eachMatch(DAY_MONTH_TIME, text, (m) => {
    if (!dayMonthValid(Number(m[1]), Number(m[2]))) return;
    if (DURATION_BEFORE.test(text.slice(Math.max(0, m.index - 12), m.index))) return;
    add(m.index, m.index + m[0].length, 'Day and month before a time', 0.7);
  });
  eachMatch(ORDINAL_AT_PAUSE, text, (m) => {
    if (NOT_A_DAY_BEFORE.test(text.slice(Math.max(0, m.index - 8), m.index))) return;
    add(m.index, m.index + m[1].length, 'Day of the month', 0.6);
  });
  const thisYear = new Date().getFullYear();
  eachMatch(BIRTH_YEAR, text, (m) => {
    if (thisYear - Number(m[1]) <= 89) return;
    const start = m.index + m[0].length - m[1].length;
    add(start, start + 4, 'Year of birth implies an age over 89', 0.85);
  });
  return out;
}
