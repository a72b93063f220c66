import { videoForwardedTo } from './live';

describe('videoForwardedTo (last-N, seen from one person)', () => {
  it('sends the last-N to those outside it', () => {
    expect(videoForwardedTo({ videoUserIds: ['a', 'b'], videoSpareId: 'c' }, 'd')).toEqual(['a', 'b']);
  });

  it('sends the spare in place of your own video when you are in the last-N', () => {
    expect(videoForwardedTo({ videoUserIds: ['a', 'b'], videoSpareId: 'c' }, 'a')).toEqual(['b', 'c']);
  });

  it('with LAST_N=1 the speaker sees the next in line, and everyone else sees the speaker', () => {
    const state = { videoUserIds: ['speaker'], videoSpareId: 'previous' };
    expect(videoForwardedTo(state, 'speaker')).toEqual(['previous']);
    expect(videoForwardedTo(state, 'previous')).toEqual(['speaker']);
  });

  it('with nobody next in line, the last-N without yourself', () => {
    expect(videoForwardedTo({ videoUserIds: ['a', 'b'], videoSpareId: null }, 'b')).toEqual(['a']);
  });
});
