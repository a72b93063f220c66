import type { FindingBox } from '@echo-hub/protocol';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import sharp, { type Sharp } from 'sharp';
import { badField, badFile } from './bad-file';
import { OCR_MAX_PAGES, PDF_DPI, pdfPageCount, type Reading, renderPdfPage, withReading } from './read-text';

/** Black boxes `boxes` burnt into a picture `width` wide, frames `frameHeight` high (`page` = frame + 1). */
async function burn(image: Sharp, boxes: readonly FindingBox[], frames: number): Promise<Sharp> {
  const { width = 0, height = 0 } = await image.metadata();
  const frameHeight = Math.floor(height / frames);
  const overlays = boxes.flatMap((b, i) => {
    if (b.page > frames) throw badField('redactions', `redactions[${i}].page is ${b.page}, but the file has ${frames}`);
    const left = Math.max(0, Math.min(width - 1, Math.floor(b.left)));
    const top = Math.max(0, Math.min(frameHeight - 1, Math.floor(b.top)));
    const w = Math.min(width - left, Math.ceil(b.width));
    const h = Math.min(frameHeight - top, Math.ceil(b.height));
    if (w < 1 || h < 1) return [];
    const input = { create: { width: w, height: h, channels: 4 as const, background: '#000000' } };
    return [{ input, left, top: top + (b.page - 1) * frameHeight }];
  });
  return image.composite(overlays);
}

/** An image (its metadata already removed) with `boxes` covered in black, in its own format. */
async function redactImage(bytes: Buffer, mimeType: string, boxes: readonly FindingBox[]): Promise<Buffer> {
  const { pages = 1 } = await sharp(bytes).metadata();
  const image = await burn(sharp(bytes, { animated: pages > 1 }), boxes, pages);
  if (mimeType === 'image/jpeg') return image.jpeg({ quality: 92 }).toBuffer();
  if (mimeType === 'image/png') return image.png().toBuffer();
  if (mimeType === 'image/webp') return image.webp({ quality: 92 }).toBuffer();
  return image.gif().toBuffer();
}

/**
 * A PDF with `boxes` covered: every page rendered at PDF_DPI (pdftoppm), the boxes burnt into the
 * pages they are on, and the pictures put together as a new PDF (pdfkit) with no text layer, so the
 * covered text is gone, not merely hidden under a rectangle.
 */
async function redactPdf(reading: Reading, bytes: Buffer, boxes: readonly FindingBox[]): Promise<Buffer> {
  const input = join(reading.dir, 'in.pdf');
  await writeFile(input, bytes);
  const pages = await pdfPageCount(reading, input);
  if (pages > OCR_MAX_PAGES) {
    throw badFile(`file has ${pages} pages, more than the ${OCR_MAX_PAGES} the hub can redact: split it first`);
  }
  boxes.forEach((b, i) => {
    if (b.page > pages) throw badField('redactions', `redactions[${i}].page is ${b.page}, but the file has ${pages}`);
  });
  const doc = new PDFDocument({ autoFirstPage: false });
  // pdfkit names itself as producer and creator; the creation date (now) stays, as pdfkit needs it.
  delete doc.info.Producer;
  delete doc.info.Creator;
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  for (let page = 1; page <= pages; page++) {
    const rendered = await renderPdfPage(reading, input, page);
    const burnt = await (
      await burn(
        sharp(rendered),
        boxes.filter((b) => b.page === page).map((b) => ({ ...b, page: 1 })),
        1,
      )
    )
      .png()
      .toBuffer();
    const { width = 1, height = 1 } = await sharp(burnt).metadata();
    const size: [number, number] = [(width * 72) / PDF_DPI, (height * 72) / PDF_DPI];
    doc.addPage({ size, margin: 0 }).image(burnt, 0, 0, { width: size[0], height: size[1] });
  }
  doc.end();
  return done;
}

/**
 * `bytes` (an image or PDF whose metadata is already removed) with every box in `boxes` burnt in as
 * black: a new file, so what was under the boxes is not kept anywhere.
 */
export function redact(bytes: Buffer, mimeType: string, boxes: readonly FindingBox[]): Promise<Buffer> {
  if (mimeType === 'application/pdf') return withReading((reading) => redactPdf(reading, bytes, boxes));
  return redactImage(bytes, mimeType, boxes);
}
