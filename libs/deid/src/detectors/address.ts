/**
 * Street addresses, small geographic units (towns after "lives in" / "from", counties), UK postcodes,
 * Irish Eircodes and US ZIP codes in address context. Parts that follow each other ("3 Orchard Close,
 * Newtownards BT23 4LP") are merged into one finding.
 */
import { GIVEN_NAMES } from '../lexicon/names';
import { BRITISH_COUNTIES, DISTINCT_IRISH_COUNTIES, IRISH_COUNTIES, US_STATE_CODES } from '../lexicon/places';
import {
  EPONYM_AFTER,
  FUNCTION_WORDS,
  INSTITUTION_AFTER,
  LARGE_PLACES,
  MONTHS,
  SERVICE_WORDS,
  TITLES,
  WEEKDAYS,
} from '../lexicon/vocabulary';
import type { Candidate } from '../types';
import { atSentenceStart, before, eachMatch } from '../text';

const WORD = "[A-Z][A-Za-z'’-]+";
const SUFFIX =
  '(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Close|Crescent|Cres|Grove|Gardens|Gdns|Park|Place|Pl|Court|Ct|Terrace|Tce|Way|Row|Square|Sq|Hill|Mews|Parade|View|Rise|Green|Boulevard|Blvd|Highway|Hwy|Circle|Cir|Parkway|Pkwy|Heights|Villas|Meadows|Brae|Wynd|Vale|Quay|Wharf|Manor|Grange|Glen|Mansions|Cottages|Estate|Loop|Trail|Pike)';
/** Suffixes that name a street even without a house number ("lives on Hartley Road"). */
const STRONG_SUFFIX =
  '(?:Street|Road|Avenue|Lane|Drive|Close|Crescent|Grove|Gardens|Court|Terrace|Way|Mews|Parade|Boulevard|Mansions|Square|Place)';
const HOUSE_NO = '\\d{1,5}[A-Za-z]?(?:\\s?[-–]\\s?\\d{1,5}[A-Za-z]?)?';
const UNIT = '(?:Flat|Apt\\.?|Apartment|Unit|Suite|Ste\\.?)\\s+[A-Z0-9][\\w-]*';
const STREET_NAME = `(?:(?:[NSEW]\\.?|North|South|East|West)\\s+)?(?:${WORD}|\\d{1,3}(?:st|nd|rd|th))(?:\\s+${WORD}){0,3}\\s+${SUFFIX}\\b\\.?`;

/** "14 Elm Grove", "Flat 3, 22 High Street", "2208 W Division St", "Apt 12, Riverside Court". */
const STREET = new RegExp(`\\b(?:(?:${UNIT},?\\s+)?${HOUSE_NO},?\\s+${STREET_NAME}|${UNIT},?\\s+${STREET_NAME})`, 'g');
const STREET_NO_NUMBER = new RegExp(
  `\\b(?:on|off|at|from|in|near|along|to)\\s+(?:the\\s+)?(${WORD}(?:\\s+${WORD}){0,2}\\s+${STRONG_SUFFIX})\\b`,
  'g',
);
/**
 * Welsh, Irish and Scottish Gaelic street names start with their kind: "14 Heol y Nant", "3 Maes yr
 * Haf", "2 Bóthar na Trá", "Flat 2, Lôn Las"; with a house number or a unit before them.
 */
const CELTIC_STREET = new RegExp(
  `\\b(?:${UNIT},?\\s+)?${HOUSE_NO},?\\s+(?:Heol|Ffordd|Stryd|Lôn|Lon|Maes|Clos|Rhodfa|Llys|Teras|Gerddi|Cae|Bryn|Pen|Plas|Parc|Nant|Ael|Tŷ|Bron|Bóthar|Bothar|Sráid|Sraid|Ascaill|Cnoc|Sràid|Rathad)\\s+(?:(?:y|yr|na|an|'r)\\s+)?[A-Z][\\p{L}'’-]+(?:\\s+(?:(?:y|yr|na|an)\\s+)?[A-Z][\\p{L}'’-]+){0,2}`,
  'gu',
);
const PO_BOX = /\bP\.?\s?O\.?\s+Box\s+\d+/gi;

/** UK postcode with the official letter restrictions (no Q, V, X first; inward letters never C, I, K, M, O, V). */
const POSTCODE =
  '(?:GIR ?0AA|[A-PR-UWYZ](?:\\d[A-HJKPSTUW\\d]?|[A-HK-Y]\\d[ABEHMNPRVWXY\\d]?) ?\\d[ABD-HJLNP-UW-Z]{2})';
/** Eircode: routing key (letter + 2 digits, or D6W) and a 4-character unique identifier. */
const EIRCODE = '(?:[ACDEFHKNPRTVWXY]\\d{2}|D6W) ?[0-9ACDEFHKNPRTVWXY]{4}';
/** A postcode district (outward code, "CF14", "BT9", "SW1A") or an Eircode routing key ("T12"), only read after a town. */
const DISTRICT = '(?:[A-PR-UWYZ](?:\\d[A-HJKPSTUW\\d]?|[A-HK-Y]\\d[ABEHMNPRVWXY\\d]?)|[ACDEFHKNPRTVWXY]\\d{2}|D6W)';
/** A five-digit ZIP code (or ZIP+4), only read after a town or street; not a dose or a count. */
const ZIP_AFTER = '\\d{5}(?:-\\d{4})?\\b(?!\\s*(?:mg|mcg|µg|g|kg|ml|mL|l|L|units?|iu|IU|mmol|cells|copies|steps|%))';
const STATE = `(?:${US_STATE_CODES.join('|')})`;

const POSTCODE_RE = new RegExp(`\\b${POSTCODE}\\b`, 'g');
const EIRCODE_RE = new RegExp(`\\b${EIRCODE}\\b`, 'g');
/** A ZIP code after a state code (with the city before it, if any) or after "ZIP". */
const ZIP_RE = new RegExp(
  `\\b(?:(${WORD}(?:\\s+${WORD})?,\\s+)?${STATE},?\\s+|(?:ZIP|zip)(?:\\s*code)?[\\s:#]*)(\\d{5}(?:-\\d{4})?)\\b`,
  'g',
);
const IRISH_COUNTY_RE = new RegExp(`\\b(?:Co\\.?|County)\\s+(?:${IRISH_COUNTIES.join('|')})\\b`, 'g');
const BARE_COUNTY_RE = new RegExp(
  `\\b(?:(?:North|South|East|West|Mid)\\s+)?(?:${[...DISTINCT_IRISH_COUNTIES, ...BRITISH_COUNTIES].join('|')})\\b(?!['’]s)`,
  'g',
);
const US_COUNTY_RE = new RegExp(`\\b${WORD}(?:\\s+${WORD})?\\s+(?:County|Parish)\\b`, 'g');

/**
 * What may follow an address part and belongs to it: a unit, ", Town", a county, "IL 62704", a
 * postcode or Eircode. A town is only taken when something address-like or the end of a clause follows.
 */
const TAIL = new RegExp(
  '^(?:' +
    [
      `,?\\s*(?:Apt\\.?|Apartment|Unit|Suite|Ste\\.?|Flat|#)\\s*[A-Z0-9][\\w-]*`,
      `,?\\s+(?:Co\\.?|County)\\s+${WORD}`,
      `,\\s*(?!(?:Eircode|Postcode|Zip)\\b)${WORD}(?:\\s+${WORD}){0,2}(?=\\s*(?:[,.;:)\\n]|$)|\\s+(?:${POSTCODE}|${EIRCODE}|${STATE}|${DISTRICT})\\b|,?\\s+${ZIP_AFTER})`,
      `\\s+${WORD}(?=\\s+${POSTCODE}\\b)`,
      `,?\\s+${STATE}\\s+\\d{5}(?:-\\d{4})?\\b`,
      `,?\\s+${POSTCODE}\\b`,
      `,?\\s+${EIRCODE}\\b`,
      // Dublin postal districts: "Dublin 6", "Dublin 6W"
      `,?\\s+Dublin\\s+\\d{1,2}W?\\b`,
      // After a town or street: "Cardiff CF14", "Cork T12", "Springfield 62704"
      `,?\\s+${DISTRICT}\\b`,
      `,?\\s+${ZIP_AFTER}`,
    ].join('|') +
    ')',
);

/** Extends an address part over the town, county and postcode that follow it. */
function extendTail(text: string, end: number): number {
  let e = end;
  for (let i = 0; i < 6; i += 1) {
    const m = TAIL.exec(text.slice(e, e + 60));
    if (!m) break;
    e += m[0].length;
  }
  return e;
}

/** Capitalised after "in" but not places: seasons, activities, school years, sectors. */
const NOT_PLACES: ReadonlySet<string> = new Set(
  `Spring Summer Autumn Winter Yoga Pilates Tai Chi Reception Nursery Retail Hospitality Construction
  Supported Sheltered Residential Assisted Temporary Emergency`.split(/\s+/),
);
const COMMON_WORD_ENDING = /(?:ing|ion|ment|ness|ity|al|ed|ive|ous|ful|ship|ure|ance|ence|ism|ist|er)$/;

/** Verbs that make the next capitalised place a residence: "lives in", "moved to", "staying at". */
const RESIDENCE =
  /\b(?:lives?|living|grew up|raised|born|resides?|residing|reside|staying|stays|moved|moving|relocated|based|settled|evicted|address|home)\b/i;
const PLACE_PREP = /(?:^|[^\p{L}])(in|from|near|outside|at|to|(?:townland|village|parish|hamlet|suburb)\s+of)\s+$/iu;

/** "Antrim Area Hospital", "Park Lane Surgery": the place names an institution, not where someone lives. */
function institutionFollows(rest: string): boolean {
  return INSTITUTION_AFTER.test(rest) || INSTITUTION_AFTER.test(rest.replace(/^[ \t]+[A-Z][a-z]+/, ''));
}

function isPlaceWord(w: string): boolean {
  return (
    !FUNCTION_WORDS.has(w) &&
    !SERVICE_WORDS.has(w) &&
    !LARGE_PLACES.has(w) &&
    !MONTHS.has(w) &&
    !WEEKDAYS.has(w) &&
    !TITLES.has(w) &&
    !NOT_PLACES.has(w) &&
    // Specialties and therapies: "referred from Cardiology", "in Physiotherapy"
    !/(?:ology|iatry|iatrics|therapy|ics)$/.test(w)
  );
}

/**
 * A capitalised word after "in", "from", "near" or "outside" that is not a known non-place is taken as
 * a town or district. "at" and "to" only count after a residence verb ("lives at", "moved to"), since
 * "seen at Cardiology" or "referred to Hub" are common. Drugs follow "on", which is never used.
 */
const PLACE_RE = new RegExp(`(?<=[\\s(])${WORD}(?![\\w])(?:\\s+${WORD}(?![\\w])){0,2}`, 'g');

function detectPlaces(text: string, out: Candidate[]): void {
  eachMatch(PLACE_RE, text, (m) => {
    const prep = PLACE_PREP.exec(before(text, m.index, 20));
    if (!prep) return;
    const words = m[0].split(/\s+/);
    // Keep only the leading words that can be part of a place name.
    let n = 0;
    while (n < words.length && isPlaceWord(words[n].replace(/['’]s$/, ''))) n += 1;
    if (n === 0 || words[0].endsWith("'s") || words[0].endsWith('’s')) return;
    const place = words.slice(0, n).join(' ');
    const end = m.index + place.length;
    const rest = text.slice(end, end + 40);
    if (EPONYM_AFTER.test(rest) || institutionFollows(rest)) return;
    const p = prep[1].toLowerCase();
    const residence = RESIDENCE.test(before(text, m.index, 50)) || p.endsWith(' of');
    if ((p === 'at' || p === 'to') && !residence) return;
    // Without a residence verb, "in Retail" or "in Motivational Interviewing" are far more common than
    // towns, so words with the endings of ordinary English nouns and adjectives are turned away.
    if (!residence && words.slice(0, n).some((w) => COMMON_WORD_ENDING.test(w))) return;
    // "from Sarah" is a person; only a residence verb makes a given name a place.
    if (GIVEN_NAMES.has(words[0]) && !residence) return;
    if (atSentenceStart(text, m.index)) return;
    out.push({
      kind: 'ADDRESS',
      start: m.index,
      end: extendTail(text, end),
      reason: residence ? 'Place where the person lives (town or district)' : 'Town or district',
      confidence: residence ? 0.8 : 0.62,
    });
  });
}

/**
 * A school names where a child lives as surely as a town: "Kingsmead Academy", "St Mary's Primary
 * School", "Ysgol Gymraeg Bro Teifi", "Gaelscoil na Cille". Training bodies ("NHS Leadership Academy",
 * "Royal College of ...", "Medical School") are not schools a patient attends.
 */
const SCHOOL = new RegExp(
  `\\b(?:${WORD}\\s+){1,3}(?:Academy|Primary(?:\\s+School)?(?!\\s+(?:[Cc]are|[A-Z]))|(?:High|Grammar|Secondary|Comprehensive|Community|Junior|Infants?|Prep|Preparatory|Free|National|Nursery|Special|Boys'?|Girls'?)\\s+School|Sixth\\s+Form(?:\\s+College)?)\\b(?!\\s+of\\b)`,
  'g',
);
const WELSH_IRISH_SCHOOL =
  /\b(?:Ysgol|Scoil|Gaelscoil|Gaelcholáiste|Coláiste|Bunscoil|Meánscoil|Ardscoil)(?:\s+(?:(?:na|an|y|yr|de)\s+)?[A-Z][\w'’-]+){1,4}/gu;
const NOT_SCHOOL =
  /\b(?:NHS|Royal|Leadership|Medical|Dental|Nursing|Sunday|Summer|Business|Law|Graduate|Staff|Training|Clinical)\b/;

/** A business is usually given with its town: "Pryce Plumbing Ltd, Cardiff", "The Anchor Inn, Kinsale". */
const BUSINESS_TOWN = new RegExp(
  `\\b(?:Ltd|Limited|Inc|LLC|plc|PLC|Inn|Hotel|Farm|Garage|Stores?|Bakery|Caf[eé]|Restaurant|Pub|Bar|Factory|Mill)\\.?,\\s+(${WORD})\\b`,
  'g',
);

/**
 * A postcode district alone ("lives in BT47", "the SA31 area"): two letters of a UK postcode area and
 * one or two digits, after a word that makes it a place, so "in CO2" or "in T2" (gases, vertebrae,
 * staging) never count.
 */
const POSTCODE_AREAS =
  'AB|AL|BA|BB|BD|BH|BL|BN|BR|BS|BT|CA|CB|CF|CH|CM|CR|CT|CV|CW|DA|DD|DE|DG|DH|DL|DN|DT|DY|EC|EH|EN|EX|FK|FY|GL|GU|HA|HD|HG|HP|HR|HS|HU|HX|IG|IP|IV|KA|KT|KW|KY|LA|LD|LE|LL|LN|LS|LU|ME|MK|ML|NE|NG|NN|NP|NR|NW|OL|OX|PA|PE|PH|PL|PO|PR|RG|RH|RM|SA|SE|SG|SK|SL|SM|SN|SO|SP|SR|SS|ST|SW|SY|TA|TD|TF|TN|TQ|TR|TS|TW|UB|WA|WC|WD|WF|WN|WR|WS|WV|YO|ZE';
const POSTCODE_DISTRICT_RE = new RegExp(
  `\\b(?:lives?|living|in|from|near|around|the|area|postcode|district|now|previously|formerly)\\s+((?:${POSTCODE_AREAS})\\d{1,2}[A-Z]?)(?![\\w-])(?!\\s+\\d[A-Z]{2})`,
  'g',
);
/** The same typed in lower case ("now rg1 area, previously sw11"), only with a place word before or "area" after. */
const LOWER_POSTCODE_DISTRICT_RE = new RegExp(
  `\\b(?:lives?|living|from|near|around|postcode|district|now|previously|formerly|moved\\s+to)\\s+((?:${POSTCODE_AREAS.toLowerCase()})\\d{1,2})(?![\\w-])|\\b((?:${POSTCODE_AREAS.toLowerCase()})\\d{1,2})\\s+area\\b`,
  'g',
);
/**
 * A street line typed in lower case: "27 glen rd", "flat 3b, 9 castle st". A house number, one to three
 * words and a street suffix that is no common clinical word.
 */
const LOWER_STREET = new RegExp(
  `\\b(?:(?:flat|apt|unit)\\s+[0-9][0-9a-z/]*,?\\s+)?\\d{1,4}[a-z]?,?\\s+(?:[a-z][a-z'’-]+\\s+){1,3}(?:st|rd|road|street|ave|avenue|lane|drive|close|cres|crescent|gdns|gardens|terrace|tce|mews|villas|cottages)\\b`,
  'g',
);
const LOWER_STREET_STOP =
  /\b(?:mg|ml|puffs?|tabs?|times|weeks?|days?|months?|years?|hours?|hrs?|mins?|minutes?|miles?|km|of|and|the|at|in|on|for|per)\b/;

export function detectAddresses(text: string): Candidate[] {
  const parts: Candidate[] = [];
  const add = (start: number, end: number, reason: string, confidence: number, tail = true): void => {
    parts.push({ kind: 'ADDRESS', start, end: tail ? extendTail(text, end) : end, reason, confidence });
  };
  eachMatch(STREET, text, (m) => {
    // "Dr" and "St" before a capitalised word are a title or a saint, not the end of a street.
    if (/\s(?:Dr|St)\.?$/.test(m[0]) && /^\s+[A-Z]/.test(text.slice(m.index + m[0].length))) return;
    // A dot belongs to an abbreviated suffix ("St.", "Rd."), otherwise to the sentence.
    const street = /\b(?:St|Rd|Ave|Ln|Dr|Cres|Gdns|Pl|Ct|Tce|Sq|Blvd|Hwy|Cir|Pkwy)\.$/.test(m[0])
      ? m[0]
      : m[0].replace(/\.$/, '');
    add(m.index, m.index + street.length, 'Street address', 0.9);
  });
  eachMatch(STREET_NO_NUMBER, text, (m) => {
    const start = m.index + m[0].length - m[1].length;
    if (institutionFollows(text.slice(start + m[1].length, start + m[1].length + 40))) return;
    add(start, start + m[1].length, 'Street name', 0.8);
  });
  eachMatch(CELTIC_STREET, text, (m) => add(m.index, m.index + m[0].length, 'Street address', 0.9));
  eachMatch(PO_BOX, text, (m) => add(m.index, m.index + m[0].length, 'Post office box', 0.9));
  eachMatch(POSTCODE_RE, text, (m) => add(m.index, m.index + m[0].length, 'UK postcode', 0.9, false));
  eachMatch(POSTCODE_DISTRICT_RE, text, (m) => {
    const start = m.index + m[0].length - m[1].length;
    add(start, start + m[1].length, 'UK postcode district', 0.8, false);
  });
  eachMatch(LOWER_POSTCODE_DISTRICT_RE, text, (m) => {
    const code = m[1] ?? m[2];
    const start = m.index + m[0].indexOf(code, m[0].length - code.length - (m[2] ? 5 : 0));
    add(start, start + code.length, 'UK postcode district', 0.75, false);
  });
  eachMatch(LOWER_STREET, text, (m) => {
    if (LOWER_STREET_STOP.test(m[0])) return;
    add(m.index, m.index + m[0].length, 'Street address (lower case)', 0.85);
  });
  eachMatch(EIRCODE_RE, text, (m) => {
    // The unique part is random; one with no digit is more likely an acronym unless labelled.
    if (!/\d/.test(m[0].slice(-4)) && !/eircode[\s:]*$/i.test(before(text, m.index, 12))) return;
    add(m.index, m.index + m[0].length, 'Irish Eircode', 0.9, false);
  });
  eachMatch(ZIP_RE, text, (m) => {
    const zipStart = m.index + m[0].length - m[2].length;
    const start = m[1] && isPlaceWord(m[1].split(/\s+/)[0]) ? m.index : zipStart;
    add(start, zipStart + m[2].length, 'US ZIP code', 0.88, false);
  });
  eachMatch(IRISH_COUNTY_RE, text, (m) => add(m.index, m.index + m[0].length, 'County', 0.85));
  eachMatch(BARE_COUNTY_RE, text, (m) => {
    const rest = text.slice(m.index + m[0].length, m.index + m[0].length + 40);
    if (atSentenceStart(text, m.index) || EPONYM_AFTER.test(rest) || institutionFollows(rest)) return;
    add(m.index, m.index + m[0].length, 'County', 0.7);
  });
  eachMatch(US_COUNTY_RE, text, (m) => {
    // "Pike County", not "The County Council"
    if (isPlaceWord(m[0].split(/\s+/)[0])) add(m.index, m.index + m[0].length, 'County', 0.85);
  });
  eachMatch(BUSINESS_TOWN, text, (m) => {
    if (!isPlaceWord(m[1])) return;
    const start = m.index + m[0].length - m[1].length;
    add(start, start + m[1].length, 'Town (where a named business is)', 0.7);
  });
  for (const re of [SCHOOL, WELSH_IRISH_SCHOOL]) {
    eachMatch(re, text, (m) => {
      // Leading words that are no part of the school's name: "Year 4 at Kingsmead Primary", "Attends X".
      const lead = /^(?:(?:Attends|Attending|At|In|From|Year|Pupil|Student|The)\s+)+/.exec(m[0])?.[0] ?? '';
      const name = m[0].slice(lead.length);
      // Saints name schools in every parish ("St Patrick's Primary"): too common to place anyone.
      if (!name || NOT_SCHOOL.test(name) || /^(?:St|Saint)\b/.test(name)) return;
      add(m.index + lead.length, m.index + m[0].length, 'School', 0.86, false);
    });
  }
  detectPlaces(text, parts);
  return merge(text, parts);
}

/** Joins address parts that overlap or are separated only by spaces, commas or a US state code. */
function merge(text: string, parts: Candidate[]): Candidate[] {
  const sorted = [...parts].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Candidate[] = [];
  for (const p of sorted) {
    const last = out[out.length - 1];
    if (last && (p.start <= last.end || /^[\s,]*(?:[A-Z]{2}\s+)?$/.test(text.slice(last.end, p.start)))) {
      if (p.end > last.end) last.end = p.end;
      if (p.confidence > last.confidence) {
        last.confidence = p.confidence;
        last.reason = p.reason;
      }
      continue;
    }
    out.push({ ...p });
  }
  return out;
}
