// @vitest-environment jsdom
import type { RoomState } from '@echo-hub/protocol';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { person, roomState } from '../../../testing/room';
import type { MediaSnapshot } from '../lib/LiveMediaClient';
import { UNKNOWN_QUALITY } from '../lib/stats';
import { type Layout, Stage } from './Stage';

afterEach(cleanup);

const room = (changes: Partial<RoomState>) =>
  roomState({
    phase: 'cases',
    open: true,
    participants: [person('me'), person('ciara'), person('fiona'), person('ahmed'), person('gone', { online: false })],
    ...changes,
  });

const media: MediaSnapshot = {
  status: 'ready',
  micOn: false,
  cameraOn: false,
  sharing: false,
  cameraTrack: null,
  screenTrack: null,
  remote: [],
  quality: UNKNOWN_QUALITY,
  problem: null,
  notice: null,
  audioOnly: 'off',
  audioOnlyNotice: null,
};

/** Renders the stage alone (the last one is removed): which layout, and each tile as `userId:size`, in order. */
function stage(state: RoomState, layout: Layout) {
  cleanup();
  const { container } = render(
    <Stage state={state} youId="me" media={media} reactions={[]} layout={layout} setView={() => undefined} />,
  );
  const tiles = screen.queryAllByTestId('tile');
  const size = (el: HTMLElement) => /live-tile-(large|normal|small)/.exec(el.className)?.[1];
  return {
    kind: /live-stage-(gallery|speaker|screen)/.exec(container.firstElementChild?.className ?? '')?.[1],
    tiles: tiles.map((t) => `${t.dataset.userId}:${size(t)}`),
  };
}

describe('the stage’s layout', () => {
  it('shows everyone online alike in the gallery, the spotlight then the presenter first', () => {
    expect(stage(room({}), 'gallery')).toEqual({
      kind: 'gallery',
      tiles: ['me:normal', 'ciara:normal', 'fiona:normal', 'ahmed:normal'],
    });
    expect(stage(room({ spotlightId: 'ahmed', presenterId: 'fiona' }), 'gallery').tiles).toEqual([
      'ahmed:normal',
      'fiona:normal',
      'me:normal',
      'ciara:normal',
    ]);
  });

  it('features the spotlight, else the presenter, else the active speaker, in the speaker layout', () => {
    const speaker = room({ spotlightId: 'ahmed', presenterId: 'fiona', activeSpeakerId: 'ciara' });
    expect(stage(speaker, 'speaker')).toEqual({
      kind: 'speaker',
      tiles: ['ahmed:large', 'fiona:small', 'me:small', 'ciara:small'],
    });
    expect(stage({ ...speaker, spotlightId: null }, 'speaker').tiles[0]).toBe('fiona:large');
    expect(stage({ ...speaker, spotlightId: null, presenterId: null }, 'speaker').tiles[0]).toBe('ciara:large');
  });

  it('features someone other than you when nobody stands out, and skips people who left', () => {
    expect(stage(room({ activeSpeakerId: 'gone' }), 'speaker').tiles[0]).toBe('ciara:large');
    expect(stage(room({ participants: [person('me')] }), 'speaker').tiles).toEqual(['me:large']);
  });

  it('gives a shared screen the stage, with everyone small beside it, whatever the layout', () => {
    const sharing = room({
      participants: [person('me'), person('fiona', { producers: [{ id: 'scr', source: 'screen', paused: false }] })],
    });
    const shown = stage(sharing, 'gallery');
    expect(shown).toEqual({ kind: 'screen', tiles: ['me:small', 'fiona:small'] });
    expect(screen.getByRole('figure', { name: 'fiona is sharing their screen' })).toBeTruthy();
    expect(within(screen.getByRole('figure')).getByText('Loading the shared screen…')).toBeTruthy();
    const paused = room({
      participants: [person('me'), person('fiona', { producers: [{ id: 'scr', source: 'screen', paused: true }] })],
    });
    expect(stage(paused, 'gallery').kind).toBe('gallery');
  });
});
