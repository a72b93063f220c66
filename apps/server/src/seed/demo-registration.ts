import type { INestApplication } from '@nestjs/common';
import type { ParticipationType } from '@echo-hub/protocol';
import { DataSource } from 'typeorm';
import { User } from '../auth/entities/user.entity';
import { CertificatesService } from '../impact/certificates.service';
import { Membership } from '../programs/entities/membership.entity';
import { Registration } from '../registration/entities/registration.entity';
import { RegistrationService } from '../registration/registration.service';

/** People who registered through the public form but have not joined (yet): the funnel's first drop-off. */
const NOT_JOINED: [string, string, string | null, ParticipationType, string][] = [
  ['Rachel Sutcliffe', 'Care home manager', 'bradford', 'staff', ''],
  ['Imran Hussain', 'Pharmacist', 'bradford', 'staff', ''],
  ['Gillian Firth', 'Family carer', 'bradford', 'carer', 'Sessions in the evening if possible'],
  ['Naveed Akhtar', 'Social prescribing link worker', 'bradford', 'staff', ''],
  ['Orla Doherty', 'Community nurse', 'donegal', 'staff', ''],
  ['Seamus McLaughlin', 'Expert by experience', 'donegal', 'service_user', 'Live captions, please'],
  ['Karen Moore', 'Practice manager', 'ards', 'staff', ''],
  ['Ruth Kennedy', 'Family carer', 'ards', 'carer', 'A phone dial-in: my broadband is poor'],
  ['Stephen Brown', 'Occupational therapist', null, 'staff', ''],
  ['Bernadette Kelly', 'Volunteer befriender', 'ards', 'volunteer', ''],
];

/**
 * The program's public registration form and who registered through it: the participants who joined (so the funnel
 * follows them to their attendance and certificates) and some who have not joined yet; two certificates issued.
 */
export async function seedRegistration(
  app: INestApplication,
  ctx: { programId: string; sites: Map<string, string> },
): Promise<string> {
  const db = app.get(DataSource);
  const coordinator = await db.getRepository(User).findOneByOrFail({ email: 'coordinator@echo.demo' });
  await app.get(RegistrationService).saveForm(
    ctx.programId,
    {
      title: 'Register for Social Prescribing ECHO',
      intro:
        'Fortnightly 90-minute sessions on Tuesdays at 12:30, online. Open to link workers, health and care staff, ' +
        'volunteers, and people with lived experience and their carers.',
      questions: [
        { label: 'What would you most like to learn from the series?' },
        { label: 'How did you hear about it?', options: ['A colleague', 'Our GP practice', 'A newsletter', 'Other'] },
      ],
      completionSessions: 6,
    },
    coordinator,
  );
  const members = await db
    .getRepository(Membership)
    .find({ where: { programId: ctx.programId, role: 'participant' }, relations: { user: true } });
  const repo = db.getRepository(Registration);
  const at = (i: number) => new Date(Date.now() - (200 - i) * 86_400_000).toISOString();
  const rows = [
    ...members.map((m, i) =>
      repo.create({
        programId: ctx.programId,
        name: m.user?.displayName ?? '',
        email: m.user?.email ?? '',
        siteId: m.siteId,
        profession: m.profession,
        participationType: m.participationType,
        answers: [{ questionId: 'q2', answer: i % 3 ? 'A colleague' : 'Our GP practice' }],
        consentToContact: true,
        accessibilityNeeds: m.participationType === 'service_user' ? 'Live captions, please' : '',
        remindedSessionId: null,
        remindedAt: null,
        createdAt: at(i),
      }),
    ),
    ...NOT_JOINED.map(([name, profession, site, participationType, needs], i) =>
      repo.create({
        programId: ctx.programId,
        name,
        email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@registrant.example`,
        siteId: site ? (ctx.sites.get(site) ?? null) : null,
        profession,
        participationType,
        answers: [{ questionId: 'q2', answer: 'A newsletter' }],
        consentToContact: i % 4 !== 3,
        accessibilityNeeds: needs,
        remindedSessionId: null,
        remindedAt: null,
        createdAt: at(members.length + i),
      }),
    ),
  ];
  await repo.save(rows);
  // Two of the most regular attendees downloaded a certificate for last year or this one.
  let certified = 0;
  for (const email of ['linkworker.ards@echo.demo', 'expert-by-experience@echo.demo']) {
    const user = await db.getRepository(User).findOneBy({ email });
    const periods = user ? await app.get(CertificatesService).periods(ctx.programId, user.id) : [];
    const year = periods.find((p) => p.period.length === 4 && p.sessions >= p.sessionsNeeded);
    if (user && year) {
      await app.get(CertificatesService).pdf(ctx.programId, year.period, user.id);
      certified++;
    }
  }
  return `  registration: ${rows.length} registered through the public form (${NOT_JOINED.length} not joined yet), ${certified} certified`;
}
