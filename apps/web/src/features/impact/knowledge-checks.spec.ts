import type { KnowledgeCheckFigure } from '@echo-hub/protocol';
import { describe, expect, it } from 'vitest';
import { knowledgeLines } from './knowledge-checks';

const check = (question: string, correct: number, answers: number): KnowledgeCheckFigure => ({
  pollId: `${question}-${correct}`,
  question,
  agendaItemId: null,
  answers,
  correct,
  shareCorrect: answers ? correct / answers : null,
});

describe('knowledge checks in the sessions table', () => {
  it('gives each check its share correct with the counts', () => {
    expect(knowledgeLines([check('First step?', 1, 2), check('Who refers?', 0, 0)])).toEqual([
      { question: 'First step?', text: '50% correct (1 of 2)' },
      { question: 'Who refers?', text: '— correct (0 of 0)' },
    ]);
  });

  it('shows the change when the same question was asked before and after a didactic', () => {
    expect(knowledgeLines([check('First step?', 2, 5), check('Other', 1, 1), check(' first  STEP? ', 4, 5)])).toEqual([
      { question: 'First step?', text: '40% → 80% correct (before → after)' },
      { question: 'Other', text: '100% correct (1 of 1)' },
    ]);
  });

  it('has no line without checks', () => {
    expect(knowledgeLines([])).toEqual([]);
  });
});
