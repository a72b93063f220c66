import type { CaseDto } from '@echo-hub/protocol';
import PDFDocument from 'pdfkit';
import type { EchoSession } from '../sessions';

const LABELS: [keyof CaseDto, string][] = [
  ['presentingQuestion', 'Presenting question'],
  ['summary', 'Summary'],
  ['history', 'Relevant history'],
  ['medications', 'Current medications'],
  ['investigations', 'Investigations and results'],
  ['tried', 'What has been tried'],
  ['socialContext', 'Social context'],
  ['specificQuestions', 'Specific questions for the hub'],
];

/** The written recommendations a presenter takes back to their clinic, with the case they answer. */
export function recommendationsPdf(c: CaseDto, session: EchoSession | null): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: `Recommendations: ${c.title}` } });
    const chunks: Buffer[] = [];
    doc.on('data', (b: Buffer) => chunks.push(b));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);

    doc.fontSize(10).fillColor('#5b6b7d').text('ECHO Hub · teleECHO case recommendations');
    doc.moveDown(0.5).fontSize(18).fillColor('#1d2a3a').text(c.title);
    const when = session
      ? `${session.title}, ${new Date(session.startsAt).toUTCString().slice(0, 16)}`
      : 'Not yet presented';
    doc.fontSize(10).fillColor('#5b6b7d').text(`Presented by ${c.presenter.displayName} · ${when}`);
    doc.text(`Age band ${c.ageBand || 'not given'} · Sex ${c.sex || 'not given'}`);

    doc.moveDown().fontSize(14).fillColor('#0b5cab').text('Recommendations from the hub');
    if (c.recommendations.length === 0) doc.fontSize(11).fillColor('#1d2a3a').text('None yet.');
    for (const r of c.recommendations) {
      doc.moveDown(0.5).fontSize(11).fillColor('#1d2a3a').text(r.body);
      doc
        .fontSize(9)
        .fillColor('#5b6b7d')
        .text(`${r.author.displayName}, ${r.createdAt.slice(0, 10)}`);
    }

    doc.moveDown().fontSize(14).fillColor('#0b5cab').text('The case as presented');
    for (const [key, label] of LABELS) {
      const value = c[key];
      if (typeof value !== 'string' || !value) continue;
      doc.moveDown(0.4).fontSize(10).fillColor('#5b6b7d').text(label);
      doc.fontSize(11).fillColor('#1d2a3a').text(value);
    }
    doc
      .moveDown(2)
      .fontSize(8)
      .fillColor('#5b6b7d')
      .text(
        'De-identified case. Recommendations are advice from the ECHO hub team to the presenting clinician, ' +
          'who remains responsible for the care of their patient.',
      );
    doc.end();
  });
}
