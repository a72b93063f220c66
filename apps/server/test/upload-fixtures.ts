/**
 * Small but real files for upload tests: every upload is decoded and rewritten to remove its metadata
 * (sharp, ExifTool, qpdf), so a header followed by junk is refused as damaged. ExifTool is also the
 * independent reader that writes metadata into the fixtures and says what is left afterwards.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import sharp from 'sharp';
import type { Response } from 'supertest';

/** supertest parser that keeps a downloaded body as bytes. */
export function asBytes(res: Response, cb: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (d: Buffer) => chunks.push(d));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
}

/** A 1×1 PNG. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

const pdfString = (s: string) => `(${s.replace(/[\\()]/g, '\\$&')})`;

/**
 * A one-page PDF showing `text` (ASCII) in Helvetica, with a correct cross-reference table, so
 * pdftotext reads `text` back from it; `info` becomes its Info dictionary (Author, Title...).
 */
export function tinyPdf(text: string, info: Record<string, string> = {}): Buffer {
  const content = `BT /F1 14 Tf 20 100 Td ${pdfString(text)} Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< ${Object.entries(info)
      .map(([key, value]) => `/${key} ${pdfString(value)}`)
      .join(' ')} >>`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const at = pdf.length;
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((at) => `${String(at).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

/** Runs `fn` on `bytes` written to a file named `name` in a fresh temporary directory. */
function inTempFile<T>(bytes: Buffer, name: string, fn: (path: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'upload-fixture-'));
  try {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return fn(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `bytes` after ExifTool applied `args` ("-Artist=John Smith"...) to them as file `name`. */
export const withExifTool = (bytes: Buffer, name: string, args: string[]): Buffer =>
  inTempFile(bytes, name, (path) => {
    execFileSync('exiftool', ['-q', '-overwrite_original', ...args, path]);
    return readFileSync(path);
  });

/** Every tag ExifTool reads in `bytes` (as file `name`), as "Group:Tag" → value. */
export const exifTags = (bytes: Buffer, name: string): Record<string, unknown> =>
  inTempFile(
    bytes,
    name,
    (path) =>
      (JSON.parse(execFileSync('exiftool', ['-j', '-G0', '-a', path]).toString()) as Record<string, unknown>[])[0],
  );

/** The tags that would tell who, where or with what a file was made. */
export const identifyingTags = (bytes: Buffer, name: string): string[] =>
  Object.keys(exifTags(bytes, name)).filter((tag) =>
    /GPS|Serial|Artist|Author|Make|Model|DateTimeOriginal|Title|Creator|Comment|Orientation/.test(tag.split(':')[1]),
  );

/** The text poppler's pdftotext reads in a PDF. */
export const pdfText = (bytes: Buffer): string =>
  inTempFile(bytes, 'file.pdf', (path) => execFileSync('pdftotext', [path, '-']).toString());

/**
 * A phone photo: 40×20 pixels stored red on the left and blue on the right, with orientation 6 (shown
 * rotated 90° clockwise, the phone held upright), GPS position, camera make, model and serial, the date
 * taken and the owner's name as Artist and XMP creator.
 */
export async function phonePhoto(owner = 'John Smith'): Promise<Buffer> {
  const stored = await sharp({ create: { width: 40, height: 20, channels: 3, background: '#0000ff' } })
    .composite([{ input: { create: { width: 20, height: 20, channels: 3, background: '#ff0000' } }, left: 0, top: 0 }])
    .jpeg({ quality: 95 })
    .toBuffer();
  return withExifTool(stored, 'photo.jpg', [
    '-GPSLatitude=54.5973',
    '-GPSLatitudeRef=N',
    '-GPSLongitude=5.9301',
    '-GPSLongitudeRef=W',
    '-Make=Pixelphone',
    '-Model=P7 Pro',
    '-SerialNumber=SN4471XQ2209',
    `-Artist=${owner}`,
    '-DateTimeOriginal=2024:03:12 09:41:00',
    `-XMP-dc:Creator=${owner}`,
    '-Orientation#=6',
  ]);
}

/**
 * Whether `bytes` show the phone photo upright: 20 wide, 40 high, the red half (stored on the left)
 * now on top and the blue half below.
 */
export async function isUprightPhoto(bytes: Buffer): Promise<boolean> {
  const { data, info } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true });
  const rgb = (x: number, y: number) => {
    const at = (y * info.width + x) * info.channels;
    return [data[at], data[at + 1], data[at + 2]];
  };
  const [r1, , b1] = rgb(10, 8);
  const [r2, , b2] = rgb(10, 32);
  return info.width === 20 && info.height === 40 && r1 > 200 && b1 < 60 && r2 < 60 && b2 > 200;
}

/** A screenshot: one line of black `text` on white, 900×120 pixels, rendered from SVG (DejaVu Sans). */
export function screenshot(text: string): Promise<Buffer> {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="900" height="120"><rect width="100%" height="100%" fill="white"/><text x="20" y="70" font-family="DejaVu Sans" font-size="28" fill="black">${escaped}</text></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/** A scanned letter: a PDF whose one page is the picture `png` (600×80 points), with no text layer. */
export function scannedPdf(png: Buffer): Promise<Buffer> {
  const doc = new PDFDocument({ size: [600, 80], margin: 0 });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.image(png, 0, 0, { width: 600, height: 80 });
  doc.end();
  return done;
}

/**
 * What Tesseract reads in an image, or in each page of a PDF rendered by pdftoppm: the independent
 * reader that checks what a redacted file still shows.
 */
export const ocrText = (bytes: Buffer, name: string): string =>
  inTempFile(bytes, name, (path) => {
    const pictures = [path];
    if (name.endsWith('.pdf')) {
      execFileSync('pdftoppm', ['-r', '150', '-png', path, `${path}-page`]);
      pictures.splice(
        0,
        1,
        ...readdirSync(dirname(path))
          .filter((f) => f.endsWith('.png'))
          .map((f) => join(dirname(path), f)),
      );
    }
    return pictures.map((picture) => execFileSync('tesseract', [picture, 'stdout', '-l', 'eng']).toString()).join('\n');
  });

/** An animated WebP whose frames are `frames` (pictures of the same size), shown in turn. */
export const animatedWebp = (frames: Buffer[]): Promise<Buffer> =>
  sharp(frames, { join: { animated: true } })
    .webp({ lossless: true })
    .toBuffer();

/**
 * A PDF of pages made with pdfkit (600×200 points), each with typed text (a text layer) near the top,
 * or a picture (a scan: no text) below it, or both, like a typed letter with a scan pasted in.
 */
export function pdfOf(pages: { text?: string; picture?: Buffer }[]): Promise<Buffer> {
  const doc = new PDFDocument({ size: [600, 200], margin: 0, autoFirstPage: false });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  for (const page of pages) {
    doc.addPage();
    if (page.text) doc.font('Helvetica').fontSize(14).text(page.text, 20, 30);
    if (page.picture) doc.image(page.picture, 0, 100, { width: 600, height: 80 });
  }
  doc.end();
  return done;
}
