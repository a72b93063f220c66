import type { CertificatePeriodDto, CertificateVerification } from '@echo-hub/protocol';
import { api } from '../../../lib/api';
import { fetchFile, saveBlob } from '../../../lib/download';

const program = (id: string) => `/programs/${encodeURIComponent(id)}`;

export const listCertificatePeriods = (programId: string) =>
  api<CertificatePeriodDto[]>(`${program(programId)}/certificates`);

/** Downloads my certificate for a month or a year; answers its verification code. */
export async function downloadCertificate(programId: string, period: string): Promise<string> {
  const { blob, name, headers } = await fetchFile(
    `${program(programId)}/certificate.pdf?${new URLSearchParams({ period })}`,
  );
  saveBlob(blob, name ?? `echo-certificate-${period}.pdf`);
  return headers.get('X-Certificate-Code') ?? '';
}

export const verifyCertificate = (code: string) =>
  api<CertificateVerification>(`/certificates/verify/${encodeURIComponent(code)}`);
