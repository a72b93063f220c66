import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The field tests' fake microphone: speech (espeak-ng, Debian's package) rather than Chromium's default tone, so
 * Opus encodes a voice as it does in a session (SILK or hybrid mode, whose in-band FEC can recover a lost packet;
 * a tone is coded by CELT, which has none). About 40 s with pauses between sentences; Chromium loops the file.
 */
export const SPEECH_WAV = join(tmpdir(), `echo-hub-field-speech-${process.getuid?.() ?? 0}.wav`);

/** Chromium's arguments for every browser of the field run: the speech as microphone. */
export const speechArgs = [`--use-file-for-fake-audio-capture=${SPEECH_WAV}`];

const TEXT = [
  'Good morning everyone, and thank you for joining from your clinics.',
  'Today our case is a man in his sixties who lives alone and has stopped going out since his wife died.',
  'His doctor referred him to the link worker after two falls at home.',
  'He told her that the evenings are the hardest part of the week.',
  'Before we hear the recommendations, does anyone have a clarifying question about his situation?',
  'Please raise your hand, or unmute and ask.',
].join(' ');

/** Playwright's global setup: writes the speech before any browser starts; its teardown removes it. */
export default function writeSpeech(): () => void {
  execFileSync('espeak-ng', ['-v', 'en-gb', '-s', '150', '-g', '8', '-w', SPEECH_WAV, TEXT]);
  return () => rmSync(SPEECH_WAV, { force: true });
}
