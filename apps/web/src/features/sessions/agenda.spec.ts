import type { AgendaItemDto } from '@echo-hub/protocol';
import { describe, expect, it } from 'vitest';
import { agendaFieldPaths, newSlot, slotsFromAgenda, toAgendaInput, totalMinutes } from './agenda';

const item = (changes: Partial<AgendaItemDto>): AgendaItemDto => ({
  id: 'i1',
  position: 0,
  kind: 'case',
  title: '',
  minutes: 25,
  presenter: null,
  slides: null,
  ...changes,
});

describe('agenda editing', () => {
  it('starts a slot with the usual length for its kind and a key of its own', () => {
    const didactic = newSlot('didactic');
    const kase = newSlot('case');
    expect(didactic).toMatchObject({ kind: 'didactic', minutes: '20', title: '', presenterEmail: '', item: null });
    expect(kase.minutes).toBe('25');
    expect(didactic.key).not.toBe(kase.key);
  });

  it('turns a saved agenda into slots, finding presenters’ emails', () => {
    const saved = [
      item({ id: 'a', kind: 'didactic', title: 'Sleep', minutes: 15, presenter: { id: 'u1', displayName: 'Dr P' } }),
      item({ id: 'b', kind: 'case', title: '', minutes: 30, presenter: { id: 'gone', displayName: 'Left' } }),
    ];
    const slots = slotsFromAgenda(saved, (id) => (id === 'u1' ? 'patel@example.org' : undefined));
    expect(slots.map((s) => [s.kind, s.title, s.presenterEmail, s.minutes, s.item?.id])).toEqual([
      ['didactic', 'Sleep', 'patel@example.org', '15', 'a'],
      ['case', '', '', '30', 'b'],
    ]);
    expect(new Set(slots.map((s) => s.key)).size).toBe(2);
  });

  it('sends trimmed text, numbers for minutes, and leaves out what was left blank', () => {
    const didactic = { ...newSlot('didactic'), title: ' Sleep hygiene ', presenterEmail: ' patel@example.org ' };
    const bare = { ...newSlot('didactic'), title: 'Open floor', minutes: '10' };
    const kase = { ...newSlot('case'), title: '  ' };
    const named = { ...newSlot('case'), title: 'Housing', minutes: '40' };
    expect(toAgendaInput([didactic, bare, kase, named])).toEqual([
      { kind: 'didactic', title: 'Sleep hygiene', presenterEmail: 'patel@example.org', minutes: 20 },
      { kind: 'didactic', title: 'Open floor', minutes: 10 },
      { kind: 'case', minutes: 25 },
      { kind: 'case', minutes: 40, title: 'Housing' },
    ]);
  });

  it('adds up the minutes, counting what is not a number as nothing', () => {
    const slots = [newSlot('didactic'), newSlot('case'), { ...newSlot('case'), minutes: 'abc' }];
    expect(totalMinutes(slots)).toBe(45);
    expect(totalMinutes([])).toBe(0);
  });

  it('names every field path the server may report, for the error summary', () => {
    const paths = agendaFieldPaths('items', [newSlot('case'), newSlot('didactic')]);
    expect(paths).toHaveLength(8);
    expect(paths).toContain('items.0.title');
    expect(paths).toContain('items.1.presenterEmail');
    expect(paths).toContain('items.1.minutes');
  });
});
