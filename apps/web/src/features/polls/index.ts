/** Polls and knowledge checks: the question form, results as chart data, and the polls prepared on the agenda. */
export * from './polls';
export { PollQuestionFields } from './components/PollQuestionFields';
export { SlotPolls } from './components/SlotPolls';
