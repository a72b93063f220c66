import type { KnowledgeCheckFigure } from '@echo-hub/protocol';
import { percent } from './components/charts/scale';

/** A session's knowledge checks for the sessions table: one line per question, before → after when asked twice. */
export interface KnowledgeLine {
  question: string;
  /** The share correct each time it was asked, in order ("40% → 80%" when asked before and after a didactic). */
  text: string;
}

const key = (question: string) => question.trim().toLowerCase().replace(/\s+/g, ' ');

const once = (c: KnowledgeCheckFigure) => `${percent(c.shareCorrect)} correct (${c.correct} of ${c.answers})`;

export function knowledgeLines(checks: KnowledgeCheckFigure[]): KnowledgeLine[] {
  const byQuestion = new Map<string, KnowledgeCheckFigure[]>();
  for (const c of checks) byQuestion.set(key(c.question), [...(byQuestion.get(key(c.question)) ?? []), c]);
  return [...byQuestion.values()].map((asked) => ({
    question: asked[0].question,
    text:
      asked.length === 1
        ? once(asked[0])
        : `${asked.map((c) => percent(c.shareCorrect)).join(' → ')} correct (before → after)`,
  }));
}
