import { scan } from '@echo-hub/deid';
import type { FieldFinding, FindingBox } from '@echo-hub/protocol';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { badFile } from './bad-file';

const run = promisify(execFile);

/**
 * Resource caps of reading text, so one upload cannot hold the server: each file's reading gets at
 * most OCR_BUDGET_MS (its tools are killed after that and the file is refused), at most
 * OCR_CONCURRENCY files are read at once (the others wait their turn), and Tesseract runs on one
 * thread over pictures of at most OCR_MAX_SIDE pixels a side, which bounds its memory.
 */
const OCR_BUDGET_MS = 180_000;
const OCR_CONCURRENCY = Math.max(1, Math.floor(availableParallelism() / 2));
/** Longer sides are scaled down before OCR: text that matters is legible at this size, and OCR time grows with pixels. */
const OCR_MAX_SIDE = 2500;
/** Nothing smaller can hold a legible word. */
const OCR_MIN_SIDE = 8;
/** PDF pages are read (and redacted) as rendered at this resolution; their boxes are in those pixels. */
export const PDF_DPI = 150;
/**
 * At most this many pictures are read by OCR in one file (scanned PDF pages, pages with images,
 * frames of an animated image). A file needing more is refused rather than passed partly unread.
 */
export const OCR_MAX_PAGES = 30;
/** An image on a PDF page smaller than this (points, either side) is a logo or a rule, not a scan. */
const PDF_MIN_IMAGE_SIDE = 40;

/** The text found in a file, and where each word is (in the picture's pixels, on page `box.page`). */
export interface FileText {
  text: string;
  words: { start: number; end: number; box: FindingBox }[];
}

const empty = (): FileText => ({ text: '', words: [] });

/** Appends `part` to `out` as a new paragraph, shifting its word offsets. */
function append(out: FileText, part: FileText): void {
  if (!part.text) return;
  const shift = out.text ? out.text.length + 2 : 0;
  out.text += (out.text ? '\n\n' : '') + part.text;
  out.words.push(...part.words.map((w) => ({ ...w, start: w.start + shift, end: w.end + shift })));
}

/** Lines of words (each with its box) as one text, words apart by a space, lines by a newline. */
function fromLines(lines: { word: string; box: FindingBox }[][]): FileText {
  const out = empty();
  for (const line of lines) {
    if (out.text && line.length) out.text += '\n';
    line.forEach(({ word, box }, i) => {
      if (i) out.text += ' ';
      const start = out.text.length;
      out.text += word;
      out.words.push({ start, end: out.text.length, box });
    });
  }
  return out;
}

export interface Reading {
  dir: string;
  signal: AbortSignal;
}

const tool = (reading: Reading, cmd: string, args: string[]) =>
  run(cmd, args, {
    signal: reading.signal,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, OMP_THREAD_LIMIT: '1' },
  }).then((r) => r.stdout);

/**
 * The words Tesseract reads in a picture (its TSV output: one row per word with its box). The picture
 * is made grey and at most OCR_MAX_SIDE pixels long first; boxes are given back in its own pixels, on
 * page `page`. `frame` picks one frame of an animated image.
 */
async function ocr(reading: Reading, bytes: Buffer, page = 1, frame?: number): Promise<FileText> {
  const open = () => (frame === undefined ? sharp(bytes) : sharp(bytes, { page: frame }));
  const { width, height } = (await open().metadata()).autoOrient;
  if (Math.min(width, height) < OCR_MIN_SIDE) return empty();
  const scale = Math.min(1, OCR_MAX_SIDE / Math.max(width, height));
  const input = join(reading.dir, 'ocr.png');
  await open()
    .rotate()
    .resize(Math.round(width * scale), Math.round(height * scale))
    .flatten({ background: '#ffffff' })
    .greyscale()
    .png()
    .toFile(input);
  const stdout = await tool(reading, 'tesseract', [input, 'stdout', '-l', 'eng', 'tsv']);
  const lines = new Map<string, { word: string; box: FindingBox }[]>();
  for (const row of stdout.split('\n').slice(1)) {
    const [level, , block, par, lineNo, , left, top, w, h, , word] = row.split('\t');
    if (level !== '5' || !word?.trim()) continue;
    const px = (v: string) => Math.round(Number(v) / scale);
    const key = `${block}.${par}.${lineNo}`;
    lines.set(key, [
      ...(lines.get(key) ?? []),
      { word: word.trim(), box: { page, left: px(left), top: px(top), width: px(w), height: px(h) } },
    ]);
  }
  return fromLines([...lines.values()]);
}

const decodeEntities = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/**
 * The text layer of each page of a PDF with each word's box (poppler's `pdftotext -bbox-layout`),
 * boxes in the pixels of the page rendered at PDF_DPI.
 */
async function pdfTextLayer(reading: Reading, input: string): Promise<FileText[]> {
  const html = await tool(reading, 'pdftotext', ['-bbox-layout', '-enc', 'UTF-8', input, '-']);
  const px = (pt: string) => Math.round((Number(pt) * PDF_DPI) / 72);
  return html
    .split(/<page\b/)
    .slice(1)
    .map((pageHtml, i) =>
      fromLines(
        pageHtml.split(/<line\b/).map((lineHtml) =>
          [
            ...lineHtml.matchAll(
              /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
            ),
          ]
            .map(([, x0, y0, x1, y1, word]) => ({
              word: decodeEntities(word).trim(),
              box: { page: i + 1, left: px(x0), top: px(y0), width: px(x1) - px(x0), height: px(y1) - px(y0) },
            }))
            .filter((w) => w.word),
        ),
      ),
    );
}

/** The pages of a PDF that show an image large enough to hold text (`pdfimages -list`). */
async function pagesWithImages(reading: Reading, input: string): Promise<Set<number>> {
  const list = await tool(reading, 'pdfimages', ['-list', input]);
  const pages = new Set<number>();
  for (const row of list.split('\n').slice(2)) {
    const [page, , type, width, height] = row.trim().split(/\s+/);
    if (type === 'image' && Math.min(Number(width), Number(height)) >= PDF_MIN_IMAGE_SIDE) pages.add(Number(page));
  }
  return pages;
}

const tooManyPictures = (what: string, count: number) =>
  badFile(
    `file has ${count} ${what} to read, more than the ${OCR_MAX_PAGES} the hub reads: split it or attach only the pages that matter`,
  );

/** How many pages the PDF at `input` has (poppler's pdfinfo). */
export async function pdfPageCount(reading: Reading, input: string): Promise<number> {
  const info = await tool(reading, 'pdfinfo', [input]);
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
}

/** Renders page `page` of a PDF at PDF_DPI as PNG (pdftoppm). */
export async function renderPdfPage(reading: Reading, input: string, page: number): Promise<Buffer> {
  const prefix = join(reading.dir, `render-${page}`);
  await tool(reading, 'pdftoppm', [
    '-r',
    String(PDF_DPI),
    '-png',
    '-singlefile',
    '-f',
    `${page}`,
    '-l',
    `${page}`,
    input,
    prefix,
  ]);
  return readFile(`${prefix}.png`);
}

/**
 * Every page's text layer (with word boxes), and OCR of every page that has no text layer or shows a
 * picture (a scanned letter pasted into a typed one), so no page passes unread: a PDF with more such
 * pages than OCR_MAX_PAGES is refused.
 */
async function pdfText(reading: Reading, bytes: Buffer): Promise<FileText> {
  const input = join(reading.dir, 'in.pdf');
  await writeFile(input, bytes);
  const layers = await pdfTextLayer(reading, input);
  const pictured = await pagesWithImages(reading, input);
  const toRead = layers.map((layer, i) => i + 1).filter((page) => !layers[page - 1].text.trim() || pictured.has(page));
  if (toRead.length > OCR_MAX_PAGES) throw tooManyPictures('scanned pages or pages with pictures', toRead.length);
  const out = empty();
  for (const [i, layer] of layers.entries()) {
    append(out, layer);
    if (toRead.includes(i + 1)) append(out, await ocr(reading, await renderPdfPage(reading, input, i + 1), i + 1));
  }
  return out;
}

/** Every frame of an image (an animated WebP or GIF has several; boxes are on page = frame + 1). */
async function imageText(reading: Reading, bytes: Buffer): Promise<FileText> {
  const { pages = 1 } = await sharp(bytes).metadata();
  if (pages === 1) return ocr(reading, bytes);
  if (pages > OCR_MAX_PAGES) throw tooManyPictures('animation frames', pages);
  const out = empty();
  for (let frame = 0; frame < pages; frame++) append(out, await ocr(reading, bytes, frame + 1, frame));
  return out;
}

/** Readers waiting for one of the OCR_CONCURRENCY turns. */
let reading = 0;
const waiting: (() => void)[] = [];

async function inTurn<T>(fn: () => Promise<T>): Promise<T> {
  if (reading >= OCR_CONCURRENCY) await new Promise<void>((resolve) => waiting.push(resolve));
  else reading++;
  try {
    return await fn();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else reading--;
  }
}

/** Runs `fn` in a fresh temporary directory, within a turn and the time budget of one file. */
export function withReading<T>(fn: (reading: Reading) => Promise<T>): Promise<T> {
  return inTurn(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'echo-text-'));
    const signal = AbortSignal.timeout(OCR_BUDGET_MS);
    try {
      return await fn({ dir, signal });
    } catch (err) {
      if (signal.aborted) {
        throw badFile(`file took more than ${OCR_BUDGET_MS / 60_000} minutes to read: attach fewer or smaller pages`);
      }
      throw err;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
}

/** The text shown in an image (OCR of every frame) or a PDF (text layer and OCR); '' for other types. */
export async function readText(bytes: Buffer, mimeType: string): Promise<FileText> {
  const isPdf = mimeType === 'application/pdf';
  if (!isPdf && !mimeType.startsWith('image/')) return empty();
  return withReading((r) => (isPdf ? pdfText(r, bytes) : imageText(r, bytes)));
}

/**
 * What the de-identification scanner finds in the text of a file (field `content`; offsets into the
 * text read), each with the boxes of the words it covers.
 */
export async function findingsInFile(bytes: Buffer, mimeType: string): Promise<FieldFinding[]> {
  const { text, words } = await readText(bytes, mimeType);
  return scan(text).map((f) => {
    const boxes = words.filter((w) => w.start < f.end && f.start < w.end).map((w) => w.box);
    return { ...f, field: 'content' as const, ...(boxes.length ? { boxes } : {}) };
  });
}
