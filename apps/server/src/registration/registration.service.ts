import {
  type ParticipationType,
  type RegistrationResponse,
  type RegistrationDto,
  type RegistrationFormDto,
  type RegistrationFunnel,
} from '@echo-hub/protocol';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { DomainError, ErrorKind, invalidField, notFound } from '../common/domain-error';
import { RateLimitService } from '../common/rate-limit.service';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { nowIso } from '../database/columns';
import { JobsService } from '../jobs/jobs.service';
import { MailService } from '../mail/mail.service';
import { ProgramsService } from '../programs/programs.service';
import { ImpactService } from '../impact';
import type { EchoSession } from '../sessions';
import type { RegistrationSubmitDto, SaveRegistrationFormDto } from './dto/registration.dto';
import type { RegistrationForm } from './entities/registration-form.entity';
import type { Registration } from './entities/registration.entity';
import { type FunnelPerson, funnelBy, funnelOf } from './funnel';
import { RegistrationRecords } from './registration.records';

/** Registrations per client address in 10 minutes (the public form; a team registering together fits). */
export const REGISTRATIONS_PER_ADDRESS = 20;
/** Reminders go out for sessions starting within this time. */
const REMIND_AHEAD_MS = 24 * 3_600_000;

const PARTICIPATION_LABELS: Record<ParticipationType, string> = {
  staff: 'Staff',
  volunteer: 'Volunteer',
  service_user: 'Service user',
  carer: 'Carer',
};

/**
 * Public registration for a program (or one of its series) through a form its coordinator configures; each
 * registration is sent an invitation, reminded of the next session if they agreed to be contacted, and followed
 * through the funnel: registered → attended → completed the series → certified.
 */
@Injectable()
export class RegistrationService implements OnModuleInit {
  constructor(
    private readonly records: RegistrationRecords,
    private readonly programs: ProgramsService,
    private readonly impact: ImpactService,
    private readonly mail: MailService,
    private readonly rateLimits: RateLimitService,
    private readonly jobs: JobsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.jobs.every('registration.reminders', 15 * 60_000, () => this.sendReminders());
  }

  /** The form as the public sees it (404 while none is configured or it is closed, unless `manager`). */
  async form(programId: string, manager = false): Promise<RegistrationFormDto> {
    const form = await this.records.form(programId);
    if (!form || (!form.open && !manager)) throw notFound(`registration form of program ${programId}`);
    return this.toFormDto(form);
  }

  async saveForm(programId: string, dto: SaveRegistrationFormDto, by: { id: string }): Promise<RegistrationFormDto> {
    if (dto.seriesId && !(await this.records.seriesInProgram(dto.seriesId, programId))) {
      throw invalidField('seriesId', 'not a series of this program');
    }
    const existing = await this.records.form(programId);
    const form = await this.records.saveForm(
      existing,
      { programId, createdById: by.id, questions: [] },
      {
        title: dto.title,
        intro: dto.intro ?? existing?.intro ?? '',
        seriesId: dto.seriesId === undefined ? (existing?.seriesId ?? null) : dto.seriesId,
        askAccessibility: dto.askAccessibility ?? existing?.askAccessibility ?? true,
        completionSessions: dto.completionSessions ?? existing?.completionSessions ?? 6,
        open: dto.open ?? existing?.open ?? true,
        ...(dto.questions
          ? {
              questions: dto.questions.map((q, i) => ({
                id: `q${i + 1}`,
                label: q.label,
                required: q.required ?? false,
                options: q.options ?? [],
              })),
            }
          : {}),
      },
    );
    return this.toFormDto(form);
  }

  /** Someone registers through the public form: a registration row and an invitation to the program. */
  async register(programId: string, dto: RegistrationSubmitDto, clientIp: string): Promise<RegistrationResponse> {
    const limit = await this.rateLimits.consume(`register:${clientIp}`, REGISTRATIONS_PER_ADDRESS, 10 * 60_000);
    if (!limit.allowed) {
      throw new DomainError(ErrorKind.RateLimited, 'RATE_LIMITED', 'Too many registrations from this address', {
        retryAfterSeconds: limit.retryAfterSeconds,
      });
    }
    const form = await this.records.form(programId, true);
    if (!form) throw notFound(`registration form of program ${programId}`);
    if (dto.siteId && !(await this.records.siteInProgram(dto.siteId, programId))) {
      throw invalidField('siteId', 'not a site of this program');
    }
    const answers = dto.answers ?? [];
    form.questions.forEach((q) => {
      const a = answers.find((x) => x.questionId === q.id);
      if (q.required && !a?.answer) throw invalidField(`answers.${q.id}`, `“${q.label}” needs an answer`);
      if (a && q.options.length && !q.options.includes(a.answer)) {
        throw invalidField(`answers.${q.id}`, `choose one of: ${q.options.join(', ')}`);
      }
    });
    const unknown = answers.find((a) => !form.questions.some((q) => q.id === a.questionId));
    if (unknown) throw invalidField('answers', `${unknown.questionId} is not a question of this form`);

    await this.records.addRegistration({
      programId,
      name: dto.name,
      email: dto.email,
      siteId: dto.siteId ?? null,
      profession: dto.profession || null,
      participationType: dto.participationType,
      answers,
      consentToContact: dto.consentToContact,
      accessibilityNeeds: form.askAccessibility ? (dto.accessibilityNeeds ?? '') : '',
      remindedSessionId: null,
      remindedAt: null,
    });
    // The same answer whether or not the address has an account or registered before (no enumeration).
    const inviter = await this.records.user(form.createdById);
    const invitation = await this.programs.createInvitation(
      programId,
      { email: dto.email, role: 'participant', siteId: dto.siteId },
      {
        id: form.createdById,
        email: inviter?.email ?? '',
        displayName: inviter?.displayName ?? 'The hub team',
        isAdmin: false,
        sessionId: '',
      },
    );
    return { emailed: invitation.emailed ?? false };
  }

  async list(programId: string): Promise<RegistrationDto[]> {
    const rows = await this.records.registrations(programId);
    const sites = await this.sitesOf(programId);
    const joined = await this.records.accountsOf(rows.map((r) => r.email));
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      email: r.email,
      siteName: r.siteId ? (sites.get(r.siteId) ?? null) : null,
      profession: r.profession,
      participationType: r.participationType,
      consentToContact: r.consentToContact,
      accessibilityNeeds: r.accessibilityNeeds,
      answers: r.answers,
      createdAt: r.createdAt,
      joined: joined.has(r.email),
    }));
  }

  /** Registered → attended at least one session → completed the series → certified, by site, role and type. */
  async funnel(programId: string): Promise<RegistrationFunnel> {
    const form = await this.records.form(programId);
    const completionSessions = form?.completionSessions ?? 6;
    const rows = await this.records.registrations(programId, 'ASC');
    // One person per e-mail address: their first registration.
    const byEmail = new Map<string, Registration>();
    for (const r of rows) if (!byEmail.has(r.email)) byEmail.set(r.email, r);
    const accounts = await this.records.accountsOf([...byEmail.keys()]);
    const present = (await this.impact.presentRecords(programId)).filter(
      (r) => !form?.seriesId || r.session.seriesId === form.seriesId,
    );
    const certified = await this.records.certifiedUserIds(programId);
    const people: FunnelPerson[] = [...byEmail.values()].map((r) => {
      const userId = accounts.get(r.email);
      const own = userId ? present.filter((p) => p.userId === userId) : [];
      return {
        siteKey: r.siteId,
        roleKey: r.profession,
        participationType: r.participationType,
        attended: own.length > 0,
        completed: own.filter((p) => p.learningExperience).length >= completionSessions,
        certified: userId !== undefined && certified.has(userId),
      };
    });
    const sites = await this.sitesOf(programId);
    return {
      completionSessions,
      ...funnelOf(people),
      bySite: funnelBy(
        people,
        (p) => p.siteKey,
        (k) => (k ? (sites.get(k) ?? 'Unknown site') : 'No site given'),
      ),
      byRole: funnelBy(
        people,
        (p) => p.roleKey,
        (k) => k ?? 'Not given',
      ),
      byParticipationType: funnelBy(
        people,
        (p) => p.participationType,
        (k) => (k ? PARTICIPATION_LABELS[k as ParticipationType] : 'Not given'),
      ),
    };
  }

  /**
   * Reminds those who registered and agreed to be contacted of their program's next session starting within a
   * day (once per session). Returns how many were sent.
   */
  async sendReminders(now = Date.now()): Promise<number> {
    if (!this.mail.enabled) return 0;
    const soon = await this.records.upcomingSessions(new Date(now).toISOString());
    const next = new Map<string, EchoSession>();
    for (const s of soon) {
      if (Date.parse(s.startsAt) - now <= REMIND_AHEAD_MS && !next.has(s.programId)) next.set(s.programId, s);
    }
    if (!next.size) return 0;
    const due = await this.records.contactable([...next.keys()]);
    const programs = await this.records.programs([...next.keys()]);
    let sent = 0;
    for (const r of due) {
      const session = next.get(r.programId) as EchoSession;
      if (r.remindedSessionId === session.id) continue;
      const program = programs.get(r.programId);
      const when = new Intl.DateTimeFormat('en-GB', {
        dateStyle: 'full',
        timeStyle: 'short',
        timeZone: program?.timeZone ?? 'UTC',
      }).format(new Date(session.startsAt));
      const ok = await this.mail.send(
        r.email,
        `Reminder: ${session.title}, ${when}`,
        `Dear ${r.name},\n\nYou registered for ${program?.name ?? 'an ECHO programme'}. The next session, ` +
          `"${session.title}", starts ${when}.\n\nJoin it here (sign in first): ` +
          `${this.config.publicUrl}/sessions/${session.id}/live\n`,
      );
      if (!ok) continue;
      await this.records.markReminded(r.id, session.id, nowIso());
      sent++;
    }
    return sent;
  }

  private async toFormDto(form: RegistrationForm): Promise<RegistrationFormDto> {
    const program = await this.records.programOrFail(form.programId);
    const sites = await this.records.sites(form.programId);
    return {
      id: form.id,
      programId: form.programId,
      programName: program.name,
      seriesId: form.seriesId,
      title: form.title,
      intro: form.intro,
      questions: form.questions,
      askAccessibility: form.askAccessibility,
      completionSessions: form.completionSessions,
      open: form.open,
      sites: sites.map((s) => ({ id: s.id, organisation: s.organisation })),
    };
  }

  private async sitesOf(programId: string): Promise<Map<string, string>> {
    return new Map((await this.records.sites(programId)).map((s) => [s.id, s.organisation]));
  }
}
