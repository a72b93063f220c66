import type { ParticipationType } from '@echo-hub/protocol';

/**
 * The demo program's past: ten fortnightly sessions already delivered, more spoke members, and
 * service users and carers joining over time (the Q Exchange write-up saw their share rise from
 * 6% to 30% in a few months). People and places are fictional.
 */

export interface DemoSpoke {
  email: string;
  displayName: string;
  profession: string;
  participationType: ParticipationType;
  site: 'ards' | 'bradford' | 'donegal';
  /** Index of the first past session they could attend (they joined the program just before it). */
  joinsAt?: number;
}

export const demoMoreSpokes: DemoSpoke[] = [
  {
    email: 'gp.ards@echo.demo',
    displayName: "Dr Niamh O'Neill",
    profession: 'GP',
    participationType: 'staff',
    site: 'ards',
  },
  {
    email: 'pharmacist.ards@echo.demo',
    displayName: 'Gareth Patterson',
    profession: 'Community pharmacist',
    participationType: 'staff',
    site: 'ards',
  },
  {
    email: 'socialworker.ards@echo.demo',
    displayName: 'Karen Lowry',
    profession: 'Social worker',
    participationType: 'staff',
    site: 'ards',
  },
  {
    email: 'ot.bradford@echo.demo',
    displayName: 'Aisha Begum',
    profession: 'Occupational therapist',
    participationType: 'staff',
    site: 'bradford',
  },
  {
    email: 'linkworker2.bradford@echo.demo',
    displayName: 'Daniel Wood',
    profession: 'Social prescribing link worker',
    participationType: 'staff',
    site: 'bradford',
  },
  {
    email: 'physio.bradford@echo.demo',
    displayName: 'Rachel Sutcliffe',
    profession: 'Physiotherapist',
    participationType: 'staff',
    site: 'bradford',
  },
  {
    email: 'volunteer.bradford@echo.demo',
    displayName: 'Imran Hussain',
    profession: 'Befriending volunteer',
    participationType: 'volunteer',
    site: 'bradford',
  },
  {
    email: 'nurse.donegal@echo.demo',
    displayName: 'Siobhan Doherty',
    profession: 'Public health nurse',
    participationType: 'staff',
    site: 'donegal',
  },
  {
    email: 'linkworker.donegal@echo.demo',
    displayName: 'Conor McGinley',
    profession: 'Social prescribing link worker',
    participationType: 'staff',
    site: 'donegal',
  },
  {
    email: 'volunteer.donegal@echo.demo',
    displayName: 'Mary Bonner',
    profession: 'Community volunteer',
    participationType: 'volunteer',
    site: 'donegal',
  },
  // Service users and carers, recruited through the sites' recovery colleges and carers' centres.
  {
    email: 'peer.ards@echo.demo',
    displayName: 'Sean Murphy',
    profession: 'Peer support worker',
    participationType: 'service_user',
    site: 'ards',
    joinsAt: 3,
  },
  {
    email: 'carer.ards@echo.demo',
    displayName: 'Bernie Kelly',
    profession: 'Family carer',
    participationType: 'carer',
    site: 'ards',
    joinsAt: 4,
  },
  {
    email: 'carer.bradford@echo.demo',
    displayName: 'Lesley Whitehead',
    profession: 'Family carer',
    participationType: 'carer',
    site: 'bradford',
    joinsAt: 5,
  },
  {
    email: 'expert.donegal@echo.demo',
    displayName: 'Tomás Ó Domhnaill',
    profession: 'Expert by experience',
    participationType: 'service_user',
    site: 'donegal',
    joinsAt: 6,
  },
  {
    email: 'expert2.bradford@echo.demo',
    displayName: 'Precious Okafor',
    profession: 'Expert by experience',
    participationType: 'service_user',
    site: 'bradford',
    joinsAt: 7,
  },
  {
    email: 'advocate.donegal@echo.demo',
    displayName: 'Anne McFadden',
    profession: "Young carers' advocate",
    participationType: 'carer',
    site: 'donegal',
    joinsAt: 8,
  },
];

/** The first past session each of the original lived-experience members came to. */
export const demoFirstAttendance: Record<string, number> = {
  'expert-by-experience@echo.demo': 0,
  'carer.donegal@echo.demo': 2,
};

/** Teaching topics of the delivered sessions, from the training these networks ran. */
export const demoPastTopics: { title: string; presenterEmail: string }[] = [
  { title: 'What matters to you? Helping people identify and set goals', presenterEmail: 'coach.expert@echo.demo' },
  { title: 'Motivational interviewing in ten minutes', presenterEmail: 'coach.expert@echo.demo' },
  { title: 'Listening skills: silences are good', presenterEmail: 'coach.expert@echo.demo' },
  { title: 'Active signposting without fixing', presenterEmail: 'gp.expert@echo.demo' },
  { title: 'Co-production with service users and carers', presenterEmail: 'coach.expert@echo.demo' },
  { title: 'Structuring conversations for behaviour change', presenterEmail: 'coach.expert@echo.demo' },
  { title: 'Psychological first aid for link workers', presenterEmail: 'gp.expert@echo.demo' },
  { title: 'Digital inclusion: video consultations with Attend Anywhere', presenterEmail: 'gp.expert@echo.demo' },
  { title: 'Self-management support for long-term conditions', presenterEmail: 'gp.expert@echo.demo' },
  { title: 'Playlist for Life: music and memory', presenterEmail: 'coach.expert@echo.demo' },
];

/** "What will you do differently?", in the words such programmes' evaluations quote. */
export const demoDoDifferently = [
  'Ask "what matters to you?" before I ask what is the matter.',
  'I will not be scared of awkward silences: they let the person think for themselves.',
  'Ask more open questions and try not to be the fixer.',
  'Keep the conversation personal to the individual and listen to the whole story before I respond.',
  'Agree one small goal at the end of every first appointment.',
  'Bring the carer into the conversation earlier.',
  'Use the case conference idea with our practice team once a month.',
  'Check what digital support someone has before I suggest an app.',
  'Write the plan down with the person, in their words.',
  'Follow up with a phone call a week later instead of waiting for them to come back.',
];
