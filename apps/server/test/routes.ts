import type { Permission, ProgramRole } from '@echo-hub/protocol';
import { AuthService } from '../src/auth/auth.service';
import { ConnectionTestService } from '../src/connection-test/connection-test.service';
import { ProgramsService } from '../src/programs/programs.service';
import { DataSource } from 'typeorm';
import { CaseAttachmentsService } from '../src/cases/case-attachments.service';
import { CasesService } from '../src/cases/cases.service';
import { CoproductionService } from '../src/coproduction/coproduction.service';
import { PaymentsService } from '../src/coproduction/payments.service';
import { PreparedPolls } from '../src/live/prepared-polls';
import { Recording } from '../src/recordings/entities/recording.entity';
import { RecordingsService } from '../src/recordings/recordings.service';
import { RegistrationService } from '../src/registration/registration.service';
import { SessionsService } from '../src/sessions/sessions.service';
import { StorageService } from '../src/storage/storage.service';
import {
  attachment,
  groupWithMember,
  hiddenPost,
  moderatedGroup,
  newThread,
  openGroup,
  otherMember,
  pendingRequest,
  privateGroup,
} from './community-fixtures';
import { type Account, account, addMember, api } from './fixtures';
import { impactTargets, surveyForEveryone } from './impact-fixtures';
import { exchangeBody, programmeTargets } from './programme-fixtures';
import type { TestApp } from './test-app';
import { tinyPdf } from './upload-fixtures';

export type Caller = 'anonymous' | 'stranger' | ProgramRole | 'admin';
export const CALLERS: Caller[] = [
  'anonymous',
  'stranger',
  'participant',
  'expert',
  'coordinator',
  'facilitator',
  'admin',
];
export type Rule = 'public' | 'signedIn' | 'admin' | Permission;

export interface Fixture {
  program: string;
  otherProgram: string;
  session: string;
  item: string;
  recording: string;
  admin: Account;
}

export interface Call {
  path: string;
  body?: object;
  /** A multipart upload of a small PDF as `file` (with `body` as its other form fields). */
  attach?: boolean;
  headers?: Record<string, string>;
}

/** Every route, the rule it must follow, and how to make one valid call (fresh targets for destructive ones). */
export interface Route {
  method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  path: string;
  rule: Rule;
  /** A POST that takes no body (its body is ignored). */
  noBody?: true;
  /** `who` is the caller (null when anonymous), for routes that act on the caller's own things. */
  call: (f: Fixture, t: TestApp, who: Account | null) => Promise<Call> | Call;
}

/** A fresh poll prepared for the fixture's session (changed or deleted by the call). */
const preparedPoll = async (f: Fixture, t: TestApp) =>
  (await t.app.get(PreparedPolls).create(f.session, f.admin.id, { kind: 'text', question: 'What matters to you?' })).id;

/** The fixture's admin as the one acting in a service call. */
const adminUser = (f: Fixture) => ({ id: f.admin.id, email: '', displayName: 'Admin', isAdmin: true, sessionId: '' });

/** A fresh member given a co-production role on the fixture's session, or in a fresh open group (issue 20). */
const coproducer = async (f: Fixture, t: TestApp, groupId?: string) => {
  const userId = (await addMember(t.app, f.program, (await account(t.app, 'co-facilitator')).id, 'participant')).userId;
  const coproduction = t.app.get(CoproductionService);
  const body = { userId, role: 'co_facilitator' as const };
  await (groupId
    ? coproduction.assignInGroup(groupId, body, adminUser(f))
    : coproduction.assignOnSession(f.session, body, adminUser(f)));
  return userId;
};

const victim = async (f: Fixture, t: TestApp) => {
  const v = await account(t.app, 'victim');
  return (await addMember(t.app, f.program, v.id, 'participant')).id;
};

export const ROUTES: Route[] = [
  { method: 'get', path: '/api/health', rule: 'public', call: () => ({ path: '/api/health' }) },
  { method: 'get', path: '/api/ready', rule: 'public', call: () => ({ path: '/api/ready' }) },
  { method: 'get', path: '/api/connection-test', rule: 'public', call: () => ({ path: '/api/connection-test' }) },
  {
    method: 'get',
    path: '/api/connection-test/download',
    rule: 'public',
    call: () => ({ path: '/api/connection-test/download?kb=1' }),
  },
  {
    method: 'post',
    path: '/api/connection-test/upload',
    rule: 'public',
    noBody: true,
    call: () => ({ path: '/api/connection-test/upload' }),
  },
  {
    method: 'post',
    path: '/api/connection-test/transports',
    rule: 'signedIn',
    noBody: true,
    call: () => ({ path: '/api/connection-test/transports' }),
  },
  {
    method: 'post',
    path: '/api/connection-test/transports/{id}/connect',
    rule: 'signedIn',
    call: async (_f, t, who) => ({
      path: `/api/connection-test/transports/${await connectionTest(t, who)}/connect`,
      body: { dtlsParameters: { role: 'client', fingerprints: [{ algorithm: 'sha-256', value: FINGERPRINT }] } },
    }),
  },
  {
    method: 'post',
    path: '/api/connection-test/transports/{id}/data',
    rule: 'signedIn',
    call: async (_f, t, who) => ({
      path: `/api/connection-test/transports/${await connectionTest(t, who)}/data`,
      body: { sctpStreamParameters: { streamId: 0, ordered: true }, label: 'probe' },
    }),
  },
  {
    method: 'get',
    path: '/api/connection-test/transports/{id}',
    rule: 'signedIn',
    call: async (_f, t, who) => ({ path: `/api/connection-test/transports/${await connectionTest(t, who)}` }),
  },
  {
    method: 'delete',
    path: '/api/connection-test/transports/{id}',
    rule: 'signedIn',
    call: async (_f, t, who) => ({ path: `/api/connection-test/transports/${await connectionTest(t, who)}` }),
  },
  {
    method: 'post',
    path: '/api/auth/register',
    rule: 'public',
    call: () => ({
      path: '/api/auth/register',
      body: { email: `new-${Math.random()}@example.org`, password: 'long enough pass', displayName: 'New Person' },
    }),
  },
  {
    method: 'post',
    path: '/api/auth/activate',
    rule: 'public',
    call: (_f, t) => ({
      path: '/api/auth/activate',
      body: {
        token: t.app.get(AuthService).activationToken({
          email: `activated-${Math.random()}@example.org`,
          displayName: 'New Person',
          passwordHash:
            '$argon2id$v=19$m=19456,t=2,p=1$od4oSax2EfZbY8geUcsngg$pbWwCqeEfw2AHT5MomLrRlwHXPJHojxFiTq3Hw7v0tE',
        }),
      },
    }),
  },
  {
    method: 'post',
    path: '/api/auth/login',
    rule: 'public',
    call: async (_f, t) => {
      const a = await account(t.app, 'login');
      return { path: '/api/auth/login', body: { email: a.email, password: 'correct horse battery' } };
    },
  },
  {
    method: 'post',
    path: '/api/auth/password',
    rule: 'signedIn',
    // A wrong current password still proves the caller got past the guard (401 INVALID_CREDENTIALS is checked below).
    call: () => ({ path: '/api/auth/password', body: { currentPassword: 'x', newPassword: 'long enough pass' } }),
  },
  {
    method: 'post',
    path: '/api/auth/reset-request',
    rule: 'public',
    call: () => ({ path: '/api/auth/reset-request', body: { email: 'someone@example.org' } }),
  },
  {
    method: 'post',
    path: '/api/auth/reset',
    rule: 'public',
    call: async (f, t) => {
      const a = await account(t.app, 'reset');
      const link = await api(t.app)
        .post(`/api/admin/users/${a.id}/reset-link`)
        .set('Authorization', `Bearer ${f.admin.token}`);
      const token = new URL(link.body.resetUrl).searchParams.get('token');
      return { path: '/api/auth/reset', body: { token, newPassword: 'long enough pass' } };
    },
  },
  { method: 'get', path: '/api/me', rule: 'signedIn', call: () => ({ path: '/api/me' }) },
  { method: 'get', path: '/api/admin/users', rule: 'admin', call: () => ({ path: '/api/admin/users' }) },
  {
    method: 'post',
    path: '/api/admin/users/{id}/reset-link',
    rule: 'admin',
    noBody: true,
    call: (f) => ({ path: `/api/admin/users/${f.admin.id}/reset-link` }),
  },
  // ---- the admin area and a person's data (issue 22, operations); each acts on a fresh account ----
  {
    method: 'get',
    path: '/api/admin/users/{id}',
    rule: 'admin',
    call: (f) => ({ path: `/api/admin/users/${f.admin.id}` }),
  },
  {
    method: 'post',
    path: '/api/admin/users/{id}/disable',
    rule: 'admin',
    noBody: true,
    call: async (_f, t) => ({ path: `/api/admin/users/${(await account(t.app, 'disabled')).id}/disable` }),
  },
  {
    method: 'post',
    path: '/api/admin/users/{id}/enable',
    rule: 'admin',
    noBody: true,
    call: async (_f, t) => ({ path: `/api/admin/users/${(await account(t.app, 'enabled')).id}/enable` }),
  },
  {
    method: 'put',
    path: '/api/admin/users/{id}/admin',
    rule: 'admin',
    call: async (_f, t) => ({
      path: `/api/admin/users/${(await account(t.app, 'promoted')).id}/admin`,
      body: { isAdmin: true },
    }),
  },
  { method: 'get', path: '/api/admin/audit', rule: 'admin', call: () => ({ path: '/api/admin/audit' }) },
  {
    method: 'get',
    path: '/api/admin/users/{id}/export',
    rule: 'admin',
    call: (f) => ({ path: `/api/admin/users/${f.admin.id}/export` }),
  },
  {
    method: 'post',
    path: '/api/admin/users/{id}/erase',
    rule: 'admin',
    call: async (_f, t) => {
      const a = await account(t.app, 'erased');
      return { path: `/api/admin/users/${a.id}/erase`, body: { confirmEmail: a.email } };
    },
  },
  { method: 'get', path: '/api/me/export', rule: 'signedIn', call: () => ({ path: '/api/me/export' }) },
  { method: 'get', path: '/api/programs', rule: 'signedIn', call: () => ({ path: '/api/programs' }) },
  {
    method: 'post',
    path: '/api/programs',
    rule: 'admin',
    call: () => ({ path: '/api/programs', body: { name: 'P' } }),
  },
  {
    method: 'get',
    path: '/api/programs/{id}',
    rule: 'program.read',
    call: (f) => ({ path: `/api/programs/${f.program}` }),
  },
  {
    method: 'patch',
    path: '/api/programs/{id}',
    rule: 'program.manage',
    call: (f) => ({ path: `/api/programs/${f.program}`, body: { topic: 'Updated topic' } }),
  },
  {
    method: 'delete',
    path: '/api/programs/{id}',
    rule: 'admin',
    call: async (_f, t) => ({
      path: `/api/programs/${(await t.app.get(ProgramsService).create({ name: 'Gone' })).id}`,
    }),
  },
  {
    method: 'get',
    path: '/api/programs/{id}/sites',
    rule: 'program.read',
    call: (f) => ({ path: `/api/programs/${f.program}/sites` }),
  },
  {
    method: 'post',
    path: '/api/programs/{id}/sites',
    rule: 'sites.manage',
    call: (f) => ({ path: `/api/programs/${f.program}/sites`, body: { organisation: 'Clinic' } }),
  },
  {
    method: 'get',
    path: '/api/programs/{id}/members',
    rule: 'members.read',
    call: (f) => ({ path: `/api/programs/${f.program}/members` }),
  },
  {
    method: 'post',
    path: '/api/programs/{id}/members',
    rule: 'members.manage',
    call: async (f, t) => ({
      path: `/api/programs/${f.program}/members`,
      body: { email: (await account(t.app, 'added')).email, role: 'participant' },
    }),
  },
  {
    method: 'patch',
    path: '/api/programs/{id}/members/{memberId}',
    rule: 'members.manage',
    call: async (f, t) => ({
      path: `/api/programs/${f.program}/members/${await victim(f, t)}`,
      body: { role: 'expert' },
    }),
  },
  {
    method: 'delete',
    path: '/api/programs/{id}/members/{memberId}',
    rule: 'members.manage',
    call: async (f, t) => ({ path: `/api/programs/${f.program}/members/${await victim(f, t)}` }),
  },
  {
    method: 'post',
    path: '/api/programs/{id}/invitations',
    rule: 'invitations.manage',
    call: (f) => ({ path: `/api/programs/${f.program}/invitations`, body: { role: 'participant' } }),
  },
  {
    method: 'get',
    path: '/api/programs/{id}/invitations',
    rule: 'invitations.manage',
    call: (f) => ({ path: `/api/programs/${f.program}/invitations` }),
  },
  {
    method: 'get',
    path: '/api/invitations/{token}',
    rule: 'public',
    call: async (f, t) => ({ path: `/api/invitations/${await inviteToken(f, t)}` }),
  },
  {
    method: 'post',
    path: '/api/invitations/{token}/accept',
    rule: 'signedIn',
    // An invitation to another program, so members of the first can accept it too.
    call: async (f, t) => ({ path: `/api/invitations/${await inviteToken(f, t, f.otherProgram)}/accept`, body: {} }),
  },
  {
    method: 'get',
    path: '/api/programs/{id}/sessions',
    rule: 'sessions.read',
    call: (f) => ({ path: `/api/programs/${f.program}/sessions` }),
  },
  {
    method: 'post',
    path: '/api/programs/{id}/sessions',
    rule: 'sessions.manage',
    call: (f) => ({
      path: `/api/programs/${f.program}/sessions`,
      body: { title: 'S', startsAt: '2026-06-02T12:30:00+01:00', durationMinutes: 60 },
    }),
  },
  {
    method: 'get',
    path: '/api/programs/{id}/calendar-links',
    rule: 'program.read',
    call: (f) => ({ path: `/api/programs/${f.program}/calendar-links` }),
  },
  {
    method: 'get',
    path: '/api/sessions/{id}',
    rule: 'sessions.read',
    call: (f) => ({ path: `/api/sessions/${f.session}` }),
  },
  {
    method: 'patch',
    path: '/api/sessions/{id}',
    rule: 'sessions.manage',
    call: (f) => ({ path: `/api/sessions/${f.session}`, body: { title: 'Renamed' } }),
  },
  {
    method: 'put',
    path: '/api/sessions/{id}/agenda',
    rule: 'sessions.manage',
    // Keeps the didactic slot (same title) so its id changes but the fixture is refreshed below.
    call: (f) => ({
      path: `/api/sessions/${f.session}/agenda`,
      body: { items: [{ kind: 'didactic', title: 'Talk', minutes: 15 }] },
    }),
  },
  {
    method: 'post',
    path: '/api/sessions/{id}/agenda/{itemId}/slides',
    rule: 'slides.upload',
    call: (f) => ({ path: `/api/sessions/${f.session}/agenda/${f.item}/slides`, attach: true }),
  },
  {
    method: 'get',
    path: '/api/sessions/{id}/agenda/{itemId}/slides',
    rule: 'sessions.read',
    call: (f) => ({ path: `/api/sessions/${f.session}/agenda/${f.item}/slides` }),
  },
  {
    method: 'get',
    path: '/api/sessions/{id}/polls',
    rule: 'live.run-polls',
    call: (f) => ({ path: `/api/sessions/${f.session}/polls` }),
  },
  {
    method: 'post',
    path: '/api/sessions/{id}/polls',
    rule: 'live.run-polls',
    call: (f) => ({
      path: `/api/sessions/${f.session}/polls`,
      body: {
        kind: 'single',
        question: 'First step?',
        options: ['Listen', 'Refer'],
        correct: [0],
        agendaItemId: f.item,
      },
    }),
  },
  {
    method: 'put',
    path: '/api/sessions/{id}/polls/{pollId}',
    rule: 'live.run-polls',
    call: async (f, t) => ({
      path: `/api/sessions/${f.session}/polls/${await preparedPoll(f, t)}`,
      body: { kind: 'scale', question: 'How confident are you?' },
    }),
  },
  {
    method: 'delete',
    path: '/api/sessions/{id}/polls/{pollId}',
    rule: 'live.run-polls',
    call: async (f, t) => ({ path: `/api/sessions/${f.session}/polls/${await preparedPoll(f, t)}` }),
  },
  {
    method: 'get',
    path: '/api/calendar/programs/{id}/feed.ics',
    rule: 'public',
    call: async (f, t) => ({
      path: feedPath((await t.app.get(SessionsService).calendarLinks(f.program, f.admin.id)).programFeedUrl),
    }),
  },
  {
    method: 'get',
    path: '/api/calendar/users/{id}/feed.ics',
    rule: 'public',
    call: async (f, t) => ({
      path: feedPath((await t.app.get(SessionsService).calendarLinks(f.program, f.admin.id)).personalFeedUrl),
    }),
  },
  {
    method: 'post',
    path: '/api/deid/check',
    rule: 'signedIn',
    call: () => ({ path: '/api/deid/check', body: { text: 'Seen by Dr Patel on 12/03/2024.' } }),
  },
  {
    method: 'post',
    path: '/api/deid/pdf-page',
    rule: 'signedIn',
    call: () => ({ path: '/api/deid/pdf-page?page=1', attach: true }),
  },
  {
    method: 'get',
    path: '/api/programs/{id}/impact',
    rule: 'impact.read',
    call: (f) => ({ path: `/api/programs/${f.program}/impact?from=2026-01-01&role=participant` }),
  },
  {
    method: 'get',
    path: '/api/programs/{id}/attendance.csv',
    rule: 'attendance.read',
    call: (f) => ({ path: `/api/programs/${f.program}/attendance.csv` }),
  },
  {
    method: 'get',
    path: '/api/sessions/{id}/attendance',
    rule: 'attendance.read',
    call: async (f, t) => ({ path: `/api/sessions/${(await impactTargets(f, t)).endedSession}/attendance` }),
  },
  {
    method: 'post',
    path: '/api/sessions/{id}/attendance/corrections',
    rule: 'attendance.correct',
    call: async (f, t) => ({
      path: `/api/sessions/${(await impactTargets(f, t)).endedSession}/attendance/corrections`,
      body: { userId: f.admin.id, minutes: 60, reason: 'Joined on a colleague’s device' },
    }),
  },
  {
    method: 'get',
    path: '/api/sessions/{id}/attendance/corrections',
    rule: 'attendance.read',
    call: async (f, t) => ({
      path: `/api/sessions/${(await impactTargets(f, t)).endedSession}/attendance/corrections`,
    }),
  },
  // issue 20: public registration and the funnel
  {
    method: 'get',
    path: '/api/register/{programId}',
    rule: 'public',
    call: async (f, t) => ({ path: `/api/register/${await registrationForm(f, t)}` }),
  },
  {
    method: 'post',
    path: '/api/register/{programId}',
    rule: 'public',
    call: async (f, t) => ({
      path: `/api/register/${await registrationForm(f, t)}`,
      body: { name: 'Aoife Byrne', email: 'aoife@clinic.example', participationType: 'staff', consentToContact: true },
    }),
  },
  {
    method: 'get',
    path: '/api/programs/{id}/registration/form',
    rule: 'enrolment.manage',
    call: async (f, t) => ({ path: `/api/programs/${await registrationForm(f, t)}/registration/form` }),
  },
  {
    method: 'put',
    path: '/api/programs/{id}/registration/form',
    rule: 'enrolment.manage',
    call: (f) => ({
      path: `/api/programs/${f.program}/registration/form`,
      body: { title: 'Register for Social Prescribing ECHO', completionSessions: 6 },
    }),
  },
  {
    method: 'get',
    path: '/api/programs/{id}/registrations',
    rule: 'enrolment.manage',
    call: (f) => ({ path: `/api/programs/${f.program}/registrations` }),
  },
  {
    method: 'get',
    path: '/api/programs/{id}/registration/funnel',
    rule: 'impact.read',
    call: (f) => ({ path: `/api/programs/${f.program}/registration/funnel` }),
  },
  { method: 'get', path: '/api/me/surveys', rule: 'signedIn', call: () => ({ path: '/api/me/surveys' }) },
  {
    method: 'get',
    path: '/api/programs/{id}/surveys',
    rule: 'impact.read',
    call: (f) => ({ path: `/api/programs/${f.program}/surveys` }),
  },
  {
    method: 'post',
    path: '/api/programs/{id}/surveys',
    rule: 'surveys.manage',
    call: (f) => ({
      path: `/api/programs/${f.program}/surveys`,
      body: { title: 'Mid-programme survey', questions: [{ kind: 'rating', text: 'How useful is the programme?' }] },
    }),
  },
  {
    method: 'post',
    path: '/api/sessions/{id}/survey',
    rule: 'surveys.manage',
    noBody: true,
    call: async (f, t) => ({ path: `/api/sessions/${(await impactTargets(f, t)).endedSession}/survey` }),
  },
  {
    method: 'get',
    path: '/api/me/surveys/{id}',
    rule: 'signedIn',
    // Sent to every account, so every signed-in caller may read it.
    call: async (f, t) => ({ path: `/api/me/surveys/${(await impactTargets(f, t)).survey}` }),
  },
  {
    method: 'post',
    path: '/api/me/surveys/{id}/answers',
    rule: 'signedIn',
    // A fresh survey sent to every account each time: each caller answers once.
    call: async (f, t) => ({
      path: `/api/me/surveys/${await surveyForEveryone(f, t)}/answers`,
      body: { answers: [{ questionId: 'q1', value: 4 }] },
    }),
  },
  {
    method: 'get',
    path: '/api/programs/{id}/surveys/{surveyId}',
    rule: 'impact.read',
    call: async (f, t) => ({ path: `/api/programs/${f.program}/surveys/${(await impactTargets(f, t)).survey}` }),
  },
  {
    method: 'get',
    path: '/api/programs/{id}/certificates',
    rule: 'program.read',
    call: (f) => ({ path: `/api/programs/${f.program}/certificates` }),
  },
  {
    method: 'get',
    path: '/api/programs/{id}/certificate.pdf',
    rule: 'program.read',
    // Every account attended the delivered session of June 2026 in full.
    call: async (f, t) => {
      await impactTargets(f, t);
      return { path: `/api/programs/${f.program}/certificate.pdf?period=2026-06` };
    },
  },
  {
    method: 'get',
    path: '/api/certificates/verify/{code}',
    rule: 'public',
    call: async (f, t) => {
      await impactTargets(f, t);
      const res = await api(t.app)
        .get(`/api/programs/${f.program}/certificate.pdf?period=2026-06`)
        .set('Authorization', `Bearer ${f.admin.token}`);
      return { path: `/api/certificates/verify/${res.headers['x-certificate-code']}` };
    },
  },
  {
    method: 'post',
    path: '/api/sessions/{id}/cases',
    rule: 'cases.submit',
    call: (f) => ({ path: `/api/sessions/${f.session}/cases`, body: cleanCase }),
  },
  {
    method: 'patch',
    path: '/api/sessions/{id}/cases/order',
    rule: 'cases.manage',
    call: async (f, t) => {
      const queue = await t.app.get(CasesService).queue([f.session]);
      const waiting = (queue.get(f.session) ?? []).filter((c) => ['submitted', 'scheduled'].includes(c.status));
      return { path: `/api/sessions/${f.session}/cases/order`, body: { caseIds: waiting.map((c) => c.id).reverse() } };
    },
  },
  {
    method: 'get',
    path: '/api/cases/{id}',
    rule: 'program.read',
    call: async (f, t) => ({ path: `/api/cases/${await newCase(f, t, null)}` }),
  },
  {
    method: 'patch',
    path: '/api/cases/{id}',
    rule: 'cases.submit',
    call: async (f, t, who) => ({
      path: `/api/cases/${await newCase(f, t, who)}`,
      body: { tried: 'Walking group, twice.' },
    }),
  },
  {
    method: 'post',
    path: '/api/cases/{id}/withdraw',
    rule: 'cases.submit',
    noBody: true,
    call: async (f, t, who) => ({ path: `/api/cases/${await newCase(f, t, who)}/withdraw` }),
  },
  {
    method: 'post',
    path: '/api/cases/{id}/move',
    rule: 'cases.manage',
    call: async (f, t) => ({ path: `/api/cases/${await newCase(f, t, null)}/move`, body: { sessionId: f.session } }),
  },
  {
    method: 'post',
    path: '/api/cases/{id}/urgent',
    rule: 'cases.manage',
    call: async (f, t) => ({ path: `/api/cases/${await newCase(f, t, null)}/urgent`, body: { urgent: true } }),
  },
  {
    method: 'post',
    path: '/api/cases/{id}/recommendations',
    rule: 'cases.recommend',
    call: async (f, t) => ({
      path: `/api/cases/${await newCase(f, t, null)}/recommendations`,
      body: { body: 'Consider a warm handover to the befriending scheme.' },
    }),
  },
  {
    method: 'get',
    path: '/api/cases/{id}/recommendations.pdf',
    rule: 'program.read',
    call: async (f, t) => ({ path: `/api/cases/${await newCase(f, t, null)}/recommendations.pdf` }),
  },
  {
    method: 'post',
    path: '/api/cases/{id}/follow-ups',
    rule: 'cases.submit',
    call: async (f, t, who) => ({
      path: `/api/cases/${await newCase(f, t, who)}/follow-ups`,
      body: { ...cleanCase, title: 'Follow-up: back at the walking group', sessionId: f.session },
    }),
  },
  {
    method: 'post',
    path: '/api/cases/{id}/attachments',
    rule: 'cases.submit',
    call: async (f, t, who) => ({
      path: `/api/cases/${await newCase(f, t, who)}/attachments`,
      attach: true,
      body: { confirmIdentifiersRemoved: true },
    }),
  },
  {
    method: 'get',
    path: '/api/cases/{id}/attachments/{fileId}',
    rule: 'program.read',
    call: async (f, t) => {
      const a = await caseAttachment(f, t, null);
      return { path: `/api/cases/${a.caseId}/attachments/${a.id}` };
    },
  },
  {
    method: 'delete',
    path: '/api/cases/{id}/attachments/{fileId}',
    rule: 'cases.submit',
    call: async (f, t, who) => {
      const a = await caseAttachment(f, t, who);
      return { path: `/api/cases/${a.caseId}/attachments/${a.id}` };
    },
  },
  {
    method: 'get',
    path: '/api/programs/{id}/recordings',
    rule: 'program.read',
    call: (f) => ({ path: `/api/programs/${f.program}/recordings` }),
  },
  {
    method: 'get',
    path: '/api/recordings/{id}/media',
    rule: 'program.read',
    call: (f) => ({ path: `/api/recordings/${f.recording}/media` }),
  },
  {
    method: 'get',
    path: '/api/recordings/{id}/download',
    rule: 'program.read',
    call: (f) => ({ path: `/api/recordings/${f.recording}/download` }),
  },
  {
    method: 'post',
    path: '/api/recordings/{id}/ticket',
    rule: 'program.read',
    noBody: true,
    call: (f) => ({ path: `/api/recordings/${f.recording}/ticket` }),
  },
  {
    method: 'get',
    path: '/api/recordings/{id}/stream',
    rule: 'public',
    // The ticket is the credential: one issued to a member plays for whoever holds the link.
    call: async (f, t) => {
      const admin = await t.app.get(AuthService).authenticate(f.admin.token);
      return { path: (await t.app.get(RecordingsService).ticket(f.recording, admin)).url };
    },
  },
  {
    method: 'get',
    path: '/api/recordings/{id}/captions',
    rule: 'public',
    // The playback ticket is the credential, as for /stream; the target recording is given captions first.
    call: async (f, t) => {
      const admin = await t.app.get(AuthService).authenticate(f.admin.token);
      const { key } = await t.app.get(RecordingsService).file(f.recording);
      await t.app.get(StorageService).put(`${key}.vtt`, Buffer.from('WEBVTT\n'), { contentType: 'text/vtt' });
      const { captionsUrl } = await t.app.get(RecordingsService).ticket(f.recording, admin);
      return { path: captionsUrl ?? 'no captions link' };
    },
  },
  // ---- community (targets in community-fixtures.ts; moderator routes get a group the caller moderates) ----
  {
    method: 'get',
    path: '/api/programs/{id}/groups',
    rule: 'community.read',
    call: (f) => ({ path: `/api/programs/${f.program}/groups` }),
  },
  {
    method: 'post',
    path: '/api/programs/{id}/groups',
    rule: 'community.manage',
    call: (f) => ({ path: `/api/programs/${f.program}/groups`, body: { name: "Carers' peer support", private: true } }),
  },
  {
    method: 'get',
    path: '/api/groups/{id}',
    rule: 'community.read',
    call: async (f, t) => ({ path: `/api/groups/${await openGroup(f, t)}` }),
  },
  {
    method: 'patch',
    path: '/api/groups/{id}',
    rule: 'community.moderate',
    call: async (f, t, who) => ({
      path: `/api/groups/${await moderatedGroup(f, t, who)}`,
      body: { description: 'Between-session support for link workers' },
    }),
  },
  {
    method: 'get',
    path: '/api/groups/{id}/members',
    rule: 'community.read',
    call: async (f, t) => ({ path: `/api/groups/${await openGroup(f, t)}/members` }),
  },
  {
    method: 'post',
    path: '/api/groups/{id}/members',
    rule: 'community.moderate',
    call: async (f, t, who) => ({
      path: `/api/groups/${await moderatedGroup(f, t, who, true)}/members`,
      body: { userId: (await otherMember(f, t)).id, role: 'member' },
    }),
  },
  {
    method: 'patch',
    path: '/api/groups/{id}/members/{userId}',
    rule: 'community.moderate',
    call: async (f, t, who) => {
      const { groupId, userId } = await groupWithMember(f, t, who);
      return { path: `/api/groups/${groupId}/members/${userId}`, body: { role: 'moderator' } };
    },
  },
  {
    method: 'delete',
    path: '/api/groups/{id}/members/{userId}',
    // Leaving is open to every member; removing someone else needs a moderator of the group.
    rule: 'community.read',
    call: async (f, t, who) => {
      const { groupId, userId } = await groupWithMember(f, t, who);
      return { path: `/api/groups/${groupId}/members/${userId}` };
    },
  },
  {
    method: 'post',
    path: '/api/groups/{id}/requests',
    rule: 'community.read',
    call: async (f, t) => ({
      path: `/api/groups/${await privateGroup(f, t)}/requests`,
      body: { message: 'I care for my dad and would value the group.' },
    }),
  },
  {
    method: 'get',
    path: '/api/groups/{id}/requests',
    rule: 'community.moderate',
    call: async (f, t, who) => ({ path: `/api/groups/${await moderatedGroup(f, t, who, true)}/requests` }),
  },
  {
    method: 'patch',
    path: '/api/groups/{id}/requests/{requestId}',
    rule: 'community.moderate',
    call: async (f, t, who) => {
      const { groupId, requestId } = await pendingRequest(f, t, who);
      return { path: `/api/groups/${groupId}/requests/${requestId}`, body: { status: 'approved' } };
    },
  },
  {
    method: 'get',
    path: '/api/groups/{id}/threads',
    rule: 'community.read',
    call: async (f, t) => ({ path: `/api/groups/${await openGroup(f, t)}/threads` }),
  },
  {
    method: 'post',
    path: '/api/groups/{id}/threads',
    rule: 'community.post',
    call: async (f, t) => ({
      path: `/api/groups/${await openGroup(f, t)}/threads`,
      body: { title: 'Benefits advice waiting lists', body: 'Where are people getting help while they wait?' },
    }),
  },
  {
    method: 'post',
    path: '/api/groups/{id}/attachments',
    rule: 'community.post',
    call: async (f, t) => ({ path: `/api/groups/${await openGroup(f, t)}/attachments`, attach: true }),
  },
  {
    method: 'post',
    path: '/api/groups/{id}/preview',
    rule: 'community.post',
    call: async (f, t) => ({
      path: `/api/groups/${await openGroup(f, t)}/preview`,
      body: { body: 'Thanks @Test participant: **very** helpful' },
    }),
  },
  {
    method: 'get',
    path: '/api/threads/{id}',
    rule: 'community.read',
    call: async (f, t) => ({ path: `/api/threads/${(await newThread(f, t)).threadId}` }),
  },
  {
    method: 'patch',
    path: '/api/threads/{id}',
    rule: 'community.post',
    call: async (f, t, who) => ({
      path: `/api/threads/${(await newThread(f, t, await moderatedGroup(f, t, who))).threadId}`,
      body: { title: 'Walking groups: what keeps people going' },
    }),
  },
  {
    method: 'post',
    path: '/api/threads/{id}/move',
    rule: 'community.moderate',
    call: async (f, t, who) => ({
      path: `/api/threads/${(await newThread(f, t, await moderatedGroup(f, t, who))).threadId}/move`,
      body: { groupId: await moderatedGroup(f, t, who) },
    }),
  },
  {
    method: 'get',
    path: '/api/threads/{id}/posts',
    rule: 'community.read',
    call: async (f, t) => ({ path: `/api/threads/${(await newThread(f, t)).threadId}/posts` }),
  },
  {
    method: 'post',
    path: '/api/threads/{id}/posts',
    rule: 'community.post',
    call: async (f, t) => ({
      path: `/api/threads/${(await newThread(f, t)).threadId}/posts`,
      body: { body: 'Thank you, that helps.' },
    }),
  },
  {
    method: 'post',
    path: '/api/threads/{id}/read',
    rule: 'community.read',
    noBody: true,
    call: async (f, t) => ({ path: `/api/threads/${(await newThread(f, t)).threadId}/read` }),
  },
  {
    method: 'get',
    path: '/api/sessions/{id}/threads',
    rule: 'community.read',
    call: (f) => ({ path: `/api/sessions/${f.session}/threads` }),
  },
  {
    method: 'get',
    path: '/api/cases/{id}/threads',
    rule: 'community.read',
    call: async (f, t) => ({ path: `/api/cases/${await newCase(f, t, null)}/threads` }),
  },
  {
    method: 'patch',
    path: '/api/posts/{id}',
    rule: 'community.post',
    call: async (f, t, who) => ({
      path: `/api/posts/${(await newThread(f, t, await moderatedGroup(f, t, who))).replyId}`,
      body: { body: 'The buddy system (and a flask of tea) made the difference.' },
    }),
  },
  {
    method: 'delete',
    path: '/api/posts/{id}',
    rule: 'community.post',
    call: async (f, t, who) => ({
      path: `/api/posts/${(await newThread(f, t, await moderatedGroup(f, t, who))).replyId}`,
    }),
  },
  {
    method: 'get',
    path: '/api/posts/{id}/revisions',
    rule: 'community.read',
    call: async (f, t) => ({ path: `/api/posts/${(await newThread(f, t)).replyId}/revisions` }),
  },
  {
    method: 'put',
    path: '/api/posts/{id}/reactions',
    rule: 'community.post',
    call: async (f, t) => ({
      path: `/api/posts/${(await newThread(f, t)).replyId}/reactions`,
      body: { emoji: '👍', active: true },
    }),
  },
  {
    method: 'put',
    path: '/api/posts/{id}/bookmark',
    rule: 'community.read',
    noBody: true,
    call: async (f, t) => ({ path: `/api/posts/${(await newThread(f, t)).replyId}/bookmark` }),
  },
  {
    method: 'delete',
    path: '/api/posts/{id}/bookmark',
    rule: 'community.read',
    call: async (f, t) => ({ path: `/api/posts/${(await newThread(f, t)).replyId}/bookmark` }),
  },
  {
    method: 'post',
    path: '/api/posts/{id}/flags',
    rule: 'community.read',
    call: async (f, t) => ({
      path: `/api/posts/${(await newThread(f, t)).replyId}/flags`,
      body: { reason: 'off_topic', note: 'Belongs in the walking group thread' },
    }),
  },
  {
    method: 'delete',
    path: '/api/posts/{id}/flags',
    rule: 'community.moderate',
    call: async (f, t, who) => ({
      path: `/api/posts/${(await newThread(f, t, await moderatedGroup(f, t, who))).replyId}/flags`,
    }),
  },
  {
    method: 'post',
    path: '/api/posts/{id}/hide',
    rule: 'community.moderate',
    call: async (f, t, who) => ({
      path: `/api/posts/${(await newThread(f, t, await moderatedGroup(f, t, who))).replyId}/hide`,
      body: { reason: 'Contains a patient identifier' },
    }),
  },
  {
    method: 'post',
    path: '/api/posts/{id}/restore',
    rule: 'community.moderate',
    noBody: true,
    call: async (f, t, who) => ({ path: `/api/posts/${await hiddenPost(f, t, who)}/restore` }),
  },
  {
    method: 'get',
    path: '/api/attachments/{id}',
    rule: 'community.read',
    call: async (f, t) => ({ path: `/api/attachments/${await attachment(f, t)}` }),
  },
  {
    method: 'get',
    path: '/api/programs/{id}/community/search',
    rule: 'community.read',
    call: (f) => ({ path: `/api/programs/${f.program}/community/search?q=walking` }),
  },
  {
    method: 'get',
    path: '/api/programs/{id}/community/bookmarks',
    rule: 'community.read',
    call: (f) => ({ path: `/api/programs/${f.program}/community/bookmarks` }),
  },
  {
    method: 'get',
    path: '/api/programs/{id}/community/flags',
    rule: 'community.moderate',
    call: async (f, t, who) => {
      await moderatedGroup(f, t, who);
      return { path: `/api/programs/${f.program}/community/flags` };
    },
  },
  {
    method: 'get',
    path: '/api/programs/{id}/community/audit',
    rule: 'community.moderate',
    call: async (f, t, who) => {
      await moderatedGroup(f, t, who);
      return { path: `/api/programs/${f.program}/community/audit` };
    },
  },
  // issue 20 A: self-assessment, priorities and the learning plan; exchanges and mentoring
  {
    method: 'get',
    path: '/api/programs/{id}/assessment/templates',
    rule: 'assessment.read',
    call: (f) => ({ path: `/api/programs/${f.program}/assessment/templates` }),
  },
  {
    method: 'post',
    path: '/api/programs/{id}/assessment/templates',
    rule: 'assessment.manage',
    call: (f) => ({
      path: `/api/programs/${f.program}/assessment/templates`,
      body: { name: 'Our model', dimensions: ['Vision', 'Data', 'Skills'].map((name) => ({ name, description: '' })) },
    }),
  },
  {
    method: 'put',
    path: '/api/programs/{id}/assessment/templates/{templateId}',
    rule: 'assessment.manage',
    call: async (f, t) => ({
      path: `/api/programs/${f.program}/assessment/templates/${(await programmeTargets(f, t)).template}`,
      body: {
        name: 'Our model, v2',
        dimensions: ['Vision', 'Data', 'People'].map((name) => ({ name, description: '' })),
      },
    }),
  },
  {
    method: 'get',
    path: '/api/programs/{id}/assessment/rounds',
    rule: 'assessment.read',
    call: (f) => ({ path: `/api/programs/${f.program}/assessment/rounds` }),
  },
  {
    method: 'post',
    path: '/api/programs/{id}/assessment/rounds',
    rule: 'assessment.manage',
    call: (f) => ({
      path: `/api/programs/${f.program}/assessment/rounds`,
      body: { title: 'Baseline 2026', templateId: 'scirocco-b3' },
    }),
  },
  {
    method: 'get',
    path: '/api/programs/{id}/assessment/rounds/{roundId}',
    rule: 'assessment.read',
    call: async (f, t) => ({
      path: `/api/programs/${f.program}/assessment/rounds/${(await programmeTargets(f, t)).round}`,
    }),
  },
  {
    method: 'put',
    path: '/api/programs/{id}/assessment/rounds/{roundId}/answer',
    rule: 'assessment.answer',
    call: async (f, t) => ({
      path: `/api/programs/${f.program}/assessment/rounds/${(await programmeTargets(f, t)).round}/answer`,
      body: { scores: [2, 3, 1, 2, 1, 2, 1, 2, 1, 2, 2, 3] },
    }),
  },
  {
    method: 'post',
    path: '/api/programs/{id}/assessment/rounds/{roundId}/priorities',
    rule: 'assessment.manage',
    call: async (f, t) => ({
      path: `/api/programs/${f.program}/assessment/rounds/${(await programmeTargets(f, t)).round}/priorities`,
      body: { dimension: 11, title: 'Skills for integrated teams' },
    }),
  },
  {
    method: 'post',
    path: '/api/programs/{id}/assessment/priorities/{priorityId}/activities',
    rule: 'assessment.manage',
    call: async (f, t) => {
      const { priority, member } = await programmeTargets(f, t);
      return {
        path: `/api/programs/${f.program}/assessment/priorities/${priority}/activities`,
        body: {
          kind: 'session',
          title: 'Shared records session',
          sessionId: f.session,
          ownerId: member,
          dueOn: '2026-06-02',
        },
      };
    },
  },
  {
    method: 'get',
    path: '/api/programs/{id}/learning-activities',
    rule: 'exchanges.read',
    call: (f) => ({ path: `/api/programs/${f.program}/learning-activities` }),
  },
  {
    method: 'post',
    path: '/api/programs/{id}/learning-activities',
    rule: 'exchanges.log',
    call: async (f, t) => ({
      path: `/api/programs/${f.program}/learning-activities`,
      body: exchangeBody((await programmeTargets(f, t)).member),
    }),
  },
  {
    method: 'get',
    path: '/api/programs/{id}/mentoring-pairs',
    rule: 'exchanges.read',
    call: (f) => ({ path: `/api/programs/${f.program}/mentoring-pairs` }),
  },
  {
    method: 'post',
    path: '/api/programs/{id}/mentoring-pairs',
    rule: 'exchanges.manage',
    call: async (f, t) => {
      const mentor = await account(t.app, 'mentor');
      await addMember(t.app, f.program, mentor.id, 'expert');
      return {
        path: `/api/programs/${f.program}/mentoring-pairs`,
        body: { mentorId: mentor.id, menteeId: (await programmeTargets(f, t)).member },
      };
    },
  },
  // issue 20: co-production roles, accessibility needs, payments and expenses
  {
    method: 'get',
    path: '/api/sessions/{id}/coproduction-roles',
    rule: 'coproduction.read',
    call: (f) => ({ path: `/api/sessions/${f.session}/coproduction-roles` }),
  },
  {
    method: 'post',
    path: '/api/sessions/{id}/coproduction-roles',
    rule: 'coproduction.manage',
    call: async (f, t) => ({
      path: `/api/sessions/${f.session}/coproduction-roles`,
      body: { userId: await coproducer(f, t), role: 'lived_experience_expert' },
    }),
  },
  {
    method: 'delete',
    path: '/api/sessions/{id}/coproduction-roles/{userId}',
    rule: 'coproduction.manage',
    call: async (f, t) => ({ path: `/api/sessions/${f.session}/coproduction-roles/${await coproducer(f, t)}` }),
  },
  {
    method: 'get',
    path: '/api/sessions/{id}/accessibility-needs',
    rule: 'accessibility.read',
    call: (f) => ({ path: `/api/sessions/${f.session}/accessibility-needs` }),
  },
  {
    method: 'get',
    path: '/api/groups/{id}/coproduction-roles',
    rule: 'coproduction.read',
    call: async (f, t) => ({ path: `/api/groups/${await openGroup(f, t)}/coproduction-roles` }),
  },
  {
    method: 'post',
    path: '/api/groups/{id}/coproduction-roles',
    rule: 'coproduction.manage',
    call: async (f, t) => ({
      path: `/api/groups/${await openGroup(f, t)}/coproduction-roles`,
      body: { userId: await coproducer(f, t), role: 'panel_member' },
    }),
  },
  {
    method: 'delete',
    path: '/api/groups/{id}/coproduction-roles/{userId}',
    rule: 'coproduction.manage',
    call: async (f, t) => {
      const group = await openGroup(f, t);
      return { path: `/api/groups/${group}/coproduction-roles/${await coproducer(f, t, group)}` };
    },
  },
  {
    method: 'get',
    path: '/api/programs/{id}/coproduction-payments',
    rule: 'payments.manage',
    call: (f) => ({ path: `/api/programs/${f.program}/coproduction-payments` }),
  },
  {
    method: 'post',
    path: '/api/programs/{id}/coproduction-payments',
    rule: 'payments.manage',
    call: async (f, t) => ({
      path: `/api/programs/${f.program}/coproduction-payments`,
      body: {
        userId: await coproducer(f, t),
        sessionId: f.session,
        date: '2026-06-09',
        hours: 2,
        amount: 50,
        currency: 'GBP',
        kind: 'payment',
      },
    }),
  },
  {
    method: 'patch',
    path: '/api/programs/{id}/coproduction-payments/{paymentId}',
    rule: 'payments.manage',
    call: async (f, t) => {
      const payment = await t.app.get(PaymentsService).record(
        f.program,
        {
          userId: await coproducer(f, t),
          activity: 'Interview panel',
          date: '2026-06-10',
          hours: 3,
          amount: 12.4,
          currency: 'GBP',
          kind: 'expenses',
        },
        adminUser(f),
      );
      return { path: `/api/programs/${f.program}/coproduction-payments/${payment.id}`, body: { status: 'paid' } };
    },
  },
  {
    method: 'get',
    path: '/api/programs/{id}/coproduction-payments.csv',
    rule: 'payments.manage',
    call: (f) => ({ path: `/api/programs/${f.program}/coproduction-payments.csv` }),
  },
  { method: 'get', path: '/api/notifications', rule: 'signedIn', call: () => ({ path: '/api/notifications' }) },
  {
    method: 'post',
    path: '/api/notifications/read',
    rule: 'signedIn',
    call: () => ({ path: '/api/notifications/read', body: { ids: [] } }),
  },
  // Last: it ends the caller's sign-in.
  {
    method: 'post',
    path: '/api/auth/logout',
    rule: 'signedIn',
    noBody: true,
    call: () => ({ path: '/api/auth/logout' }),
  },
];

/** A case with nothing identifying in it. */
export const cleanCase = {
  title: 'Low mood and isolation after a bereavement',
  presentingQuestion: 'How can we help her reconnect with groups she used to enjoy?',
  summary: 'Widowed last year; stopped going to her choir; GP referred for social prescribing.',
  ageBand: '75-84',
};

/** A DTLS fingerprint of the right shape (sha-256, 32 bytes). */
const FINGERPRINT = Array.from({ length: 32 }, () => 'AB').join(':');

/** Each caller's open connection test, per app: reused while open (a person may open only a few a minute). */
const openTests = new WeakMap<TestApp, Map<string, string>>();

/** A connection test (test transport) of the caller's own, or a random id for anonymous callers (refused first). */
async function connectionTest(t: TestApp, who: Account | null): Promise<string> {
  if (!who) return '00000000-0000-4000-8000-000000000000';
  const user = { id: who.id, email: who.email, displayName: 'Tester', isAdmin: false, sessionId: '' };
  const tests = t.app.get(ConnectionTestService);
  const mine = openTests.get(t) ?? new Map<string, string>();
  openTests.set(t, mine);
  const known = mine.get(who.id);
  try {
    if (known && tests.status(user, known)) return known;
  } catch {
    // closed (a newer test, DELETE, or its minute is up): open another
  }
  const id = (await tests.open(user)).transport.id;
  mine.set(who.id, id);
  return id;
}

const presenterOf = (f: Fixture, who: Account | null) => {
  const presenter = who ?? f.admin;
  return { id: presenter.id, email: presenter.email, displayName: 'Presenter', isAdmin: false, sessionId: '' };
};

/** A fresh case in the fixture session, presented by `who` (the admin when null). */
async function newCase(f: Fixture, t: TestApp, who: Account | null): Promise<string> {
  return (await t.app.get(CasesService).submit(f.session, cleanCase, presenterOf(f, who))).id;
}

/** A PDF attached to a fresh case presented by `who` (the admin when null). */
async function caseAttachment(f: Fixture, t: TestApp, who: Account | null) {
  const caseId = await newCase(f, t, who);
  const buffer = tinyPdf('walking plan');
  const file = { originalname: 'walking-plan.pdf', size: buffer.length, buffer };
  const caller = { user: presenterOf(f, who), manager: false };
  return t.app.get(CaseAttachmentsService).upload(caseId, file as Express.Multer.File, caller);
}

const feedPath = (url: string) => url.replace(/^https?:\/\/[^/]+/, '');

async function inviteToken(f: Fixture, t: TestApp, program = f.program): Promise<string> {
  const inv = await t.app.get(ProgramsService).createInvitation(
    program,
    { role: 'participant' },
    {
      id: f.admin.id,
      email: f.admin.email,
      displayName: 'Admin',
      isAdmin: true,
      sessionId: '',
    },
  );
  return inv.inviteUrl?.split('/').pop() ?? '';
}

export interface Setup {
  f: Fixture;
  callers: Map<Caller, Account | null>;
}

/** A program with one member per role, a stranger, an admin, a second program, a session with slides. */
export async function setupFixture(t: TestApp): Promise<Setup> {
  const admin = await account(t.app, 'admin');
  const programs = t.app.get(ProgramsService);
  const program = (await programs.create({ name: 'Social Prescribing ECHO' })).id;
  const otherProgram = (await programs.create({ name: 'Dementia Care ECHO' })).id;
  const callers = new Map<Caller, Account | null>();
  callers
    .set('anonymous', null)
    .set('admin', admin)
    .set('stranger', await account(t.app, 'stranger'));
  for (const role of ['participant', 'expert', 'coordinator', 'facilitator'] as const) {
    const a = await account(t.app, role);
    await addMember(t.app, program, a.id, role);
    callers.set(role, a);
  }
  const created = await t.app.get(SessionsService).create(
    program,
    {
      title: 'Session 1',
      startsAt: '2026-06-02T12:30:00+01:00',
      durationMinutes: 90,
      agenda: [{ kind: 'didactic', title: 'Talk', minutes: 15 }],
    },
    null,
  );
  const recording = await fakeRecording(t, program, created.id);
  const f = { program, otherProgram, session: created.id, item: created.agenda[0].id, recording, admin };
  await t.app.get(SessionsService).uploadSlides(f.session, f.item, slidesFile());
  return { f, callers };
}

/** A finished recording row with a (small) file in storage, as the recorder leaves them. */
export async function fakeRecording(
  t: TestApp,
  programId: string,
  sessionId: string,
  bytes: Buffer = Buffer.alloc(4096, 1),
): Promise<string> {
  await t.app.get(StorageService).put('recordings/fixture.webm', bytes, { contentType: 'video/webm' });
  const repo = t.app.get(DataSource).getRepository(Recording);
  const row = await repo.save(
    repo.create({
      programId,
      sessionId,
      title: 'Goal setting',
      presenterName: 'Helen Watson',
      kind: 'didactic',
      status: 'complete',
      file: 'fixture.webm',
      startedAt: new Date().toISOString(),
      endedAt: new Date().toISOString(),
      sizeBytes: bytes.length,
      consent: null,
      error: null,
    }),
  );
  return row.id;
}

export function slidesFile(): Express.Multer.File {
  return { originalname: 'talk.pdf', buffer: tinyPdf('slides') } as Express.Multer.File;
}

/** The fixture program's registration form (made once per app), open: its program id. */
async function registrationForm(f: Fixture, t: TestApp): Promise<string> {
  await t.app.get(RegistrationService).saveForm(f.program, { title: 'Register', open: true }, f.admin);
  return f.program;
}
