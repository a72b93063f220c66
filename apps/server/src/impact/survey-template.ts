import type { SurveyQuestion } from '@echo-hub/protocol';

/**
 * The post-session survey every attendee gets when a session ends: quality of the experience,
 * confidence before and after (retrospective, on the items personalised-care training programmes
 * report, e.g. West Yorkshire's social prescribing link worker training), and what they will change.
 */
export const POST_SESSION_QUESTIONS: SurveyQuestion[] = [
  {
    id: 'q1',
    kind: 'rating',
    text: 'Overall, how would you rate this session?',
    required: true,
    scale: ['Poor', 'Excellent'],
  },
  {
    id: 'q2',
    kind: 'rating',
    text: 'The session was relevant to my work',
    required: true,
    scale: ['Strongly disagree', 'Strongly agree'],
  },
  {
    id: 'q3',
    kind: 'rating',
    text: 'The case discussions gave me ideas I can use',
    required: true,
    scale: ['Strongly disagree', 'Strongly agree'],
  },
  { id: 'q4', kind: 'confidence', text: 'Helping patients to identify and set goals', required: true },
  { id: 'q5', kind: 'confidence', text: 'Listening to and empowering the people I work with', required: true },
  { id: 'q6', kind: 'confidence', text: 'Encouraging activation and self-motivation', required: true },
  { id: 'q7', kind: 'confidence', text: 'Structuring conversations to enable behaviour change', required: true },
  { id: 'q8', kind: 'text', text: 'What will you do differently?', required: false },
  { id: 'q9', kind: 'text', text: 'Anything else you would like to tell the hub team?', required: false },
];

export const POST_SESSION_INTRO =
  'Two minutes, anonymous: your answers are kept without your name and help the hub team improve ' +
  'the sessions and report what the programme achieves. For each skill, say how confident you felt ' +
  'before this session and how confident you feel now.';

/** How long a post-session survey stays pending. */
export const POST_SESSION_OPEN_DAYS = 14;
