import { RemovedMetadata } from '@echo-hub/protocol';
import { BadRequestException } from '@nestjs/common';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';

const run = promisify(execFile);
const TOOL_TIMEOUT_MS = 60_000;

export interface Stripped {
  bytes: Buffer;
  /** The kinds of metadata that were present and are gone (never their values). */
  removed: RemovedMetadata[];
}

/**
 * Metadata groups as ExifTool names them (family 0) that a file's author or device writes. The rest
 * (File, Composite, JFIF, ICC_Profile...) describes the encoding, not the picture or document.
 */
const METADATA_GROUPS = new Set(['EXIF', 'XMP', 'IPTC', 'MakerNotes', 'PDF', 'PNG', 'Photoshop', 'FlashPix', 'RIFF']);
/** Tags in those groups that only describe the encoding (size, colour, resolution, PDF structure). */
const STRUCTURAL =
  /^(?:ImageWidth|ImageHeight|ExifImageWidth|ExifImageHeight|BitDepth|BitsPerSample|ColorType|ColorSpace|Compression|Filter|Interlace|Orientation|[XY]Resolution|ResolutionUnit|YCbCrPositioning|YCbCrSubSampling|ExifVersion|FlashpixVersion|ComponentsConfiguration|ExifByteOrder|PixelsPerUnit[XY]|PixelUnits|Gamma|SRGBRendering|WhitePoint.*|.*Chromaticity|PDFVersion|Linearized|PageCount|Encryption|XMPToolkit|Format|VP8Version|HorizontalScale|VerticalScale|AlphaPreprocessing|AlphaFiltering|AlphaCompression|ImageUniqueID|InteropIndex|InteropVersion|ThumbnailOffset|ThumbnailLength|ThumbnailImage|SamplesPerPixel|PhotometricInterpretation|PlanarConfiguration|Background.*|Significant.*|Palette|Transparency)$/;

const KINDS: [RemovedMetadata, RegExp][] = [
  ['location', /GPS|Location|City|Country|State|Province|Sub-?location|Latitude|Longitude|Altitude/i],
  ['camera', /^(?:Make|Model|.*Serial.*|Lens.*|UniqueCameraModel|LocalizedCameraModel|CameraLabel)$/i],
  // Exposure settings say which camera and how it was used, not when.
  [
    'camera',
    /Exposure|FNumber|ISO|Focal|Flash|WhiteBalance|Metering|Aperture|ShutterSpeed|Brightness|Scene|Sensing|Contrast|Saturation|Sharpness|DigitalZoom|Gain|SubjectDistance|SubjectArea|LightSource|CustomRendered|FileSource/i,
  ],
  ['author', /Artist|Author|Owner|Copyright|Rights|By-?line|Credit|Contact|LastModifiedBy|^Creator$/i],
  ['date', /Date|Time/i],
  ['title', /Title|Subject|Description|Headline|Caption|Keywords/i],
  ['comment', /Comment|Note|Instructions/i],
  ['software', /Software|Producer|CreatorTool|HostComputer|ProcessingSoftware/i],
];

/**
 * The kinds of metadata ExifTool reads in a file. `-G0` names each tag by its group ("EXIF:Artist",
 * "PDF:Author"); MakerNotes are the camera's own notes.
 */
async function metadataKinds(path: string): Promise<RemovedMetadata[]> {
  const { stdout } = await run('exiftool', ['-j', '-G0', '-a', '-n', '-q', path], {
    timeout: TOOL_TIMEOUT_MS,
    maxBuffer: 32 * 1024 * 1024,
  });
  const tags = Object.keys((JSON.parse(stdout) as Record<string, unknown>[])[0] ?? {});
  const kinds = new Set<RemovedMetadata>();
  for (const tag of tags) {
    const [group, name = ''] = tag.split(':');
    if (group === 'File' && name === 'Comment') kinds.add('comment');
    if (!METADATA_GROUPS.has(group) || STRUCTURAL.test(name)) continue;
    if (group === 'MakerNotes') kinds.add('camera');
    // A PDF's Creator is the program that made it; in XMP and PNG text it is the person.
    else if (group === 'PDF' && name === 'Creator') kinds.add('software');
    else kinds.add(KINDS.find(([, re]) => re.test(name))?.[0] ?? 'other');
  }
  return Object.values(RemovedMetadata).filter((kind) => kinds.has(kind));
}

/**
 * A picture re-encoded in its own format after applying its EXIF orientation (so it stays upright),
 * which writes no EXIF, XMP, IPTC, ICC or text chunks. Animated images keep their frames.
 */
async function reencodeImage(bytes: Buffer, mimeType: string): Promise<Buffer> {
  const { pages = 1 } = await sharp(bytes).metadata();
  const image = sharp(bytes, { animated: pages > 1 });
  if (pages === 1) image.rotate();
  if (mimeType === 'image/jpeg') return image.jpeg({ quality: 92 }).toBuffer();
  if (mimeType === 'image/png') return image.png().toBuffer();
  if (mimeType === 'image/webp') return image.webp({ quality: 92 }).toBuffer();
  return image.gif().toBuffer();
}

/**
 * A PDF without its Info dictionary (Author, Title, Subject, Keywords, dates) and XMP: ExifTool empties
 * them in an incremental update, then qpdf rewrites the file, which drops the superseded objects that
 * still held the old values.
 */
async function rewritePdf(dir: string, input: string): Promise<Buffer> {
  const cleared = join(dir, 'cleared.pdf');
  const output = join(dir, 'out.pdf');
  await run('exiftool', ['-q', '-all:all=', '-o', cleared, input], { timeout: TOOL_TIMEOUT_MS });
  // qpdf exits 3 when it repaired something and still wrote the file.
  await run('qpdf', ['--linearize', cleared, output], { timeout: TOOL_TIMEOUT_MS }).catch((err: { code?: number }) => {
    if (err.code !== 3) throw err;
  });
  return readFile(output);
}

const STRIPPABLE = ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'application/pdf'];

/**
 * Removes the metadata of an uploaded image or PDF before it is stored: GPS position, camera make and
 * serial, date taken, author, title, comments. `mimeType` is the sniffed type; any other type (slides
 * as PowerPoint) is returned as it is, with nothing removed. A file the tools cannot read or rewrite is
 * refused with 400 naming the `file` field.
 */
export async function stripMetadata(bytes: Buffer, mimeType: string): Promise<Stripped> {
  if (!STRIPPABLE.includes(mimeType)) return { bytes, removed: [] };
  const dir = await mkdtemp(join(tmpdir(), 'echo-strip-'));
  try {
    const input = join(dir, mimeType === 'application/pdf' ? 'in.pdf' : 'in.img');
    await writeFile(input, bytes);
    const removed = await metadataKinds(input);
    const stripped =
      mimeType === 'application/pdf' ? await rewritePdf(dir, input) : await reencodeImage(bytes, mimeType);
    return { bytes: stripped, removed };
  } catch (err) {
    // A missing tool is the server's fault (500), not the file's.
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw err;
    const message = `file could not be read as ${mimeType === 'application/pdf' ? 'a PDF' : 'an image'} to remove its metadata (damaged or encrypted?)`;
    throw new BadRequestException({
      error: 'VALIDATION_FAILED',
      message,
      fields: [{ field: 'file', messages: [message] }],
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
