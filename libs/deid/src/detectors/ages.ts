/**
 * Ages over 89. Safe Harbor lets ages up to 89 stand and requires older ages to be aggregated as
 * "90 or older", so "90+", "in her 90s" and age bands are left alone; only a stated age of 90+ is flagged.
 */
import type { Candidate } from '../types';
import { eachMatch } from '../text';

const AGE = '(\\d{2,3})';
const PATTERNS: RegExp[] = [
  // 92-year-old, 90 year old, 93 yrs old, 95 years of age
  new RegExp(`\\b${AGE}[\\s-]*(?:years?|yrs?|y)[\\s-]*(?:old|of\\s+age)\\b`, 'gi'),
  // 93 y/o, 94yo, 91 y.o.
  new RegExp(`\\b${AGE}\\s*(?:y\\/o|y\\.o\\.?|yo)(?![a-z])`, 'gi'),
  // aged 95, age: 91, Age 100
  new RegExp(`\\b(?:aged|age)\\s*[:=]?\\s*${AGE}\\b(?!\\s*[-–]\\s*\\d)`, 'gi'),
  // 100th birthday
  new RegExp(`\\b${AGE}(?:st|nd|rd|th)\\s+birthday\\b`, 'gi'),
  // 92F, 91 M (US shorthand); see the temperature guard below
  new RegExp(`\\b${AGE}\\s?(?:F|M)\\b(?![°'’])`, 'g'),
];

/** Ages of 90 to 110 in words: "ninety-two", "ninety three", "one hundred and one", "a hundred". */
const IN_WORDS =
  '((?:ninety(?:[\\s-](?:one|two|three|four|five|six|seven|eight|nine))?|(?:one|a)\\s+hundred(?:\\s+(?:and\\s+)?(?:one|two|three|four|five|six|seven|eight|nine|ten))?))';
const WORD_PATTERNS: RegExp[] = [
  // ninety-two-year-old, ninety three yrs, a hundred years of age
  new RegExp(`\\b${IN_WORDS}[\\s-]*(?:(?:years?|yrs?)[\\s-]*(?:old|of\\s+age)|yrs?|y\\/o)\\b`, 'gi'),
  // aged ninety-six, age ninety
  new RegExp(`\\b(?:aged|age)\\s*[:=]?\\s*${IN_WORDS}\\b`, 'gi'),
  // she is ninety-one, lived to one hundred and one, turns ninety
  new RegExp(
    `\\b(?:is|was|turns|turned|lived\\s+to|reached)\\s+${IN_WORDS}\\b(?![\\s-]*(?:percent|%|mg|ml|minutes|seconds))`,
    'gi',
  ),
];
/**
 * An age over 89 in words with nothing after it that makes it a quantity ("joan ninety-one", "alive at
 * ninety one"): clinical values are written in figures, so a spelled-out ninety-something is an age
 * unless a unit or a count follows.
 */
const WORDS_ALONE = new RegExp(
  `\\b${IN_WORDS}\\b(?![\\s-]*(?:percent|per\\b|%|mg|mcg|ml|g\\b|kg|cm|mm|minutes?|mins?|seconds?|secs?|hours?|hrs?|days?|weeks?|months?|times|degrees|beats|bpm|units|steps|metres|meters|yards|pounds|euro|dollars|people|patients|years?\\s+ago|thousand|million))`,
  'gi',
);

/** A relative's age after their relation: "her husband, 91, has ...", "mother (93)", "Husband 99." */
const RELATIVE_AGE =
  /\b(?:husband|wife|partner|mother|father|mum|mom|dad|gran|granny|grandmother|grandfather|aunt|uncle|sister|brother|neighbou?r)[,(\s]+(\d{2,3})(?=\s*(?:[,);]|\.(?!\d)|$))/gi;

/** "Bridget is 95 and ..." — only after a pronoun or a capitalised name, so "HR is 92" is not an age. */
const IS_AGE =
  /\b(?:he|she|they|who|[A-Z][a-z'’]+|husband|wife|partner|mother|father|mum|mom|dad|gran|granny|grandmother|grandfather|aunt|uncle|sister|brother)\s+(?:is|was|turns|turned|is now)\s+(\d{2,3})(?=\s*(?:[,.;)]|and\b|but\b|with\b|$))/g;
/**
 * An age right after a name, as notes introduce a person: "Ann Lyle, 93, lives alone", "mr oyelaran
 * (92 but says 93!)", "joan 94F". The word before is checked against measurements below.
 */
const AFTER_NAME =
  /(?:,[ \t]*(\d{2,3})(?=[ \t]*(?:,|;|\)|\.(?!\d)|[MF]\b|yo\b|y\b))|[ \t]*\([ \t]*(\d{2,3})(?=[ \t]*(?:,|;|[MF]\b|yo\b|y\b|but\b|and\b)))/g;
/** The word right before an age after a name. */
const WORD_BEFORE = /([\p{L}][\p{L}'’-]*)$/u;
/** Words before a number that make it a measurement, not an age: "Hb, 95,", "sats (93)". */
const CLINICAL_BEFORE =
  /^(?:hb|hr|bp|rr|sats?|spo2|o2|temp|wt|weight|pulse|gcs|news2?|score|glucose|bm|cbg|egfr|creat|creatinine|urea|na|k|plt|platelets|wcc|crp|alt|ast|alp|ggt|tsh|ft4|inr|fev1|pefr|rate|level|mmse|moca|ace|bmi|ef|qtc|map|height|ht|trop|troponin|lactate|ferritin|b12|folate|vit|ldl|hdl|chol|a1c|hba1c|fbc|ue|lft|bed|bay|room|ward|page|pages|item|items|question|step|stage|grade|type|class|level|cycle|day|week|month|year|no|number|ref|code|ext|tel|bleep|x)$/i;

/** An age someone gives: "says 93!", "she says she's 95." */
const SAYS_AGE =
  /\b(?:says|said|claims|claimed)\s+(?:(?:s?he|they|I)(?:['’]s|\s+is|\s+was|['’]m|\s+am)\s+)?(\d{2,3})(?=\s*(?:[!,.;)]|$))/gi;

/** Measurements read like sentences too ("Weight is 94", "Pulse was 96"). */
const MEASURE =
  /^(?:weight|pulse|rate|sats?|score|temp|temperature|level|glucose|sugar|bp|hr|rr|it|this|that|there|which)$/i;

/** A Fahrenheit reading ("T 101F", "fever 99 F") is not an age. */
const TEMPERATURE_BEFORE = /\b(?:t|temp|temperature|fever|pyrexia|febrile)\b[\s:=]*$/i;

export function detectAges(text: string): Candidate[] {
  const out: Candidate[] = [];
  const add = (start: number, end: number, age: number): void => {
    // "90+" is the aggregated category Safe Harbor asks for, not an age.
    if (text[end] === '+') return;
    if (age >= 90 && age <= 130) out.push({ kind: 'AGE', start, end, reason: 'Age over 89', confidence: 0.9 });
  };
  for (const re of PATTERNS) {
    eachMatch(re, text, (m) => {
      if (re === PATTERNS[4] && TEMPERATURE_BEFORE.test(text.slice(Math.max(0, m.index - 15), m.index))) return;
      add(m.index, m.index + m[0].length, Number(m[1]));
    });
  }
  for (const re of WORD_PATTERNS) {
    eachMatch(re, text, (m) => {
      const start = re === WORD_PATTERNS[2] ? m.index + m[0].length - m[1].length : m.index;
      out.push({ kind: 'AGE', start, end: m.index + m[0].length, reason: 'Age over 89 (in words)', confidence: 0.85 });
    });
  }
  eachMatch(WORDS_ALONE, text, (m) => {
    out.push({
      kind: 'AGE',
      start: m.index,
      end: m.index + m[0].length,
      reason: 'Age over 89 (in words)',
      confidence: 0.7,
    });
  });
  eachMatch(RELATIVE_AGE, text, (m) => {
    const start = m.index + m[0].length - m[1].length;
    add(start, start + m[1].length, Number(m[1]));
  });
  eachMatch(AFTER_NAME, text, (m) => {
    const word = WORD_BEFORE.exec(text.slice(Math.max(0, m.index - 30), m.index))?.[1];
    if (!word || word.length < 2 || CLINICAL_BEFORE.test(word) || MEASURE.test(word)) return;
    const age = m[1] ?? m[2];
    const start = m.index + m[0].length - age.length;
    add(start, start + age.length, Number(age));
  });
  eachMatch(SAYS_AGE, text, (m) => {
    const start = m.index + m[0].length - m[1].length;
    add(start, start + m[1].length, Number(m[1]));
  });
  eachMatch(IS_AGE, text, (m) => {
    const subject = /^\S+/.exec(m[0])?.[0] ?? '';
    if (MEASURE.test(subject)) return;
    const start = m.index + m[0].length - m[1].length;
    add(start, start + m[1].length, Number(m[1]));
  });
  return out;
}
