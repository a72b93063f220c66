import type { CoproductionRole, PaymentStatus } from '@echo-hub/protocol';
import type { INestApplication } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { User } from '../auth/entities/user.entity';
import { CommunityGroup } from '../community';
import { CoproductionService } from '../coproduction/coproduction.service';
import { PaymentsService } from '../coproduction/payments.service';
import { EchoSession } from '../sessions';

/** The programme's involvement policy (as Q Exchange projects set one): time paid by the hour, travel met. */
const HOURLY_RATE_GBP = 20;

/**
 * Co-production in the demo program: Joanne Hirst (expert by experience) co-facilitates every other delivered
 * session and Patrick Boyle (family carer) joins as lived-experience expert, on "a level playing field" with the
 * professionals; Patrick sits on the carers' group's panel; their time is paid and travel met, some already paid.
 */
export async function seedCoproduction(app: INestApplication, ctx: { programId: string }): Promise<string> {
  const db = app.get(DataSource);
  const users = await db
    .getRepository(User)
    .findBy({ email: In(['coordinator@echo.demo', 'expert-by-experience@echo.demo', 'carer.donegal@echo.demo']) });
  const byEmail = (email: string) => users.find((u) => u.email === email) as User;
  const coordinator = byEmail('coordinator@echo.demo');
  const joanne = byEmail('expert-by-experience@echo.demo');
  const patrick = byEmail('carer.donegal@echo.demo');
  const by = { ...coordinator, isAdmin: false, sessionId: '' };
  const coproduction = app.get(CoproductionService);
  const payments = app.get(PaymentsService);

  const delivered = await db
    .getRepository(EchoSession)
    .find({ where: { programId: ctx.programId, status: 'ended', practice: false }, order: { startsAt: 'ASC' } });
  let roles = 0;
  let records = 0;
  /** A role on a delivered session and the payment for the time it took. */
  const paid = async (
    s: EchoSession,
    userId: string,
    role: CoproductionRole,
    hours: number,
    status: PaymentStatus,
    note: string,
  ) => {
    await coproduction.assignOnSession(s.id, { userId, role }, by);
    const date = s.startsAt.slice(0, 10);
    const amount = hours * HOURLY_RATE_GBP;
    await payments.record(
      ctx.programId,
      { userId, sessionId: s.id, date, hours, amount, currency: 'GBP', kind: 'payment', status, note },
      by,
    );
    roles++;
    records++;
  };
  for (const [i, s] of delivered.entries()) {
    const session = s.durationMinutes / 60;
    if (i % 2 === 0) {
      // The session and an hour preparing it with the facilitator.
      const status = i < delivered.length - 4 ? 'paid' : 'approved';
      await paid(s, joanne.id, 'co_facilitator', session + 1, status, 'Co-facilitation, including preparation');
    }
    if (i % 3 === 1) {
      const status = i < delivered.length - 3 ? 'paid' : 'pending';
      await paid(
        s,
        patrick.id,
        'lived_experience_expert',
        session,
        status,
        'Lived-experience contribution to the cases',
      );
    }
  }
  const carers = await db
    .getRepository(CommunityGroup)
    .findOneBy({ programId: ctx.programId, name: 'Carers’ peer support' });
  if (carers) {
    await coproduction.assignInGroup(carers.id, { userId: patrick.id, role: 'panel_member' }, by);
    roles++;
  }
  const last = delivered.at(-1)?.startsAt.slice(0, 10) ?? new Date().toISOString().slice(0, 10);
  await payments.record(
    ctx.programId,
    {
      userId: patrick.id,
      activity: 'Interview panel: recruiting the programme’s peer support worker',
      date: last,
      hours: 4,
      amount: 4 * HOURLY_RATE_GBP,
      currency: 'GBP',
      kind: 'payment',
      status: 'approved',
    },
    by,
  );
  await payments.record(
    ctx.programId,
    {
      userId: patrick.id,
      activity: 'Interview panel: recruiting the programme’s peer support worker',
      date: last,
      hours: 0,
      amount: 18.6,
      currency: 'GBP',
      kind: 'expenses',
      note: 'Bus, Letterkenny–Derry return, and lunch',
    },
    by,
  );
  records += 2;
  return `  co-production: ${roles} roles (co-facilitator, lived-experience expert, panel member), ${records} payments and expenses`;
}
