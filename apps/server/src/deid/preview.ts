import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sniffType } from '../common/uploads';
import { badField, badFile } from './bad-file';
import { refuseDicom } from './dicom';
import { pdfPageCount, renderPdfPage, withReading } from './read-text';

/**
 * Page `page` of a PDF the uploader is about to attach, rendered as PNG at PDF_DPI: the picture the
 * boxes of its findings are in (their pixels), so the redaction view can show where each finding is,
 * as it does on an image. Nothing is stored; it is read within the same turn and time budget as the
 * file's text.
 */
export function pdfPagePreview(bytes: Buffer, page: number): Promise<Buffer> {
  refuseDicom(bytes);
  if (sniffType(bytes.subarray(0, 16))?.mimeType !== 'application/pdf') {
    throw badFile('file must be a PDF to preview one of its pages');
  }
  return withReading(async (reading) => {
    const input = join(reading.dir, 'in.pdf');
    await writeFile(input, bytes);
    const pages = await pdfPageCount(reading, input).catch(() => 0);
    if (pages === 0) throw badFile('file is not a readable PDF');
    if (page > pages) throw badField('page', `page is ${page}, but the file has ${pages} page(s)`);
    return renderPdfPage(reading, input, page);
  });
}
