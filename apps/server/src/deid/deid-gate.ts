import { scan, scanFileName } from '@echo-hub/deid';
import type { ConfirmedSpan, FieldFinding } from '@echo-hub/protocol';
import { DomainCode, DomainError, ErrorKind } from '../common/domain-error';

/**
 * The server's de-identification gate: every text about to be stored is scanned; anything
 * flagged must have been confirmed by the presenter span by span, or the write is refused
 * with IDENTIFIERS_FOUND (422 over HTTP) listing every finding. Returns the confirmed findings (to record).
 */
export function gate(
  fields: Partial<Record<FieldFinding['field'], string>>,
  confirmed: readonly ConfirmedSpan[] = [],
): FieldFinding[] {
  const findings = (Object.entries(fields) as [FieldFinding['field'], string | undefined][]).flatMap(([field, text]) =>
    text ? scan(text).map((f) => ({ ...f, field })) : [],
  );
  return refuseUnconfirmed(findings, confirmed);
}

/** Refuses (IDENTIFIERS_FOUND) when any finding is not confirmed; returns the findings otherwise. */
export function refuseUnconfirmed(findings: FieldFinding[], confirmed: readonly ConfirmedSpan[] = []): FieldFinding[] {
  const isConfirmed = (f: FieldFinding) =>
    confirmed.some((c) => c.field === f.field && c.start === f.start && c.end === f.end);
  const open = findings.filter((f) => !isConfirmed(f));
  if (open.length) {
    throw new DomainError(
      ErrorKind.Unprocessable,
      DomainCode.IdentifiersFound,
      `Possible patient identifiers: ${open.map((f) => `${f.field} "${f.text}" (${f.reason})`).join('; ')}. Change them, or confirm each is not identifying.`,
      { findings: open },
    );
  }
  return findings;
}

/**
 * Refuses (IDENTIFIERS_FOUND, field `file`) an uploaded file whose name may identify someone:
 * "John_Smith_CT.pdf" cannot be confirmed, only renamed.
 */
export function refuseIdentifyingFileName(name: string): void {
  const findings = scanFileName(name).map((f) => ({ ...f, field: 'file' as const }));
  if (!findings.length) return;
  throw new DomainError(
    ErrorKind.Unprocessable,
    DomainCode.IdentifiersFound,
    `The file name may identify someone: ${findings.map((f) => `"${f.text}" (${f.reason})`).join('; ')}. Rename the file and upload it again.`,
    { findings },
  );
}
