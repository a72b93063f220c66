import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpEngine, PocketsphinxEngine, SAMPLE_RATE, Utterances } from './engine';
import { webVtt } from './webvtt';

/** Speech generated with espeak-ng, as 16 kHz mono s16le. */
const speech = (text: string) =>
  execFileSync('sh', ['-c', 'espeak-ng --stdout "$0" | ffmpeg -v error -i - -ac 1 -ar 16000 -f s16le -', text]);
const silence = (ms: number) => Buffer.alloc((SAMPLE_RATE * 2 * ms) / 1000);

describe('caption engines', () => {
  it('pocketsphinx turns speech into a line of text per utterance', async () => {
    const texts: string[] = [];
    const errors: string[] = [];
    const stream = new PocketsphinxEngine().open(
      (t) => texts.push(t),
      (e) => errors.push(e),
    );
    stream.write(Buffer.concat([speech('good morning everyone'), silence(1000), speech('thank you'), silence(1000)]));
    await stream.end();
    expect(errors).toEqual([]);
    // Its accuracy on this speech is measured by tests/bench/captions-wer.ts; here: words came out.
    expect(texts.length).toBeGreaterThanOrEqual(1);
    expect(texts.join(' ')).toMatch(/\w+/);
  });

  it('pocketsphinx missing is reported, not thrown', async () => {
    const errors: string[] = [];
    const stream = new PocketsphinxEngine('/nonexistent/pocketsphinx').open(
      () => {},
      (e) => errors.push(e),
    );
    await stream.end();
    expect(errors).toEqual([expect.stringContaining('apt-get install pocketsphinx')]);
  });

  it("the http engine posts each utterance as a WAV and takes the server's text", async () => {
    const bodies: Buffer[] = [];
    const server = createServer((req, res) => {
      const parts: Buffer[] = [];
      req.on('data', (b: Buffer) => parts.push(b));
      req.on('end', () => {
        bodies.push(Buffer.concat(parts));
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ text: ` utterance ${bodies.length}\n` }));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/inference`;
      const texts: string[] = [];
      const stream = new HttpEngine(url).open(
        (t) => texts.push(t),
        (e) => texts.push(`error: ${e}`),
      );
      stream.write(Buffer.concat([silence(300), speech('first'), silence(900), speech('second'), silence(900)]));
      await stream.end();
      expect(texts).toEqual(['utterance 1', 'utterance 2']);
      expect(bodies[0].toString('latin1')).toContain('RIFF');
      expect(bodies[0].toString('latin1')).toContain('name="response_format"');
    } finally {
      server.close();
    }
  });

  it('utterances are cut at pauses; silence alone is no utterance', () => {
    const cut: number[] = [];
    const u = new Utterances((pcm) => cut.push(pcm.length));
    u.push(silence(2000));
    u.flush();
    expect(cut).toEqual([]);
    u.push(Buffer.concat([speech('one'), silence(700), speech('two'), silence(700)]));
    expect(cut).toHaveLength(2);
  });

  it('WebVTT names each speaker and keeps cue text plain', () => {
    expect(
      webVtt([
        { start: 0, end: 2.5, speaker: 'Dr Ahmed', text: 'Good morning' },
        { start: 3661.2, end: 3663, speaker: 'Spoke <b>', text: 'A --> B & C' },
      ]),
    ).toBe(
      'WEBVTT\n\n00:00:00.000 --> 00:00:02.500\n<v Dr Ahmed>Good morning\n\n' +
        '01:01:01.200 --> 01:01:03.000\n<v Spoke b>A → B C\n',
    );
  });
});
