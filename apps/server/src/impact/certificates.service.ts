import type { CertificatePeriodDto, CertificateVerification } from '@echo-hub/protocol';
import { Inject, Injectable } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { isLearningExperience, toHours, toMinutes } from './attendance-math';
import { certificatePdf } from './certificate-pdf';
import { invalid, notFound, nothingToCertify, tooFewSessions } from './impact.errors';
import { ImpactRecords } from './impact.records';
import { ImpactService, type PersonSession } from './impact.service';
import { monthOf, parsePeriod } from './periods';

/** No 0/O, 1/I/L: codes are read off paper and typed in. */
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const CODE_CHARS = /^[2-9A-HJKMNP-Z]{12}$/;

/**
 * A code as printed (`ABCD-EFGH-JKMN`) from the way people type it: any case, with or without dashes or spaces.
 * Null when it cannot be a code.
 */
export function normaliseCode(typed: string): string | null {
  const chars = typed.toUpperCase().replace(/[\s\-\u2010-\u2015]/g, '');
  return CODE_CHARS.test(chars) ? `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}` : null;
}

interface Figures {
  sessions: number;
  minutes: number;
  learned: PersonSession[];
}

/** Attendance certificates per person per month or year, and their public verification. */
@Injectable()
export class CertificatesService {
  constructor(
    private readonly records: ImpactRecords,
    private readonly impact: ImpactService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The months and years in which a person has learning experiences, newest first, with any certificate issued. */
  async periods(programId: string, userId: string): Promise<CertificatePeriodDto[]> {
    const { program, records } = await this.impact.personRecords(programId, userId);
    const learned = records.filter(certifiable(program));
    const months = [...new Set(learned.map((r) => monthOf(r.session.startsAt, program.timeZone)))];
    const keys = [...months, ...new Set(months.map((m) => m.slice(0, 4)))].sort((a, b) => b.localeCompare(a));
    const issued = await this.records.certificates(programId, userId);
    return keys.map((key) => {
      const period = parsePeriod(key, program.timeZone);
      const f = figures(
        learned.filter((r) => period && r.session.startsAt >= period.start && r.session.startsAt < period.end),
      );
      const match = issued.find((c) => c.period === key && c.sessions === f.sessions && c.minutes === f.minutes);
      return {
        period: key,
        label: period?.label ?? key,
        sessions: f.sessions,
        minutes: f.minutes,
        hours: toHours(f.minutes * 60_000),
        code: match?.code ?? null,
        sessionsNeeded: program.certificateMinSessions,
      };
    });
  }

  /**
   * The certificate PDF of `holderId` for `periodKey`: the one already issued with the same
   * figures, or a new one with a new code (an earlier code keeps verifying what it printed).
   */
  async pdf(
    programId: string,
    periodKey: string,
    holderId: string,
  ): Promise<{ name: string; code: string; bytes: Buffer }> {
    const { program, records } = await this.impact.personRecords(programId, holderId);
    const period = parsePeriod(periodKey, program.timeZone);
    if (!period) throw invalid('period', 'period must be a month (YYYY-MM) or a year (YYYY)');
    const f = figures(
      records
        .filter(certifiable(program))
        .filter((r) => r.session.startsAt >= period.start && r.session.startsAt < period.end),
    );
    if (!f.sessions) throw nothingToCertify(period.label);
    if (f.sessions < program.certificateMinSessions) {
      throw tooFewSessions(period.label, f.sessions, program.certificateMinSessions);
    }
    let certificate = await this.records.issued({
      programId,
      userId: holderId,
      period: period.key,
      sessions: f.sessions,
      minutes: f.minutes,
    });
    if (!certificate) {
      const holder = await this.records.user(holderId);
      if (!holder) throw notFound(`user ${holderId}`);
      const topics = await this.topics(f.learned.map((r) => r.session.id));
      certificate = await this.records.addCertificate({
        code: await this.freshCode(),
        programId,
        userId: holderId,
        period: period.key,
        holderName: holder.displayName,
        programName: program.name,
        sessions: f.sessions,
        minutes: f.minutes,
        sessionList: f.learned.map((r) => ({
          startsAt: r.session.startsAt,
          title: [r.session.title, ...(topics.get(r.session.id) ?? [])].join(': '),
          minutes: toMinutes(r.ms),
        })),
      });
    }
    const bytes = await certificatePdf({
      certificate,
      periodLabel: period.label,
      timeZone: program.timeZone,
      verifyUrl: `${this.config.publicUrl}/certificates/verify/${certificate.code}`,
    });
    return { name: `echo-certificate-${period.key}-${certificate.code}.pdf`, code: certificate.code, bytes };
  }

  /** Public: who, what, how many hours — nothing else (no email, no account id, no session list). */
  async verify(code: string): Promise<CertificateVerification> {
    const normalised = normaliseCode(code);
    const c = normalised ? await this.records.certificateByCode(normalised) : null;
    if (!c) throw notFound(`certificate ${code.slice(0, 20)}`);
    return {
      valid: true,
      code: c.code,
      holder: c.holderName,
      program: c.programName,
      period: c.period,
      // A period's name does not depend on the time zone.
      periodLabel: parsePeriod(c.period, 'UTC')?.label ?? c.period,
      sessions: c.sessions,
      hours: toHours(c.minutes * 60_000),
      issuedAt: c.createdAt,
    };
  }

  /** The teaching (didactic) titles of each session, which a CPD record names. */
  private async topics(sessionIds: string[]): Promise<Map<string, string[]>> {
    const items = await this.records.didacticItems(sessionIds);
    const bySession = new Map<string, string[]>();
    for (const i of items) bySession.set(i.sessionId, [...(bySession.get(i.sessionId) ?? []), i.title]);
    return bySession;
  }

  private async freshCode(): Promise<string> {
    for (;;) {
      const chars = Array.from({ length: 12 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
      const code = `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
      if (!(await this.records.codeTaken(code))) return code;
    }
  }
}

/** The program's certificate rule: a session counts when at least its share of the scheduled time was attended. */
const certifiable =
  (program: { certificateShare: number }) =>
  (r: PersonSession): boolean =>
    isLearningExperience(r.ms, r.session.durationMinutes, program.certificateShare);

function figures(learned: PersonSession[]): Figures {
  return {
    sessions: learned.length,
    minutes: toMinutes(learned.reduce((n, r) => n + r.ms, 0)),
    learned,
  };
}
