import { BadRequestException } from '@nestjs/common';
import sharp from 'sharp';
import {
  exifTags,
  identifyingTags,
  isUprightPhoto,
  pdfText,
  phonePhoto,
  tinyPdf,
  TINY_PNG,
  withExifTool,
} from '../../test/upload-fixtures';
import { stripMetadata } from './strip-metadata';

describe('stripMetadata', () => {
  it('takes GPS, camera serial, date and artist out of a phone photo and keeps it upright', async () => {
    const photo = await phonePhoto('John Smith');
    expect(exifTags(photo, 'before.jpg')).toMatchObject({
      'EXIF:Artist': 'John Smith',
      'EXIF:SerialNumber': 'SN4471XQ2209',
    });
    expect(photo.includes('John Smith')).toBe(true);
    expect(await isUprightPhoto(photo)).toBe(false);

    const sut = await stripMetadata(photo, 'image/jpeg');

    expect(sut.removed).toEqual(['location', 'camera', 'date', 'author']);
    expect(identifyingTags(sut.bytes, 'after.jpg')).toEqual([]);
    expect(sut.bytes.includes('John Smith')).toBe(false);
    expect((await sharp(sut.bytes).metadata()).format).toBe('jpeg');
    expect(await isUprightPhoto(sut.bytes)).toBe(true);
  });

  it("takes a PNG's text chunks out", async () => {
    const png = withExifTool(TINY_PNG, 'shot.png', ['-PNG:Author=John Smith', '-PNG:Comment=Ward 7 bed 3']);
    const sut = await stripMetadata(png, 'image/png');
    expect(sut.removed).toEqual(['author', 'comment']);
    expect(identifyingTags(sut.bytes, 'after.png')).toEqual([]);
    expect(await sharp(sut.bytes).metadata()).toMatchObject({ width: 1, height: 1, format: 'png' });
  });

  it('takes the Info dictionary and XMP out of a PDF, for good, and keeps its text', async () => {
    const letter = tinyPdf('Clinical summary: plan unchanged.', {
      Author: 'John Smith',
      Title: 'Discharge letter for John Smith',
      Subject: 'NHS 943 476 5919',
    });
    const pdf = withExifTool(letter, 'letter.pdf', ['-XMP-dc:Creator=John Smith']);
    expect(exifTags(pdf, 'before.pdf')).toMatchObject({ 'PDF:Author': 'John Smith', 'XMP:Creator': 'John Smith' });

    const sut = await stripMetadata(pdf, 'application/pdf');

    expect(sut.removed).toEqual(['author', 'title']);
    expect(identifyingTags(sut.bytes, 'after.pdf')).toEqual([]);
    // Not merely hidden behind an incremental update: the old values are gone from the bytes.
    expect(sut.bytes.includes('John Smith')).toBe(false);
    expect(sut.bytes.includes('943 476 5919')).toBe(false);
    expect(pdfText(sut.bytes)).toContain('Clinical summary: plan unchanged.');
  });

  it('passes other types through untouched', async () => {
    const pptx = Buffer.from('PK\u0003\u0004 slides');
    expect(
      await stripMetadata(pptx, 'application/vnd.openxmlformats-officedocument.presentationml.presentation'),
    ).toEqual({ bytes: pptx, removed: [] });
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
