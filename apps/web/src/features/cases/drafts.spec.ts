// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { forgetDraft, rememberDraft, rememberedDrafts } from './drafts';

afterEach(() => localStorage.clear());

describe('drafts remembered by this browser', () => {
  it('remembers drafts per person, once each, and forgets them', () => {
    rememberDraft('amina', { id: 'c1', programId: 'p1' });
    rememberDraft('amina', { id: 'c2', programId: 'p1' });
    rememberDraft('amina', { id: 'c1', programId: 'p2' });
    rememberDraft('mark', { id: 'c9', programId: 'p1' });
    expect(rememberedDrafts('amina')).toEqual([
      { id: 'c2', programId: 'p1' },
      { id: 'c1', programId: 'p2' },
    ]);
    forgetDraft('amina', 'c2');
    expect(rememberedDrafts('amina')).toEqual([{ id: 'c1', programId: 'p2' }]);
    expect(rememberedDrafts('mark')).toEqual([{ id: 'c9', programId: 'p1' }]);
  });

  it('keeps ids only, never case text, and at most the last 50', () => {
    for (let i = 0; i < 60; i++) rememberDraft('amina', { id: `c${i}`, programId: 'p1' });
    const drafts = rememberedDrafts('amina');
    expect(drafts).toHaveLength(50);
    expect(drafts[0].id).toBe('c10');
    expect(drafts[49].id).toBe('c59');
    const stored = JSON.parse(localStorage.getItem('echo-hub.caseDrafts.amina') ?? '') as object[];
    expect(stored.every((d) => Object.keys(d).sort().join() === 'id,programId')).toBe(true);
  });

  it('survives what another version or a person left in storage', () => {
    localStorage.setItem('echo-hub.caseDrafts.amina', '{not json');
    expect(rememberedDrafts('amina')).toEqual([]);
    localStorage.setItem('echo-hub.caseDrafts.amina', JSON.stringify({ id: 'c1' }));
    expect(rememberedDrafts('amina')).toEqual([]);
    localStorage.setItem(
      'echo-hub.caseDrafts.amina',
      JSON.stringify([{ id: 'c1', programId: 'p1' }, { id: 2 }, null, 'c3', { id: 'c4', programId: 'p2', title: 'x' }]),
    );
    expect(rememberedDrafts('amina').map((d) => d.id)).toEqual(['c1', 'c4']);
    rememberDraft('amina', { id: 'c5', programId: 'p1' });
    expect(rememberedDrafts('amina').map((d) => d.id)).toEqual(['c1', 'c4', 'c5']);
  });
});
