import { SCIROCCO_B3_TEMPLATE_ID } from '@echo-hub/protocol';
import type { INestApplication } from '@nestjs/common';
import { DateTime } from 'luxon';
import { DataSource, In } from 'typeorm';
import { AssessmentRound, AssessmentService } from '../assessment';
import type { AuthUser } from '../auth/auth.types';
import { User } from '../auth/entities/user.entity';
import { ExchangesService } from '../exchanges';

/*
 * The programme around the sessions (issue #20 A) for the demo: as SCIROCCO Exchange regions did, two sites assess
 * the maturity of their integrated care (the 12-dimension B3 model), the coordinator records the priorities agreed
 * in the consensus workshop and plans sessions and knowledge transfers for them; a year on the sites assess again.
 * Outside the sessions, exchanges, job-shadowing, a study visit and a mentoring pair (mPower's shared learning).
 */

/** Scores 0–5 on the 12 dimensions, per person, baseline then re-assessment. */
const ANSWERS: Record<string, [number[], number[]]> = {
  'linkworker.ards@echo.demo': [
    [2, 1, 1, 2, 1, 1, 2, 2, 1, 2, 1, 2],
    [3, 2, 2, 2, 1, 2, 2, 3, 2, 2, 2, 3],
  ],
  'nurse.ards@echo.demo': [
    [3, 2, 0, 2, 1, 1, 1, 1, 1, 2, 1, 1],
    [3, 2, 2, 3, 1, 2, 2, 2, 2, 2, 2, 3],
  ],
  'volunteer.ards@echo.demo': [
    [2, 1, 1, 1, 0, 1, 1, 2, 0, 1, 1, 2],
    [3, 2, 1, 2, 1, 1, 2, 3, 1, 2, 2, 3],
  ],
  'linkworker.bradford@echo.demo': [
    [3, 3, 2, 3, 2, 2, 3, 3, 2, 3, 2, 3],
    [4, 3, 3, 3, 2, 3, 3, 4, 3, 3, 3, 4],
  ],
  'coach.bradford@echo.demo': [
    [4, 2, 2, 3, 1, 2, 2, 4, 2, 3, 3, 3],
    [4, 3, 3, 4, 2, 2, 3, 4, 3, 3, 3, 4],
  ],
  'expert-by-experience@echo.demo': [
    [2, 2, 1, 2, 1, 1, 2, 2, 1, 2, 2, 2],
    [3, 3, 2, 3, 1, 2, 2, 4, 2, 3, 2, 3],
  ],
};

export async function seedProgrammeDemo(
  app: INestApplication,
  { programId, firstSessionId }: { programId: string; firstSessionId: string },
): Promise<string> {
  const db = app.get(DataSource);
  const users = await db.getRepository(User).findBy({ email: In([...Object.keys(ANSWERS), 'coordinator@echo.demo']) });
  const as = (email: string) => {
    const u = users.find((x) => x.email === email);
    if (!u) throw new Error(`demo account ${email} missing`);
    return { id: u.id, email: u.email, displayName: u.displayName, isAdmin: false, sessionId: '' } satisfies AuthUser;
  };
  const coordinator = as('coordinator@echo.demo');
  const assessment = app.get(AssessmentService);
  const today = DateTime.now().setZone('Europe/London');
  const day = (d: DateTime) => d.toISODate() ?? '';

  const baseline = await assessment.openRound(
    programId,
    { title: 'Baseline self-assessment', templateId: SCIROCCO_B3_TEMPLATE_ID },
    coordinator,
  );
  for (const [email, [scores]] of Object.entries(ANSWERS))
    await assessment.answer(programId, baseline.id, scores, as(email));
  const again = await assessment.openRound(
    programId,
    { title: 'Re-assessment a year on', templateId: SCIROCCO_B3_TEMPLATE_ID, previousRoundId: baseline.id },
    coordinator,
  );
  for (const [email, [, scores]] of Object.entries(ANSWERS))
    await assessment.answer(programId, again.id, scores, as(email));
  // The baseline was a year ago: its opening date says so.
  await db
    .getRepository(AssessmentRound)
    .update({ id: baseline.id }, { createdAt: today.minus({ months: 12 }).toUTC().toISO() ?? '' });

  const priorities = [
    { dimension: 7, title: 'Co-produce referral pathways with experts by experience', plan: 'session' },
    { dimension: 2, title: 'Share social prescribing outcomes with GP records', plan: 'study_visit' },
    { dimension: 11, title: 'Train link workers in health coaching', plan: 'capacity_building' },
  ] as const;
  const plans = {
    session: { kind: 'session', title: 'teleECHO: what matters to you?', sessionId: firstSessionId },
    study_visit: { kind: 'study_visit', title: 'Study visit to the Bradford hub’s shared record' },
    capacity_building: { kind: 'capacity_building', title: 'Health coaching course for link workers (4 sessions)' },
  } as const;
  for (const [i, p] of priorities.entries()) {
    const saved = await assessment.recordPriority(programId, baseline.id, p, coordinator);
    await assessment.planActivity(programId, saved.id, {
      ...plans[p.plan],
      ownerId: i === 1 ? as('coach.bradford@echo.demo').id : coordinator.id,
      dueOn: day(today.plus({ months: i + 1 })),
    });
  }
  const expertMission = await assessment.recordPriority(
    programId,
    again.id,
    { dimension: 4, title: 'Find sustained funding for the link worker posts' },
    coordinator,
  );
  await assessment.planActivity(programId, expertMission.id, {
    kind: 'expert_mission',
    title: 'Expert mission: commissioning social prescribing',
    ownerId: coordinator.id,
    dueOn: day(today.plus({ months: 4 })),
  });

  const exchanges = app.get(ExchangesService);
  const ards = as('linkworker.ards@echo.demo');
  const nurse = as('nurse.ards@echo.demo');
  const logged = [
    {
      by: ards,
      kind: 'job_shadowing',
      title: 'Shadowing the Bradford link workers',
      place: 'Bradford Social Prescribing Hub',
      days: [-150, -149],
      hours: 14,
      with: [ards.id, nurse.id],
      reflection: 'They offer the first conversation within a week of referral; we will try a weekly triage slot.',
    },
    {
      by: as('linkworker.bradford@echo.demo'),
      kind: 'study_visit',
      title: 'Study visit: community connectors in Newtownards',
      place: 'Ards Community Health Centre',
      days: [-90, -89],
      hours: 10,
      with: [as('linkworker.bradford@echo.demo').id, as('coach.bradford@echo.demo').id],
      reflection: 'The volunteer connectors know every group in town; a shared directory would help us too.',
    },
    {
      by: coordinator,
      kind: 'expert_mission',
      title: 'Expert mission: measuring what matters',
      place: 'Online',
      days: [-40, -40],
      hours: 3,
      with: [coordinator.id, as('volunteer.ards@echo.demo').id],
      reflection: 'Agreed to use the same wellbeing measure at both sites from next quarter.',
    },
  ] as const;
  for (const a of logged) {
    await exchanges.log(
      programId,
      {
        kind: a.kind,
        title: a.title,
        place: a.place,
        startsOn: day(today.plus({ days: a.days[0] })),
        endsOn: day(today.plus({ days: a.days[1] })),
        hours: a.hours,
        participantIds: [...a.with],
        reflection: a.reflection,
      },
      a.by,
    );
  }
  const pair = await exchanges.setUpPair(
    programId,
    {
      mentorId: as('coach.bradford@echo.demo').id,
      menteeId: ards.id,
      goals: 'Run health coaching conversations with confidence; lead a case presentation at an ECHO session.',
    },
    coordinator,
  );
  for (const [i, days] of [-60, -30].entries()) {
    await exchanges.log(
      programId,
      {
        kind: 'mentoring',
        title: i ? 'Mentoring: preparing a case presentation' : 'Mentoring: first conversation',
        place: 'Online',
        startsOn: day(today.plus({ days })),
        endsOn: day(today.plus({ days })),
        hours: 1,
        pairId: pair.id,
      },
      ards,
    );
  }
  return `  self-assessment: 2 rounds answered at Ards and Bradford, 4 priorities with planned activities; 3 exchanges, 1 mentoring pair`;
}
