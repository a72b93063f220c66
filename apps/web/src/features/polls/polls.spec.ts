import type { PollResults, PollView } from '@echo-hub/protocol';
import { describe, expect, it } from 'vitest';
import { answerCount, barValue, pollAnnouncement, pollBars, resultSentence, toQuestion, upsertPoll } from './polls';

const results = (over: Partial<PollResults> = {}): PollResults => ({
  counts: [2, 1, 0],
  texts: [],
  names: null,
  correct: null,
  shareCorrect: null,
  ...over,
});

const poll = (over: Partial<PollView> = {}): PollView => ({
  id: 'p1',
  sessionId: 's1',
  agendaItemId: null,
  kind: 'single',
  question: 'First step?',
  options: ['Listen', 'Refer', 'Wait'],
  anonymous: true,
  knowledgeCheck: false,
  status: 'open',
  answers: 3,
  shared: false,
  results: null,
  ...over,
});

describe('poll results as a chart', () => {
  it('gives each option its count, its share of the answers and whether it is correct', () => {
    const bars = pollBars(poll(), results({ correct: [0], shareCorrect: 2 / 3 }));
    expect(bars.map((b) => [b.label, b.count, b.share, b.correct])).toEqual([
      ['Listen', 2, 2 / 3, true],
      ['Refer', 1, 1 / 3, false],
      ['Wait', 0, 0, false],
    ]);
    expect(bars.map(barValue)).toEqual(['2 (67%)', '1 (33%)', '0 (0%)']);
  });

  it('draws empty bars when nobody answered, and names who chose what in a named poll', () => {
    expect(pollBars(poll({ answers: 0 }), results({ counts: [0, 0, 0] })).map((b) => b.share)).toEqual([0, 0, 0]);
    const named = pollBars(poll(), results({ names: [['Ann', 'Bo'], ['Cy'], []] }));
    expect(named.map((b) => b.names)).toEqual([['Ann', 'Bo'], ['Cy'], []]);
  });

  it('says the results in one sentence, the share correct of a knowledge check last', () => {
    expect(resultSentence(poll(), results({ correct: [0], shareCorrect: 2 / 3 }))).toBe(
      'Results of “First step?”: Listen: 2 (67%), Refer: 1 (33%), Wait: 0 (0%). 67% answered correctly.',
    );
    expect(
      resultSentence(
        poll({ kind: 'text', options: [] }),
        results({ counts: [], texts: [{ text: 'a', displayName: null }] }),
      ),
    ).toBe('Results of “First step?”: 1 answer.');
  });

  it('counts answers in words', () => {
    expect([0, 1, 2].map(answerCount)).toEqual(['No answers yet', '1 answer', '2 answers']);
  });
});

describe('poll updates', () => {
  it('announces a new poll, new answers, the close and the shared results', () => {
    expect(pollAnnouncement(undefined, poll({ answers: 0 }))).toBe('New poll: First step?');
    expect(pollAnnouncement(poll({ status: 'draft' }), poll({ answers: 0 }))).toBe('New poll: First step?');
    expect(pollAnnouncement(poll({ answers: 1 }), poll({ answers: 2 }))).toBe('2 answers');
    expect(pollAnnouncement(poll(), poll({ status: 'closed' }))).toBe('Poll closed: 3 answers');
    const shared = poll({ status: 'closed', shared: true, results: results() });
    expect(pollAnnouncement(poll({ status: 'closed' }), shared)).toMatch(/^Results of “First step\?”: Listen: 2/);
    expect(pollAnnouncement(shared, shared)).toBeNull();
    expect(pollAnnouncement(undefined, poll({ status: 'draft' }))).toBeNull();
  });

  it('replaces a known poll in place and adds a new one at the end', () => {
    const list = [poll(), poll({ id: 'p2' })];
    expect(upsertPoll(list, poll({ answers: 9 })).map((p) => [p.id, p.answers])).toEqual([
      ['p1', 9],
      ['p2', 3],
    ]);
    expect(upsertPoll(list, poll({ id: 'p3' })).map((p) => p.id)).toEqual(['p1', 'p2', 'p3']);
  });
});

describe('the question form', () => {
  it('drops blank options and renumbers the correct ones', () => {
    const q = toQuestion({
      kind: 'multiple',
      question: '  Which help?  ',
      options: ['A', ' ', 'C', 'D'],
      correct: [2, 3],
      anonymous: false,
    });
    expect(q).toEqual({
      kind: 'multiple',
      question: 'Which help?',
      options: ['A', 'C', 'D'],
      correct: [1, 2],
      anonymous: false,
      agendaItemId: null,
    });
  });

  it('sends no options for a scale or free text, and one correct option at most for single choice', () => {
    expect(
      toQuestion({ kind: 'scale', question: 'How sure?', options: ['x', 'y'], correct: [0], anonymous: true }),
    ).toEqual({
      kind: 'scale',
      question: 'How sure?',
      anonymous: true,
      agendaItemId: null,
    });
    expect(
      toQuestion({ kind: 'single', question: 'Q', options: ['a', 'b'], correct: [1, 0], anonymous: true }, 'slot-1'),
    ).toMatchObject({ correct: [0], agendaItemId: 'slot-1' });
  });
});
