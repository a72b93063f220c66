import { scan } from '@echo-hub/deid';
import type { FieldFinding, FindingBox } from '@echo-hub/protocol';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';

const run = promisify(execFile);
const TOOL_TIMEOUT_MS = 120_000;
/** Longer sides are scaled down before OCR: text that matters is legible at this size, and OCR time grows with pixels. */
const OCR_MAX_SIDE = 2500;
/** Nothing smaller can hold a legible word. */
const OCR_MIN_SIDE = 8;
/** A scanned PDF (no text layer) is read page by page at this resolution, up to this many pages. */
const OCR_DPI = 150;
const OCR_MAX_PAGES = 20;

/** The text found in a file; for images, where each word is (in the image's pixels). */
export interface FileText {
  text: string;
  words: { start: number; end: number; box: FindingBox }[];
}

/**
 * The words Tesseract reads in an image (its TSV output: one row per word with its box), as lines of
 * text. The image is made grey and at most OCR_MAX_SIDE pixels long first; boxes are given back in the
 * original image's pixels, after its EXIF orientation (as the stored image is), on page `page`.
 */
async function ocr(dir: string, bytes: Buffer, page = 1): Promise<FileText> {
  const { width, height } = (await sharp(bytes).metadata()).autoOrient;
  if (Math.min(width, height) < OCR_MIN_SIDE) return { text: '', words: [] };
  const scale = Math.min(1, OCR_MAX_SIDE / Math.max(width, height));
  const input = join(dir, 'ocr.png');
  await sharp(bytes)
    .rotate()
    .resize(Math.round(width * scale), Math.round(height * scale))
    .flatten({ background: '#ffffff' })
    .greyscale()
    .png()
    .toFile(input);
  const { stdout } = await run('tesseract', [input, 'stdout', '-l', 'eng', 'tsv'], {
    timeout: TOOL_TIMEOUT_MS,
    maxBuffer: 64 * 1024 * 1024,
  });
  const out: FileText = { text: '', words: [] };
  let line = '';
  for (const row of stdout.split('\n').slice(1)) {
    const [level, , block, par, lineNo, , left, top, w, h, , word] = row.split('\t');
    if (level !== '5' || !word?.trim()) continue;
    const lineKey = `${block}.${par}.${lineNo}`;
    if (out.text) out.text += lineKey === line ? ' ' : '\n';
    line = lineKey;
    const start = out.text.length;
    out.text += word.trim();
    const px = (v: string) => Math.round(Number(v) / scale);
    out.words.push({
      start,
      end: out.text.length,
      box: { page, left: px(left), top: px(top), width: px(w), height: px(h) },
    });
  }
  return out;
}

/**
 * The text layer of a PDF as poppler's pdftotext reads it. A scanned PDF has none: its first
 * OCR_MAX_PAGES pages are rendered at OCR_DPI by pdftoppm and read by OCR, with boxes in the pixels
 * of those renderings.
 */
async function pdfText(dir: string, bytes: Buffer): Promise<FileText> {
  const input = join(dir, 'in.pdf');
  await writeFile(input, bytes);
  const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', input, '-'], {
    timeout: TOOL_TIMEOUT_MS,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (stdout.trim()) return { text: stdout, words: [] };
  const pagesDir = join(dir, 'pages');
  await mkdir(pagesDir);
  const args = ['-r', String(OCR_DPI), '-png', '-l', String(OCR_MAX_PAGES), input, join(pagesDir, 'page')];
  await run('pdftoppm', args, { timeout: TOOL_TIMEOUT_MS });
  // page-1.png ... or page-01.png ...: numbered, zero-padded to the page count's width
  const pages = (await readdir(pagesDir)).sort((a, b) => pageNumber(a) - pageNumber(b));
  const out: FileText = { text: '', words: [] };
  for (const file of pages) {
    const read = await ocr(dir, await readFile(join(pagesDir, file)), pageNumber(file));
    const shift = out.text ? out.text.length + 2 : 0;
    out.text += (out.text ? '\n\n' : '') + read.text;
    out.words.push(...read.words.map((w) => ({ ...w, start: w.start + shift, end: w.end + shift })));
  }
  return out;
}

const pageNumber = (file: string): number => Number(/(\d+)\.png$/.exec(file)?.[1] ?? 0);

/** The text shown in an image (OCR) or written in a PDF; '' for other types. */
export async function readText(bytes: Buffer, mimeType: string): Promise<FileText> {
  const isPdf = mimeType === 'application/pdf';
  if (!isPdf && !mimeType.startsWith('image/')) return { text: '', words: [] };
  const dir = await mkdtemp(join(tmpdir(), 'echo-text-'));
  try {
    return isPdf ? await pdfText(dir, bytes) : await ocr(dir, bytes);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * What the de-identification scanner finds in the text of a file (field `content`; offsets into the
 * text read), each with the boxes of the words it covers when the file is an image.
 */
export async function findingsInFile(bytes: Buffer, mimeType: string): Promise<FieldFinding[]> {
  const { text, words } = await readText(bytes, mimeType);
  return scan(text).map((f) => {
    const boxes = words.filter((w) => w.start < f.end && f.start < w.end).map((w) => w.box);
    return { ...f, field: 'content' as const, ...(boxes.length ? { boxes } : {}) };
  });
}
