import { deflateRawSync } from 'node:zlib';
import { safeName, slideMimeType, sniffSlides } from './uploads';

/** A ZIP whose first entries are `names` (stored or deflated), as presentation files begin. */
function zipOf(entries: Array<[name: string, content: string]>): Buffer {
  return Buffer.concat(
    entries.map(([name, content], i) => {
      const data = i === 0 ? Buffer.from(content) : deflateRawSync(content);
      const header = Buffer.alloc(30);
      header.writeUInt32LE(0x04034b50, 0);
      header.writeUInt16LE(i === 0 ? 0 : 8, 8);
      header.writeUInt32LE(data.length, 18);
      header.writeUInt32LE(content.length, 22);
      header.writeUInt16LE(name.length, 26);
      return Buffer.concat([header, Buffer.from(name, 'latin1'), data]);
    }),
  );
}

describe('sniffSlides', () => {
  it('knows each presentation format by its content', () => {
    expect(sniffSlides(Buffer.from('%PDF-1.7\n...'))?.ext).toBe('.pdf');
    expect(sniffSlides(Buffer.from('d0cf11e0a1b11ae1000000', 'hex'))?.ext).toBe('.ppt');
    const odp = zipOf([
      ['mimetype', 'application/vnd.oasis.opendocument.presentation'],
      ['content.xml', '<office:document-content/>'],
    ]);
    expect(sniffSlides(odp)?.ext).toBe('.odp');
    const pptx = zipOf([
      ['[Content_Types].xml', '<Types/>'],
      ['ppt/presentation.xml', '<p:presentation/>'],
    ]);
    expect(sniffSlides(pptx)?.ext).toBe('.pptx');
    expect(sniffSlides(zipOf([['Index/Document.iwa', 'x']]))?.ext).toBe('.key');
  });

  it('refuses what only claims to be slides: SVG, HTML, a text document, any other ZIP', () => {
    expect(sniffSlides(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))).toBe(
      null,
    );
    expect(sniffSlides(Buffer.from('<!doctype html><script>alert(1)</script>'))).toBe(null);
    expect(sniffSlides(zipOf([['mimetype', 'application/vnd.oasis.opendocument.text']]))).toBe(null);
    expect(
      sniffSlides(
        zipOf([
          ['[Content_Types].xml', '<Types/>'],
          ['word/document.xml', '<w/>'],
        ]),
      ),
    ).toBe(null);
    expect(sniffSlides(Buffer.alloc(0))).toBe(null);
  });

  it('serves stored slides with the type of their stored extension', () => {
    expect(slideMimeType('abc.pptx')).toBe('application/vnd.openxmlformats-officedocument.presentationml.presentation');
    expect(slideMimeType('abc.ppt')).toBe('application/vnd.ms-powerpoint');
    expect(slideMimeType('abc.svg')).toBe('application/octet-stream');
  });
});

describe('safeName', () => {
  it('removes bidirectional controls, so a name shows as what it is', () => {
    expect(safeName('\u202egnp.exe')).toBe('gnp.exe');
    expect(safeName('report\u2066\u202e\u2069\u200f.pdf')).toBe('report.pdf');
  });

  it('keeps other letters, drops paths, quotes and control characters', () => {
    expect(safeName('C:\\Users\\me\\Zoë "final" <v2>.pdf')).toBe('Zoë final v2.pdf');
    expect(safeName('a\u0000b\u007f.png')).toBe('ab.png');
    expect(safeName('\u202e')).toBe('file');
  });
});
