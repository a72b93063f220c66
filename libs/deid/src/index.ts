/**
 * De-identification scanner shared by the case form (live highlighting) and the
 * server's gate. The kinds follow HIPAA Safe Harbor plus UK and Irish identifiers;
 * the scanner itself arrives with the case-presentation work.
 */
export const IdentifierKind = {
  Name: 'NAME',
  Date: 'DATE',
  Phone: 'PHONE',
  Email: 'EMAIL',
  Address: 'ADDRESS',
  Id: 'ID',
  Age: 'AGE',
  Url: 'URL',
} as const;

export type IdentifierKind = (typeof IdentifierKind)[keyof typeof IdentifierKind];

export interface Finding {
  kind: IdentifierKind;
  start: number;
  end: number;
  text: string;
}
