import PDFDocument from 'pdfkit';
import { DateTime } from 'luxon';
import type { Certificate } from './entities/certificate.entity';

export interface CertificatePdfInput {
  certificate: Certificate;
  periodLabel: string;
  timeZone: string;
  /** Where anyone can check the code, e.g. https://hub.example.org/certificates/verify/ABCD-EFGH-JKMN. */
  verifyUrl: string;
}

const INK = '#1d2a3a';
const MUTED = '#5b6b7d';
const BRAND = '#0b5cab';

/**
 * A CME/CPD attendance certificate: who, which program, which sessions and how many hours, and
 * the verification code (printed, linked, and in the document's metadata).
 */
export function certificatePdf({
  certificate: c,
  periodLabel,
  timeZone,
  verifyUrl,
}: CertificatePdfInput): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const hours = (c.minutes / 60).toFixed(2);
    const doc = new PDFDocument({
      size: 'A4',
      layout: 'landscape',
      margin: 56,
      info: {
        Title: `Certificate of attendance: ${c.holderName}, ${c.programName}, ${periodLabel}`,
        Author: 'ECHO Hub',
        Subject: `Attendance certificate ${c.code}`,
        Keywords: `verification code ${c.code}`,
      },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (b: Buffer) => chunks.push(b));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);

    const width = doc.page.width - 112;
    doc
      .rect(28, 28, doc.page.width - 56, doc.page.height - 56)
      .lineWidth(2)
      .strokeColor(BRAND)
      .stroke();
    doc.fontSize(11).fillColor(MUTED).text('ECHO Hub · teleECHO learning programme', { align: 'center' });
    doc.moveDown(0.6).fontSize(30).fillColor(BRAND).text('Certificate of Attendance', { align: 'center' });
    doc.moveDown(0.4).fontSize(12).fillColor(MUTED).text('Continuing professional development (CPD / CME)', {
      align: 'center',
    });
    doc.moveDown(1.2).fontSize(13).fillColor(INK).text('This certifies that', { align: 'center' });
    doc.moveDown(0.3).fontSize(24).text(c.holderName, { align: 'center' });
    doc
      .moveDown(0.4)
      .fontSize(13)
      .text(
        `attended ${c.sessions} teleECHO session${c.sessions === 1 ? '' : 's'} of ${c.programName} ` +
          `in ${periodLabel}, for ${hours} hours of learning in total.`,
        { align: 'center' },
      );

    doc.moveDown(1).fontSize(10).fillColor(MUTED).text('Sessions attended', 56, doc.y, { width });
    doc.moveDown(0.2);
    const shown = c.sessionList.slice(0, 12);
    for (const s of shown) {
      const when = DateTime.fromISO(s.startsAt, { zone: timeZone }).setLocale('en-GB').toFormat('d LLL yyyy');
      doc
        .fontSize(10)
        .fillColor(INK)
        .text(`${when}   ${s.title}   (${s.minutes} min)`, { width, ellipsis: true, height: 14 });
    }
    if (c.sessionList.length > shown.length) {
      doc
        .fontSize(10)
        .fillColor(MUTED)
        .text(`and ${c.sessionList.length - shown.length} more`, { width });
    }

    const issued = DateTime.fromISO(c.createdAt, { zone: timeZone }).setLocale('en-GB').toFormat('d LLLL yyyy');
    doc
      .fontSize(9)
      .fillColor(MUTED)
      .text(
        'Hours are the time connected to each live session (reconnections counted once); a session counts when ' +
          'at least the programme’s minimum share of it was attended.',
        56,
        doc.page.height - 150,
        { width },
      );
    doc.moveDown(0.6).fontSize(11).fillColor(INK).text(`Verification code: ${c.code}`, { width });
    doc.fontSize(9).fillColor(BRAND).text(`Check it at ${verifyUrl}`, { width, link: verifyUrl, underline: true });
    doc.fontSize(9).fillColor(MUTED).text(`Issued ${issued} by ECHO Hub.`, { width });
    doc.end();
  });
}
