import type { AgendaItemDto } from '@echo-hub/protocol';
import { describe, expect, it } from 'vitest';
import { clock, initials, linkify, ordinal, slotLabel } from './format';

describe('live room formatters', () => {
  it('writes ordinals, teens included', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111, 112].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '23rd',
      '101st',
      '111th',
      '112th',
    ]);
  });

  it('takes up to two initials for an avatar', () => {
    expect(initials('Amina Okafor')).toBe('AO');
    expect(initials('  siobhán  de la Cruz McAllister ')).toBe('SM');
    expect(initials('Cher')).toBe('C');
    expect(initials('   ')).toBe('?');
  });

  it('shows a slot’s clock, hours only when needed, over-runs as positive', () => {
    expect(clock(0)).toBe('0:00');
    expect(clock(125)).toBe('2:05');
    expect(clock(3725)).toBe('1:02:05');
    expect(clock(-65)).toBe('1:05');
    expect(clock(59.9)).toBe('0:59');
  });

  it('names agenda slots: didactics by title, cases by title or by their number among cases', () => {
    const agenda = [
      { kind: 'didactic', title: 'Sleep' },
      { kind: 'case', title: '' },
      { kind: 'case', title: 'Housing' },
      { kind: 'case', title: '' },
    ] as AgendaItemDto[];
    expect(agenda.map((item, i) => slotLabel(item, i, agenda))).toEqual([
      'Didactic: Sleep',
      'Case 1',
      'Housing',
      'Case 3',
    ]);
  });

  it('links only well-formed http(s) URLs in chat, leaving trailing punctuation out', () => {
    expect(linkify('See https://example.org/guide. Thanks')).toEqual([
      { text: 'See ' },
      { text: 'https://example.org/guide', href: 'https://example.org/guide' },
      { text: '. Thanks' },
    ]);
    expect(linkify('(http://a.example/x?y=1)')).toEqual([
      { text: '(' },
      { text: 'http://a.example/x?y=1', href: 'http://a.example/x?y=1' },
      { text: ')' },
    ]);
    expect(linkify('javascript:alert(1) and ftp://files.example')).toEqual([
      { text: 'javascript:alert(1) and ftp://files.example' },
    ]);
    expect(linkify('no links')).toEqual([{ text: 'no links' }]);
    expect(linkify('')).toEqual([]);
  });
});
