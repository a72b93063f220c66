/**
 * The kinds follow HIPAA Safe Harbor plus UK and Irish identifiers (NHS number, Health and Care
 * Number, PPSN, postcodes, Eircodes).
 */
export const IdentifierKind = {
  Name: 'NAME',
  Date: 'DATE',
  Age: 'AGE',
  Phone: 'PHONE',
  Email: 'EMAIL',
  Address: 'ADDRESS',
  Id: 'ID',
  Url: 'URL',
  Ip: 'IP',
} as const;

export type IdentifierKind = (typeof IdentifierKind)[keyof typeof IdentifierKind];

/** One flagged span. `start`/`end` are UTF-16 offsets (end exclusive); `text === input.slice(start, end)`. */
export interface Finding {
  kind: IdentifierKind;
  start: number;
  end: number;
  text: string;
  /** A short human sentence, e.g. "NHS number (valid check digit)". */
  reason: string;
}

/**
 * What a detector proposes. `confidence` (0–1) only ranks overlapping candidates: the scanner keeps
 * the most confident, then the longest, and drops whatever overlaps it.
 */
export interface Candidate {
  kind: IdentifierKind;
  start: number;
  end: number;
  reason: string;
  confidence: number;
}

export type Detector = (text: string) => Candidate[];
