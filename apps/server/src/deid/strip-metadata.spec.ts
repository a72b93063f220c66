import { BadRequestException } from '@nestjs/common';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import sharp from 'sharp';
import { stripMetadata } from './strip-metadata';

// ExifTool, qpdf and poppler are the independent readers: they write the metadata into the fixtures
// and say what is left afterwards.
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'strip-spec-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes `bytes` to a file, lets ExifTool apply `args` to it, and returns the new bytes. */
function withExifTool(bytes: Buffer, name: string, args: string[]): Buffer {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  execFileSync('exiftool', ['-q', '-overwrite_original', ...args, path]);
  return readFileSync(path);
}

/** Every tag ExifTool reads in `bytes`, as "Group:Tag" → value. */
function tagsOf(bytes: Buffer, name: string): Record<string, unknown> {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return (JSON.parse(execFileSync('exiftool', ['-j', '-G0', '-a', path]).toString()) as Record<string, unknown>[])[0];
}

/** A 40×20 picture, red on the left and blue on the right. */
const redBlue = (): Promise<Buffer> =>
  sharp({ create: { width: 40, height: 20, channels: 3, background: '#0000ff' } })
    .composite([{ input: { create: { width: 20, height: 20, channels: 3, background: '#ff0000' } }, left: 0, top: 0 }])
    .jpeg({ quality: 95 })
    .toBuffer();

async function pixel(bytes: Buffer, x: number, y: number): Promise<number[]> {
  const { data, info } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true });
  const at = (y * info.width + x) * info.channels;
  return [data[at], data[at + 1], data[at + 2]];
}

const IDENTIFYING_TAGS = /GPS|Serial|Artist|Author|Make|Model|DateTimeOriginal|Title|Creator|Comment|Orientation/;

describe('stripMetadata', () => {
  it('takes GPS, camera serial, date and artist out of a phone photo and keeps it upright', async () => {
    const photo = withExifTool(await redBlue(), 'photo.jpg', [
      '-GPSLatitude=54.5973',
      '-GPSLatitudeRef=N',
      '-GPSLongitude=5.9301',
      '-GPSLongitudeRef=W',
      '-Make=Pixelphone',
      '-Model=P7 Pro',
      '-SerialNumber=SN4471XQ2209',
      '-Artist=John Smith',
      '-DateTimeOriginal=2024:03:12 09:41:00',
      '-XMP-dc:Creator=John Smith',
      // Stored landscape, shown rotated 90° clockwise: the camera was held upright.
      '-Orientation#=6',
    ]);
    expect(tagsOf(photo, 'before.jpg')).toMatchObject({
      'EXIF:Artist': 'John Smith',
      'EXIF:SerialNumber': 'SN4471XQ2209',
    });

    const sut = await stripMetadata(photo, 'image/jpeg');

    expect(sut.removed).toEqual(['location', 'camera', 'date', 'author']);
    const left = Object.keys(tagsOf(sut.bytes, 'after.jpg')).filter((tag) => IDENTIFYING_TAGS.test(tag));
    expect(left).toEqual([]);
    expect(sut.bytes.includes('John Smith')).toBe(false);
    // Upright: 20 wide, 40 high, the red half (stored on the left) now on top.
    const { width, height, format } = await sharp(sut.bytes).metadata();
    expect({ width, height, format }).toEqual({ width: 20, height: 40, format: 'jpeg' });
    const [r, , b] = await pixel(sut.bytes, 10, 8);
    expect(r).toBeGreaterThan(200);
    expect(b).toBeLessThan(60);
    const [r2, , b2] = await pixel(sut.bytes, 10, 32);
    expect(r2).toBeLessThan(60);
    expect(b2).toBeGreaterThan(200);
  });

  it("takes a PNG's text chunks out", async () => {
    const png = withExifTool(
      await sharp(await redBlue())
        .png()
        .toBuffer(),
      'shot.png',
      ['-PNG:Author=John Smith', '-PNG:Comment=Ward 7 bed 3'],
    );
    const sut = await stripMetadata(png, 'image/png');
    expect(sut.removed).toEqual(['author', 'comment']);
    expect(Object.keys(tagsOf(sut.bytes, 'after.png')).filter((tag) => IDENTIFYING_TAGS.test(tag))).toEqual([]);
    expect(await sharp(sut.bytes).metadata()).toMatchObject({ width: 40, height: 20, format: 'png' });
  });

  it('takes the Info dictionary and XMP out of a PDF, for good, and keeps its pages', async () => {
    const doc = new PDFDocument({
      info: { Author: 'John Smith', Title: 'Discharge letter for John Smith', Subject: 'NHS 943 476 5919' },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    const done = new Promise((resolve) => doc.on('end', resolve));
    doc.text('Clinical summary: reviewed in clinic, plan unchanged.');
    doc.end();
    await done;
    const pdf = withExifTool(Buffer.concat(chunks), 'letter.pdf', ['-XMP-dc:Creator=John Smith']);
    expect(tagsOf(pdf, 'before.pdf')).toMatchObject({ 'PDF:Author': 'John Smith', 'XMP:Creator': 'John Smith' });
    expect(pdf.includes('John Smith')).toBe(true);

    const sut = await stripMetadata(pdf, 'application/pdf');

    expect(sut.removed).toEqual(expect.arrayContaining(['author', 'title', 'date', 'software']));
    const tags = tagsOf(sut.bytes, 'after.pdf');
    expect(Object.keys(tags).filter((tag) => /^(?:PDF|XMP):/.test(tag) && IDENTIFYING_TAGS.test(tag))).toEqual([]);
    // Not merely hidden behind an incremental update: the old values are gone from the bytes.
    expect(sut.bytes.includes('John Smith')).toBe(false);
    expect(sut.bytes.includes('943 476 5919')).toBe(false);
    writeFileSync(join(dir, 'text.pdf'), sut.bytes);
    expect(execFileSync('pdftotext', [join(dir, 'text.pdf'), '-']).toString()).toContain('Clinical summary');
  });

  it('passes other types through untouched', async () => {
    const pptx = Buffer.from('PK\u0003\u0004 slides');
    expect(
      await stripMetadata(pptx, 'application/vnd.openxmlformats-officedocument.presentationml.presentation'),
    ).toEqual({
      bytes: pptx,
      removed: [],
    });
  });

  it('refuses a file that is not what its first bytes claim, naming the field', async () => {
    await expect(stripMetadata(Buffer.from('%PDF-1.4\nnot really'), 'application/pdf')).rejects.toThrow(
      BadRequestException,
    );
    await expect(stripMetadata(Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x01]), 'image/jpeg')).rejects.toMatchObject({
      response: { fields: [{ field: 'file' }] },
    });
  });
});
