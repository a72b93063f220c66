import { describe, expect, it } from 'vitest';
import { micShown } from './micShown';

describe('micShown', () => {
  const sent = { closed: false, paused: false };

  it('shows the choice until the microphone is sent, so the mute button does not flip while joining', () => {
    expect(micShown(true, 'not started', undefined)).toBe(true);
    expect(micShown(true, 'idle', undefined)).toBe(true);
    expect(micShown(true, 'starting', undefined)).toBe(true);
    expect(micShown(false, 'starting', undefined)).toBe(false);
  });

  it('then shows what is sent: a paused, closed or missing microphone is off', () => {
    expect(micShown(true, 'starting', sent)).toBe(true);
    expect(micShown(true, 'ready', sent)).toBe(true);
    expect(micShown(true, 'ready', { closed: false, paused: true })).toBe(false);
    expect(micShown(true, 'ready', { closed: true, paused: false })).toBe(false);
    expect(micShown(true, 'ready', undefined)).toBe(false);
    expect(micShown(false, 'ready', sent)).toBe(false);
  });
});
