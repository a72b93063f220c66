import { SCIROCCO_B3_TEMPLATE_ID } from '@echo-hub/protocol';
import { AssessmentService } from '../src/assessment/assessment.service';
import type { AuthUser } from '../src/auth/auth.types';
import { account, addMember } from './fixtures';
import type { Fixture } from './routes';
import type { TestApp } from './test-app';

/** What the assessment and exchange routes of the authorization and bad-input tests act on, made once per app. */
interface ProgrammeTargets {
  template: string;
  round: string;
  priority: string;
  /** A participant of the program (an activity's owner or participant, a mentee). */
  member: string;
}

const made = new WeakMap<TestApp, Promise<ProgrammeTargets>>();

export function programmeTargets(f: Fixture, t: TestApp): Promise<ProgrammeTargets> {
  let targets = made.get(t);
  if (!targets) {
    targets = make(f, t);
    made.set(t, targets);
  }
  return targets;
}

async function make(f: Fixture, t: TestApp): Promise<ProgrammeTargets> {
  const assessment = t.app.get(AssessmentService);
  const admin = { id: f.admin.id, displayName: 'Admin' } as AuthUser;
  const template = await assessment.createTemplate(f.program, {
    name: 'Three questions',
    dimensions: ['Vision', 'Data', 'Skills'].map((name) => ({ name, description: '' })),
  });
  const round = await assessment.openRound(
    f.program,
    { title: 'Baseline', templateId: SCIROCCO_B3_TEMPLATE_ID },
    admin,
  );
  const priority = await assessment.recordPriority(
    f.program,
    round.id,
    { dimension: 2, title: 'Shared record' },
    admin,
  );
  const person = await account(t.app, 'mentee');
  await addMember(t.app, f.program, person.id, 'participant');
  return { template: template.id, round: round.id, priority: priority.id, member: person.id };
}

/** A valid learning activity logged for `member`. */
export const exchangeBody = (member: string) => ({
  kind: 'study_visit',
  title: 'Study visit to the virtual ward',
  place: 'Leeds Community Healthcare',
  startsOn: '2026-05-12',
  endsOn: '2026-05-13',
  hours: 12,
  participantIds: [member],
  reflection: 'The daily huddle keeps the hospital and community teams on one list.',
});
