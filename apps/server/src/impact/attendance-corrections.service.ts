import type { AttendanceCorrectionDto, CorrectAttendanceRequest } from '@echo-hub/protocol';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { User } from '../auth/entities/user.entity';
import type { AuthUser } from '../auth/auth.types';
import { AuditEntry } from '../community';
import { NO_TX } from '../database/no-tx';
import { EchoSession } from '../sessions';
import { AttendanceCorrection } from './entities/attendance-correction.entity';
import { invalid, notFound, sessionNotDelivered } from './impact.errors';
import { ImpactService } from './impact.service';

/**
 * A coordinator corrects one person's minutes at a session (joined on a colleague's device, dropped out for ten
 * minutes), with a reason. The attendance rows stay as written; the correction is a row of its own and an entry
 * in the program's audit log, and every figure (report, CSV, certificates) takes the latest correction.
 */
@Injectable()
export class AttendanceCorrectionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly impact: ImpactService,
  ) {}

  async correct(sessionId: string, dto: CorrectAttendanceRequest, actor: AuthUser): Promise<AttendanceCorrectionDto> {
    const session = await this.db.getRepository(EchoSession).findOneBy({ id: sessionId });
    if (!session) throw notFound(`session ${sessionId}`);
    if (session.practice || (session.status !== 'live' && session.status !== 'ended')) throw sessionNotDelivered();
    const before = (await this.impact.sessionAttendance(sessionId)).find((r) => r.userId === dto.userId);
    if (!before) throw invalid('userId', 'this person is neither a member of the program nor an attendee');
    const repo = this.db.getRepository(AttendanceCorrection);
    const saved = await repo.save(
      repo.create({
        sessionId,
        userId: dto.userId,
        minutesBefore: before.minutes,
        minutesAfter: dto.minutes,
        reason: dto.reason,
        correctedBy: actor.id,
      }),
    );
    const audit = this.db.getRepository(AuditEntry);
    await audit.save(
      audit.create({
        programId: session.programId,
        groupId: null,
        threadId: null,
        actorId: actor.id,
        action: 'attendance.correct',
        targetType: 'attendance',
        targetId: saved.id,
        detail:
          `${before.displayName} at “${session.title}”: ${before.minutes} → ${dto.minutes} minutes ` +
          `(recorded ${before.recordedMinutes}). Reason: ${dto.reason}`,
      }),
      NO_TX,
    );
    return (await this.list(sessionId)).find((c) => c.id === saved.id) as AttendanceCorrectionDto;
  }

  /** The corrections of a session, newest first. */
  async list(sessionId: string): Promise<AttendanceCorrectionDto[]> {
    if (!(await this.db.getRepository(EchoSession).existsBy({ id: sessionId }))) {
      throw notFound(`session ${sessionId}`);
    }
    const rows = await this.db
      .getRepository(AttendanceCorrection)
      .find({ where: { sessionId }, order: { createdAt: 'DESC', id: 'DESC' } });
    const ids = [...new Set(rows.flatMap((r) => [r.userId, r.correctedBy]).filter((x): x is string => !!x))];
    const people = ids.length ? await this.db.getRepository(User).findBy({ id: In(ids) }) : [];
    const name = new Map(people.map((p) => [p.id, p.displayName]));
    return rows.map((r) => ({
      id: r.id,
      sessionId: r.sessionId,
      userId: r.userId,
      displayName: name.get(r.userId) ?? 'Former account',
      minutesBefore: r.minutesBefore,
      minutesAfter: r.minutesAfter,
      reason: r.reason,
      correctedBy: r.correctedBy ? { id: r.correctedBy, displayName: name.get(r.correctedBy) ?? '' } : null,
      createdAt: r.createdAt,
    }));
  }
}
