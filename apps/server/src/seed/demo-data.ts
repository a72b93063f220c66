import type { AgendaItemInput, ParticipationType, ProgramRole } from '@echo-hub/protocol';

/** A Social Prescribing ECHO like the ones in the programmes this hub serves (people and sites are fictional). */
export const DEMO_PASSWORD = 'echo-demo-2026';

export const demoProgram = {
  name: 'Social Prescribing ECHO',
  description:
    'A fortnightly teleECHO network for personalised care: a short teaching session, then link workers and ' +
    'practice teams present de-identified cases and the hub team and peers recommend next steps. ' +
    'All teach, all learn.',
  topic: 'Social prescribing, health coaching and personalised care',
  targetAudience:
    'Social prescribing link workers, GPs and practice nurses, community and voluntary sector staff, volunteers, ' +
    'service users and carers',
  // The first target of the shared-learning programme this demo echoes (raised later to 1,020).
  learningTarget: 420,
  timeZone: 'Europe/London',
};

export const demoSites = [
  { key: 'ards', organisation: 'Ards Community Health Centre', locality: 'Newtownards', country: 'Northern Ireland' },
  { key: 'bradford', organisation: 'Bradford Social Prescribing Hub', locality: 'Bradford', country: 'England' },
  { key: 'donegal', organisation: 'Letterkenny Primary Care Centre', locality: 'Donegal', country: 'Ireland' },
] as const;

interface DemoPerson {
  email: string;
  displayName: string;
  role: ProgramRole;
  profession: string;
  participationType: ParticipationType;
  site?: (typeof demoSites)[number]['key'];
}

export const demoAdmin = { email: 'admin@echo.demo', displayName: 'Hub Administrator' };

export const demoPeople: DemoPerson[] = [
  {
    email: 'facilitator@echo.demo',
    displayName: 'Siobhán McAllister',
    role: 'facilitator',
    profession: 'Programme lead',
    participationType: 'staff',
  },
  {
    email: 'gp.expert@echo.demo',
    displayName: 'Dr Ahmed Rahman',
    role: 'expert',
    profession: 'GP',
    participationType: 'staff',
  },
  {
    email: 'coach.expert@echo.demo',
    displayName: 'Helen Watson',
    role: 'expert',
    profession: 'Health coach',
    participationType: 'staff',
  },
  {
    email: 'coordinator@echo.demo',
    displayName: 'Declan Byrne',
    role: 'coordinator',
    profession: 'Network coordinator',
    participationType: 'staff',
  },
  {
    email: 'linkworker.ards@echo.demo',
    displayName: 'Ciara Quinn',
    role: 'participant',
    profession: 'Social prescribing link worker',
    participationType: 'staff',
    site: 'ards',
  },
  {
    email: 'nurse.ards@echo.demo',
    displayName: 'Mark Robinson',
    role: 'participant',
    profession: 'Practice nurse',
    participationType: 'staff',
    site: 'ards',
  },
  {
    email: 'volunteer.ards@echo.demo',
    displayName: 'Eileen Magee',
    role: 'participant',
    profession: 'Community volunteer',
    participationType: 'volunteer',
    site: 'ards',
  },
  {
    email: 'linkworker.bradford@echo.demo',
    displayName: 'Priya Sharma',
    role: 'participant',
    profession: 'Social prescribing link worker',
    participationType: 'staff',
    site: 'bradford',
  },
  {
    email: 'coach.bradford@echo.demo',
    displayName: 'Tom Ackroyd',
    role: 'participant',
    profession: 'Health and wellbeing coach',
    participationType: 'staff',
    site: 'bradford',
  },
  {
    email: 'expert-by-experience@echo.demo',
    displayName: 'Joanne Hirst',
    role: 'participant',
    profession: 'Expert by experience',
    participationType: 'service_user',
    site: 'bradford',
  },
  {
    email: 'gp.donegal@echo.demo',
    displayName: 'Dr Fiona Gallagher',
    role: 'participant',
    profession: 'GP',
    participationType: 'staff',
    site: 'donegal',
  },
  {
    email: 'carer.donegal@echo.demo',
    displayName: 'Patrick Boyle',
    role: 'participant',
    profession: 'Family carer',
    participationType: 'carer',
    site: 'donegal',
  },
];

export const demoAgenda: AgendaItemInput[] = [
  {
    kind: 'didactic',
    title: 'Helping people identify and set goals: "what matters to you?"',
    presenterEmail: 'coach.expert@echo.demo',
    minutes: 20,
  },
  { kind: 'case', minutes: 30 },
  { kind: 'case', minutes: 30 },
];
