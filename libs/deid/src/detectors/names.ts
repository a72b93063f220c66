/**
 * Names of people and employers. Capitalisation alone proves nothing in clinical text (drugs, eponyms,
 * services and sentence starts are capitalised too), so a capitalised run is only flagged with evidence:
 * a title ("Mrs O'Neill"), a cue ("her son David", "called Tadhg", "Patient: ..."), a sign-off, or a
 * given name from the built-in list. Names found with strong evidence are then looked for again
 * elsewhere in the text.
 */
import { GAZETTEER_GIVEN_NAMES, GAZETTEER_SURNAMES } from '../lexicon/gazetteer-names';
import { AMBIGUOUS_GIVEN_NAMES, GIVEN_NAMES, SURNAMES } from '../lexicon/names';
import { TOWNS } from '../lexicon/towns';
import {
  EPONYM_AFTER,
  FUNCTION_WORDS,
  INSTITUTION_AFTER,
  LARGE_PLACES,
  MONTHS,
  NOT_NAMES,
  SERVICE_WORDS,
  TITLES,
  WEEKDAYS,
} from '../lexicon/vocabulary';
import type { Candidate } from '../types';
import { atSentenceStart, before, eachMatch } from '../text';

interface Token {
  start: number;
  /** End of the word without a possessive "'s". */
  end: number;
  text: string;
  possessive: boolean;
}

const TOKEN = /[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*(?:-[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*)*/gu;
/** Capitalised with lower-case letters after, allowing O'Neill, McCann, MacDonald, D'Andre, Ellie-Mae. */
const NAME_SHAPE =
  /^(?:[OD]['’]|Ma?c(?=\p{Lu}))?\p{Lu}[\p{Ll}\p{M}]+(?:['’]\p{Lu}?[\p{Ll}\p{M}]+)?(?:-(?:[OD]['’]|Ma?c(?=\p{Lu}))?\p{Lu}[\p{Ll}\p{M}]+)*$/u;
const INITIAL = /^\p{Lu}$/u;
/** Irish, Dutch, Arabic... particles inside a surname: "Ó Súilleabháin", "Ní Bhriain", "van der Berg". */
const PARTICLES: ReadonlySet<string> = new Set(
  'Ó Ní Nic Mac Mc Ua Uí de De van von der den da di del al Al El bin ibn ap ab'.split(' '),
);

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index ?? 0;
    const possessive = /['’]s$/.test(m[0]) && m[0].length >= 3;
    const word = possessive ? m[0].slice(0, -2) : m[0];
    tokens.push({ start, end: start + word.length, text: word, possessive });
  }
  return tokens;
}

const isStop = (w: string): boolean =>
  FUNCTION_WORDS.has(w) ||
  SERVICE_WORDS.has(w) ||
  MONTHS.has(w) ||
  WEEKDAYS.has(w) ||
  TITLES.has(w) ||
  LARGE_PLACES.has(w) ||
  NOT_NAMES.has(w.toLowerCase());
const nameLike = (t: Token): boolean => NAME_SHAPE.test(t.text) && !isStop(t.text);
const partsOf = (w: string): string[] => w.split('-');
/**
 * The gazetteer of names from npm packages (no English words among them), without the names of towns
 * in the town gazetteer ("Kendal", "Ashby"), which the place rules judge, and without vocabulary words.
 */
const TOWN_WORDS: ReadonlySet<string> = new Set(TOWNS.map((t) => t.toLowerCase()));
const notTownOrWord = (n: string): boolean => !TOWN_WORDS.has(n.toLowerCase()) && !isStop(n);
const MORE_GIVEN: ReadonlySet<string> = new Set(GAZETTEER_GIVEN_NAMES.filter(notTownOrWord));
const MORE_SURNAMES: ReadonlySet<string> = new Set(GAZETTEER_SURNAMES.filter(notTownOrWord));
const givenListed = (w: string): boolean => GIVEN_NAMES.has(w) || MORE_GIVEN.has(w);
const surnameListed = (w: string): boolean => SURNAMES.has(w) || MORE_SURNAMES.has(w);
/** A hyphenated given name counts by its first part: "Ellie-Mae", "Lily-Rose". */
const isGiven = (w: string): boolean => givenListed(w) || givenListed(partsOf(w)[0]);
const isAmbiguousGiven = (w: string): boolean =>
  AMBIGUOUS_GIVEN_NAMES.has(w) || (!isGiven(w) && partsOf(w).some((p) => AMBIGUOUS_GIVEN_NAMES.has(p)));

/**
 * Extends a name from token `i` over following name-like words, particles and initials on the same line.
 * Returns the index of the last token, or -1 if what follows shows it is an eponym or an institution.
 */
function extend(text: string, tokens: Token[], i: number, maxTokens = 4): number {
  let j = i;
  while (j + 1 < tokens.length && j - i + 1 < maxTokens && !tokens[j].possessive) {
    const next = tokens[j + 1];
    const gap = text.slice(tokens[j].end, next.start);
    const initialGap = INITIAL.test(tokens[j].text) && /^\.\s?$/.test(gap);
    if (gap !== ' ' && !initialGap) break;
    if (PARTICLES.has(next.text) && j + 2 < tokens.length && nameLike(tokens[j + 2])) {
      j += 1;
      continue;
    }
    if (!(nameLike(next) || (INITIAL.test(next.text) && /^\.?\s?\p{Lu}/u.test(text.slice(next.end, next.end + 3)))))
      break;
    j += 1;
  }
  const rest = text.slice(tokens[j].end, tokens[j].end + 40);
  // "Ana Liffey Drug Project": an institution named after a person, one word before its kind.
  const institution = [rest, rest.replace(/^[ \t]+\p{Lu}\p{Ll}+/u, '')].some((r) => INSTITUTION_AFTER.test(r));
  const institutionWithin = tokens.slice(i + 1, j + 1).some((t) => INSTITUTION_AFTER.test(` ${t.text}`));
  if (EPONYM_AFTER.test(rest) || institution || institutionWithin) return -1;
  return j;
}

const PLACE_SUFFIX =
  /^(?:Park|Road|Street|Lane|Hill|Green|Grove|Court|Place|Square|Gardens|Avenue|Drive|Close|Terrace|Way|View|Vale|Bridge|Wood|Woods|Field|Fields|Cross|Bay|Point|Heights)$/;
const TITLE_BEFORE =
  /(?:^|[^\p{L}])(Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Sister|Sr|Nurse|Rev|Revd|Fr|Father|Cllr|Sir|Dame|Lady|Lord)\.?\s+$/u;
/** Relations, roles and phrases that introduce a person's name: "her son David", "called Tadhg". */
const CUES = `son|daughter|wife|husband|(?:ex-)?partner|fianc[eé]e?|mum|mom|mother|dad|father|brother|sister|twin|
  aunt|uncle|niece|nephew|cousin|grandson|granddaughter|grandchild|grandmother|grandfather|granny|gran|grandma|
  grandad|grandpa|step(?:mum|mom|dad|father|mother|son|daughter)|carer|caregiver|neighbou?r|friend|boyfriend|
  girlfriend|ex-(?:husband|wife)|guardian|colleague|manager|boss|landlord|landlady|baby|next\\s+of\\s+kin|NOK|
  nurse|worker|therapist|counsell?or|psychiatrist|psychologist|physician|physio|health\\s+visitor|midwife|
  pharmacist|presenter|referrer|patient|pt|client|young\\s+person|named|called|name\\s+is|name|known\\s+as|
  key\\s*worker|keyworker|
  (?:referred|seen|reviewed|written|presented|assessed)\\s+by`.replace(/\s+/g, '');
/** Abbreviated cues of hurried notes, read in lower (or all upper) case only: "Bro" starts Welsh place names. */
const SHORT_CUES = 'dtr|sis|bro|nok|hca|rep|sw|phn|gf|bf|DTR|NOK|HCA|SW|PHN';
/** The cue must be on the same line, right before the name (a comma, colon or bracket may come between). */
const CUE_BEFORE_I = new RegExp(`(?:^|[^\\p{L}])(${CUES})[ \\t,:(–-]*$`, 'iu');
const SHORT_CUE_BEFORE = new RegExp(`(?:^|[^\\p{L}])(${SHORT_CUES})[ \\t,:(–-]*$`, 'u');
const cueBefore = (prior: string): RegExpExecArray | null => CUE_BEFORE_I.exec(prior) ?? SHORT_CUE_BEFORE.exec(prior);
const SIGN_OFF_BEFORE =
  /(?:^|\n)[ \t]*(?:(?:many |kind |best |warm )?(?:thanks|thank you|regards|wishes)|cheers|best|sincerely|yours (?:sincerely|faithfully)|signed|signature)[,.!:]?[ \t]*\n?[ \t]*$|(?:^|\n)[ \t]*from:[ \t]*$/i;
const GREETING_BEFORE = /(?:^|\n)[ \t]*(?:dear|hi|hello)[ \t]+$/i;
/** Jobs that name an employer after "for", "at" or "with": "a carer for Allied Healthcare", "picker at Lidl". */
const OCCUPATIONS =
  'carer|care\\s+assistant|cleaner|driver|picker|packer|labourer|porter|chef|cook|waiter|waitress|barista|cashier|receptionist|operative|technician|engineer|mechanic|electrician|plumber|joiner|builder|postman|postwoman|courier|teacher|apprentice|volunteer|supervisor|agent|administrator|clerk|accountant|solicitor|guard|officer';
/** "works nights at Tesco", "employed by Dunne & Sons", "bar manager at The Anchor Inn", "Employer: ..." */
const EMPLOYER_BEFORE = new RegExp(
  `\\b(?:(?:works?|worked|working|employed|job|manager|owner|employee|staff|shifts?|weekends?|nights?|${OCCUPATIONS})\\b(?:\\s+[a-z]+){0,3}?\\s+(?:at|for|by|with)|employer:?|(?:OH|occupational\\s+health)\\s+referral\\s+from)\\s+$`,
  'i',
);
/** An employer's name that is a hospital or practice, which the conventions leave unmarked. */
const HOSPITAL_NAME =
  /\b(?:Hospital|Hospice|Infirmary|Clinic|Surgery|Practice|NHS|Trust|Health\s+(?:Board|Centre|Center)|Medical\s+(?:Centre|Center)|Ward)\b/;
/** An employer typed in lower case: up to three words before a preposition or a pause ("works at jaguar land rover in"). */
const LOWER_EMPLOYER =
  /[a-z][a-z'’&-]*(?:\s+(?!(?:in|on|at|as|since|for|and|but|until|with|from|the|so|because|where|when|who|which|while)\b)(?:&\s+)?[a-z][a-z'’-]*){0,2}(?=\s+(?:in|on|at|as|since|for|and|but|until|with|from|so|because|where|when|who|which|while)\b|\s*[,.;:)(\n]|\s*$)/y;
/** "works at", "employed by", "works nights for": the verb itself, not the noun "work" ("out of work for two years"). */
const LOWER_EMPLOYER_BEFORE =
  /\b(?:(?:works|worked|working|employed)\b(?:\s+[a-z]+){0,2}?\s+(?:at|for|by)|employer:?)\s+$/i;
/** What follows "works at" without being an employer. */
const NOT_EMPLOYER =
  /^(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|few|several|many|some|years?|months?|weeks?|days?|hours?|ages|long|over|about|around|nothing|free|cash|money|him|them|us|me|you|home|night|nights|weekends?|times|present|moment|school|college|university|the|a|an|his|her|their|own|part|full|local|same|weekend|days|evenings?|mornings?|least|most|all|it|this|that|herself|himself|themselves|hospital|a&e)\b/;
/** Words of an employer's name; a dot only inside one ("B.T.", "St.Helens"), never a sentence's full stop. */
const EMPLOYER = /(?:The\s+)?[A-Z](?:[\w'’-]|\.(?=\w))*(?:\s+(?:&\s+)?[A-Z](?:[\w'’-]|\.(?=\w))*){0,4}/y;

/** Lower case without accents, so "brid" and "siobhan" match Bríd and Siobhán. */
const fold = (w: string): string => w.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
/**
 * Listed names that are also everyday words when typed in lower case ("jack", "harry", "mason",
 * "green"): never read as names without capitals.
 */
const LOWER_WORDS: ReadonlySet<string> = new Set(
  `jack jean terry roger randy harry ion rob matt nick josh mike dean wade chad jerry billy bobby tommy henry
  peter mason levi ken ted stan len vic pete wes tony dan ben lily troy lewis jo kim ian
  wood green white brown hill hall ward king bell cook baker fox gray grey rose hunt price power day ball hart
  grant lane black mills stone west ford cole woods young knight butler walker turner carter parker miller
  marshall fisher barker bishop hunter jordan day berry gill page reed park lee long kerr carr cox
  thomas james scott owen martin mitchell adams allen morgan murray lawrence graham russell`
    .split(/\s+/)
    .filter(Boolean),
);
const LOWER_GIVEN: ReadonlySet<string> = new Set(
  [...GIVEN_NAMES, ...MORE_GIVEN]
    .filter((n) => !AMBIGUOUS_GIVEN_NAMES.has(n))
    .map(fold)
    .filter((n) => !LOWER_WORDS.has(n) && !NOT_NAMES.has(n)),
);
const LOWER_SURNAMES: ReadonlySet<string> = new Set(
  [...SURNAMES, ...MORE_SURNAMES].map(fold).filter((n) => !LOWER_WORDS.has(n)),
);
/** A lower-case word that is a listed given name or surname (and no everyday word). */
const lowerNameLike = (t: Token): boolean =>
  /^[\p{Ll}\p{M}'’-]{3,}$/u.test(t.text) && (LOWER_GIVEN.has(fold(t.text)) || LOWER_SURNAMES.has(fold(t.text)));
/** "dr byrne", "mrs kelly": titles typed in lower case ("ms" is multiple sclerosis). */
const LOWER_TITLE_BEFORE = /(?:^|[^\p{L}])(?:mr|mrs|miss|dr)\.?\s+$/u;
/**
 * Lower-case words that follow a title or a cue without being a name: "mr and tr" (mitral and
 * tricuspid regurgitation), "son aware", "dtr will ring", "nok informed".
 */
const LOWER_STOP: ReadonlySet<string> = new Set([
  ...[...FUNCTION_WORDS, ...SERVICE_WORDS, ...MONTHS, ...WEEKDAYS].map(fold),
  ...`aware present visiting visited says said rang called phoned reports reported concerned worried struggling
  staying lives lived died helps helped will would can also too not now here there today tonight tomorrow ok okay
  informed updated involved supportive attends attended brought took takes collects drove driving unaware none
  call calls visit visits appt appointment meeting referral input support contact
  nil unknown same mild moderate severe trace trivial noted jet only murmur seen review and with on in at to of
  for from who is was has had does did she he they her his their him them present away abroad
  very really quite still just recently currently usually always never often rather much more less well unwell
  better worse happy upset angry anxious tired stressed keen reluctant both all who that which`.split(/\s+/),
]);
/** Relations and carers, full or abbreviated, before a lower-case name: "son", "dtr", "nok", "carer". */
const RELATIONS =
  'son|daughter|dtr|wife|husband|partner|mum|mom|mother|dad|father|brother|bro|sister|sis|nok|next\\s+of\\s+kin|carer|hca|friend|neighbou?r|aunt|uncle|niece|nephew|cousin|grandson|granddaughter|gran|granny|grandad|rep|keyworker|key\\s+worker';
const RELATION_BEFORE = new RegExp(`(?:^|[^\\p{L}])(?:${RELATIONS})[ \\t,:(–-]*$`, 'iu');
/** What may end a name typed in lower case after a cue: punctuation, a bracket, a dash or the line's end. */
const NAME_END = /^(?:[ \t]*[,.;:)!?\n]|[ \t]*$|[ \t]+\(|[ \t]+[-–])/;
/**
 * What follows a relative's name typed in lower case as the subject of a clause: a verb ("dtr sioned
 * lives in bangor", "husband wullie struggling") or an age ("sister jean 80").
 */
const SUBJECT_END =
  /^[ \t]+(?:\d{1,3}\b(?![ \t]*(?:mg|mcg|ml|kg|g\b|%|\/|units?|mmol|days?|weeks?|months?|years?|hours?|mins?))|(?:lives|lived|says|said|struggling|driving|drove|drives|visits|visiting|rang|phoned|called|works|worked|came|comes|brought|brings|helps|helped|aware|worried|concerned|staying|stays|takes|took|collects|wants|feels|thinks|reports|agrees|declined|manages|cares|has\s+been)\b)/;
/** A relation or role in brackets after a lower-case name: "grace (carer)", "sharon (dtr)". */
const ROLE_AFTER = new RegExp(`^[ \\t]*\\((?:${RELATIONS})\\)`, 'iu');
const LOWER_AMBIGUOUS: ReadonlySet<string> = new Set([...AMBIGUOUS_GIVEN_NAMES].map(fold));
const lowerWord = (t: Token | undefined): t is Token =>
  t !== undefined && /^[\p{Ll}\p{M}'’-]{3,}$/u.test(t.text) && !LOWER_STOP.has(fold(t.text));

/** Extends a lower-case name over a following surname: "eileen o connor", "declan mccann". */
function extendLower(text: string, tokens: Token[], i: number): number {
  const next = tokens[i + 1];
  if (!next || text.slice(tokens[i].end, next.start) !== ' ' || tokens[i].possessive) return i;
  if (LOWER_SURNAMES.has(fold(next.text))) return i + 1;
  const after = tokens[i + 2];
  const particle = /^(?:o|mc|mac|ni|nic|ap)$/.test(next.text);
  if (particle && after && text.slice(next.end, after.start) === ' ' && /^\p{Ll}{3,}$/u.test(after.text)) return i + 2;
  return i;
}

/**
 * "SURNAME, Given" as record systems print a name: a surname in capitals (a listed one, or after an
 * Irish, Welsh or Scottish particle: "NÍ BHRIAIN", "AP RHYS", "MC ANALLY"), a comma, then a given name
 * or an initial.
 */
const SURNAME_FIRST =
  /(?<![\p{L}])((?:(?:Ó|O|NÍ|NI|NIC|MAC|MC|AP|UÍ|UI|DE|VAN)\s+)?\p{Lu}[\p{Lu}'’-]+),\s+(\p{Lu}[\p{Ll}\p{M}]+(?:-\p{Lu}[\p{Ll}]+)?|\p{Lu}\.)/gu;

function detectSurnameFirst(text: string, out: Candidate[]): void {
  for (const m of text.matchAll(SURNAME_FIRST)) {
    const [surname, given] = [m[1], m[2]];
    const particle = /\s/.test(surname);
    const listed = LOWER_SURNAMES.has(fold(surname)) || surnameListed(surname[0] + surname.slice(1).toLowerCase());
    const givenListed = LOWER_GIVEN.has(fold(given));
    const givenOk = /^\p{Lu}\.$/u.test(given) || givenListed || particle;
    // An unlisted surname in capitals counts before a listed given name: "NWOSU, Chiamaka".
    if ((particle || listed || (givenListed && surname.length >= 3)) && givenOk) {
      const start = m.index ?? 0;
      out.push({
        kind: 'NAME',
        start,
        end: start + m[0].length,
        reason: 'Name written "SURNAME, Given"',
        confidence: 0.9,
      });
    }
  }
}

/**
 * An age (and sex) right after a word, as handovers and triage notes introduce a patient: "Kelly
 * Marsh, 41,", "bed 4 noel kavanagh 67M", "murphy, 78M", "Siôn ap Iorwerth (aged 7)".
 */
const AGE_AFTER =
  /^(?:,?[ \t]*\(?(?:aged?[ \t]+)?\d{1,3}[ \t]?(?:[MF]|yo|y\/o|y|yrs?[ \t-]old|years?[ \t-]old|year-old)(?![\p{L}\d])|,[ \t]*(?:aged?[ \t]+)?\d{1,3}[ \t]*(?:,|\.(?!\d)|\))|[ \t]*\(aged?[ \t]+\d{1,3}\)|,?[ \t]+aged[ \t]+\d{1,3}\b)/u;
/** Lower-case words that come before an age without being a name: "pt 67M", "lady 80", "male, 45". */
const NOT_NAME_BEFORE_AGE: ReadonlySet<string> = new Set(
  'pt patient lady man gent gentleman woman male female boy girl baby child son daughter wife husband mother father mum dad sister brother'.split(
    ' ',
  ),
);

function detectNameBeforeAge(text: string, tokens: Token[], out: Candidate[]): void {
  for (let i = 0; i < tokens.length; i += 1) {
    const last = tokens[i];
    if (last.possessive || !AGE_AFTER.test(text.slice(last.end, last.end + 24))) continue;
    const lower = /^\p{Ll}/u.test(last.text);
    const fits = (t: Token): boolean =>
      lower
        ? lowerWord(t) && !NOT_NAME_BEFORE_AGE.has(t.text)
        : nameLike(t) || (PARTICLES.has(t.text) && /^\p{Ll}/u.test(t.text));
    let first = i;
    while (first > 0 && i - first < 3 && text.slice(tokens[first - 1].end, tokens[first].start) === ' ') {
      if (!fits(tokens[first - 1])) break;
      first -= 1;
    }
    if (!fits(last) || (!lower && PARTICLES.has(tokens[first].text))) continue;
    const words = tokens.slice(first, i + 1);
    const listed = lower
      ? words.some(lowerNameLike)
      : words.length >= 2 || isGiven(last.text) || surnameListed(last.text);
    if (!listed) continue;
    out.push({
      kind: 'NAME',
      start: tokens[first].start,
      end: last.end,
      reason: 'Name followed by an age',
      confidence: lower ? 0.7 : 0.75,
    });
  }
}

/**
 * Large employers named in a sentence about work ("OH referral from Tesco (Lidl previously)", "picker
 * at an Amazon warehouse"): recognised by name, since such notes rarely give a cue before each one.
 */
const EMPLOYERS_RE = new RegExp(
  `(?<![\\p{L}])(?:${[
    'Royal Mail',
    'Tesco',
    "Sainsbury['’]s",
    'Asda',
    'Morrisons',
    'Lidl',
    'Aldi',
    'Waitrose',
    'Greggs',
    'Primark',
    'Argos',
    'Amazon',
    'Deliveroo',
    'Uber',
    'DPD',
    'Evri',
    'Hermes',
    'Openreach',
    'Vodafone',
    'Dunnes Stores',
    'Dunnes',
    'SuperValu',
    'Centra',
    'Penneys',
    'Ryanair',
    'Aer Lingus',
    'Walmart',
    'Costco',
    'FedEx',
    'UPS',
    "McDonald['’]s",
    'KFC',
    'Starbucks',
    "Nando['’]s",
    'Wetherspoons',
    'B&Q',
    'Screwfix',
    'Network Rail',
    'Arriva',
    'Stagecoach',
    'Serco',
    'Capita',
    'Sodexo',
    'G4S',
    'Mitie',
    'Home Depot',
    'Whole Foods',
    'Jaguar Land Rover',
  ].join('|')})(?![\\p{L}])`,
  'gu',
);
const WORK_SENTENCE =
  /\b(?:works?|worked|working|job|jobs|employ\w*|shifts?|OH|occupational|manager|staff|colleagues?|warehouse|driver|picker|packer|cashier|contract|redundan\w*|sick\s+note|fit\s+note|dismissed|sacked|previously|before\s+that)\b/i;

function detectKnownEmployers(text: string, out: Candidate[]): void {
  eachMatch(EMPLOYERS_RE, text, (m) => {
    const from = Math.max(text.lastIndexOf('.', m.index - 1), text.lastIndexOf('\n', m.index - 1)) + 1;
    const stop = /[.\n]/.exec(text.slice(m.index + m[0].length));
    const sentence = text.slice(from, stop ? m.index + m[0].length + stop.index : text.length);
    if (WORK_SENTENCE.test(sentence)) {
      out.push({
        kind: 'NAME',
        start: m.index,
        end: m.index + m[0].length,
        reason: 'Employer (known name)',
        confidence: 0.8,
      });
    }
  });
}

export function detectNames(text: string): Candidate[] {
  const tokens = tokenize(text);
  const out: Candidate[] = [];
  const strong = new Set<string>();
  let coveredUntil = -1;

  const emit = (startToken: number, endToken: number, start: number, reason: string, confidence: number): void => {
    const end = tokens[endToken].end;
    out.push({ kind: 'NAME', start, end, reason, confidence });
    coveredUntil = end;
    if (confidence >= 0.8) {
      for (let k = startToken; k <= endToken; k += 1) {
        const w = tokens[k].text;
        if (w.length >= 3 && !isAmbiguousGiven(w) && !PARTICLES.has(w) && nameLike(tokens[k])) strong.add(w);
      }
    }
  };

  for (let i = 0; i < tokens.length; i += 1) {
    const t = tokens[i];
    if (t.start < coveredUntil) continue;
    const prior = before(text, t.start, 50);

    const employer = EMPLOYER_BEFORE.test(prior) && /^(?:The\s+)?[A-Z]/.test(text.slice(t.start));
    if (employer && (t.text === 'The' || nameLike(t) || SERVICE_WORDS.has(t.text))) {
      EMPLOYER.lastIndex = t.start;
      const m = EMPLOYER.exec(text);
      if (m && !HOSPITAL_NAME.test(m[0])) {
        const end = t.start + m[0].replace(/[.,'’]+$/, '').length;
        out.push({ kind: 'NAME', start: t.start, end, reason: "Employer's name", confidence: 0.82 });
        coveredUntil = end;
        continue;
      }
    }
    if (/^\p{Ll}/u.test(t.text) && LOWER_EMPLOYER_BEFORE.test(prior) && !NOT_EMPLOYER.test(text.slice(t.start))) {
      LOWER_EMPLOYER.lastIndex = t.start;
      const m = LOWER_EMPLOYER.exec(text);
      if (m) {
        const end = t.start + m[0].length;
        out.push({ kind: 'NAME', start: t.start, end, reason: "Employer's name (lower case)", confidence: 0.75 });
        coveredUntil = end;
        continue;
      }
    }

    const title = TITLE_BEFORE.exec(prior);
    if (title && (nameLike(t) || INITIAL.test(t.text))) {
      // "Mrs B" stays an initial; "Dr J. Smith" and "Mrs Mary O'Neill" extend over the rest of the name.
      const j = extend(text, tokens, i);
      if (j >= 0) {
        const titleStart = t.start - (title[0].length - title[0].indexOf(title[1]));
        emit(i, j, titleStart, `Name after the title "${title[1]}"`, 0.9);
        continue;
      }
    }
    // "mrs gwenllian morgan", "mr oyelaran", "dr a. lloyd": after a lower-case title any word that is
    // no everyday word is a name, with a following surname or word before a pause.
    if (/^\p{Ll}$/u.test(t.text) && text[t.end] === '.' && lowerWord(tokens[i + 1]) && LOWER_TITLE_BEFORE.test(prior)) {
      emit(i, i + 1, t.start, 'Name typed in lower case after a title', 0.8);
      continue;
    }
    // A name that is also a word ("her son will.", "carer grace,") only counts right after a cue and before a pause.
    const ambiguous = /^\p{Ll}+$/u.test(t.text) && LOWER_AMBIGUOUS.has(t.text);
    if (!lowerNameLike(t) && (lowerWord(t) || ambiguous) && !t.possessive) {
      const afterWord = text.slice(t.end, t.end + 20);
      const titled = LOWER_TITLE_BEFORE.test(prior) && !ambiguous;
      // An unlisted word after a cue: only after a relation ("nok davy,"), and not shaped like a verb or a plural.
      const cuedAtPause =
        ((NAME_END.test(afterWord) &&
          (ambiguous || !/(?:ed|ing|ly|s|er|or|ment|ance|ence|ship|ity|ion|ness|ist|al)$/.test(t.text))) ||
          (SUBJECT_END.test(afterWord) && !/(?:ing|ly)$/.test(t.text))) &&
        RELATION_BEFORE.test(prior);
      // An everyday word with a listed surname after a cue: "pt rose hanlon", "son will byrne".
      const next = tokens[i + 1];
      if (
        (cueBefore(prior) !== null || RELATION_BEFORE.test(prior)) &&
        next &&
        text.slice(t.end, next.start) === ' ' &&
        /^\p{Ll}/u.test(next.text) &&
        LOWER_SURNAMES.has(fold(next.text))
      ) {
        emit(i, i + 1, t.start, 'Name typed in lower case after a cue', 0.8);
        continue;
      }
      if (titled || cuedAtPause || ROLE_AFTER.test(afterWord)) {
        const surname =
          titled && lowerWord(next) && text.slice(t.end, next.start) === ' ' && NAME_END.test(text.slice(next.end));
        emit(
          i,
          surname ? i + 1 : extendLower(text, tokens, i),
          t.start,
          'Name typed in lower case after a title or cue',
          0.8,
        );
        continue;
      }
    }
    if (lowerNameLike(t)) {
      const cued =
        LOWER_TITLE_BEFORE.test(prior) || cueBefore(prior) !== null || ROLE_AFTER.test(text.slice(t.end, t.end + 20));
      if (cued || LOWER_GIVEN.has(fold(t.text))) {
        const next = tokens[i + 1];
        // "mrs gwenllian morgan,": after a title, the next word before a pause is the surname.
        const titledSurname =
          LOWER_TITLE_BEFORE.test(prior) &&
          lowerWord(next) &&
          text.slice(t.end, next.start) === ' ' &&
          NAME_END.test(text.slice(next.end));
        const j = titledSurname ? i + 1 : extendLower(text, tokens, i);
        const reason = cued
          ? 'Name typed in lower case after a title or cue'
          : 'Common first name (typed in lower case)';
        emit(i, j, t.start, reason, cued ? 0.8 : 0.6);
        continue;
      }
    }
    if (!nameLike(t)) continue;

    if (SIGN_OFF_BEFORE.test(prior) || GREETING_BEFORE.test(prior)) {
      const j = extend(text, tokens, i, 3);
      if (j >= 0) {
        emit(i, j, t.start, 'Name in a greeting or signature', 0.85);
        continue;
      }
    }

    const cue = cueBefore(prior);
    if (cue) {
      const j = extend(text, tokens, i);
      if (j >= 0) {
        emit(i, j, t.start, `Name after "${cue[1].toLowerCase()}"`, 0.85);
        continue;
      }
    }

    // Saints name hospitals and schools ("St James's Hospital", "St Patrick's Primary").
    if (/\b(?:St|Saint)\.?\s+$/.test(prior)) continue;

    const next = tokens[i + 1];
    const followedBySurname = next && text.slice(t.end, next.start) === ' ' && partsOf(next.text).some(surnameListed);
    if (isGiven(t.text) && !isAmbiguousGiven(t.text)) {
      const j = extend(text, tokens, i);
      if (j > i) emit(i, j, t.start, 'Common first name followed by a surname', 0.8);
      // Alone it yields to a place it is part of ("in Fort William").
      else if (j === i) emit(i, j, t.start, 'Common first name', 0.6);
      continue;
    }
    // An ambiguous given name ("Violet", "Olive") or an unlisted one counts with a surname next to it,
    // or mid-sentence before another capitalised word.
    if (next && text.slice(t.end, next.start) === ' ' && nameLike(next) && !t.possessive) {
      const midSentence = !atSentenceStart(text, t.start);
      // "Victoria Park", "Rose Hill", "Olive Grove" are places.
      const placeNext = PLACE_SUFFIX.test(next.text);
      if (!placeNext && (followedBySurname || (isAmbiguousGiven(t.text) && midSentence))) {
        const j = extend(text, tokens, i);
        if (j > i) emit(i, j, t.start, 'First name and surname', 0.75);
      }
    }
  }

  detectSurnameFirst(text, out);
  detectNameBeforeAge(text, tokens, out);
  detectKnownEmployers(text, out);

  // Names found with strong evidence are flagged wherever else they appear ("... Ms Nowak ... Nowak said").
  for (const t of tokens) {
    if (strong.has(t.text) && !out.some((c) => c.start <= t.start && t.end <= c.end)) {
      out.push({
        kind: 'NAME',
        start: t.start,
        end: t.end,
        reason: 'Same name as flagged elsewhere in the text',
        confidence: 0.65,
      });
    }
  }
  return out;
}
