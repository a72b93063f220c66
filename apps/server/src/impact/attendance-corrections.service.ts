import type { AttendanceCorrectionDto, CorrectAttendanceRequest } from '@echo-hub/protocol';
import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth.types';
import { invalid, notFound, sessionNotDelivered } from './impact.errors';
import { ImpactRecords } from './impact.records';
import { ImpactService } from './impact.service';

/**
 * A coordinator corrects one person's minutes at a session (joined on a colleague's device, dropped out for ten
 * minutes), with a reason. The attendance rows stay as written; the correction is a row of its own and an entry
 * in the program's audit log, and every figure (report, CSV, certificates) takes the latest correction.
 */
@Injectable()
export class AttendanceCorrectionsService {
  constructor(
    private readonly records: ImpactRecords,
    private readonly impact: ImpactService,
  ) {}

  async correct(sessionId: string, dto: CorrectAttendanceRequest, actor: AuthUser): Promise<AttendanceCorrectionDto> {
    const session = await this.records.session(sessionId);
    if (!session) throw notFound(`session ${sessionId}`);
    if (session.practice || (session.status !== 'live' && session.status !== 'ended')) throw sessionNotDelivered();
    const before = (await this.impact.sessionAttendance(sessionId)).find((r) => r.userId === dto.userId);
    if (!before) throw invalid('userId', 'this person is neither a member of the program nor an attendee');
    const saved = await this.records.addCorrection({
      sessionId,
      userId: dto.userId,
      minutesBefore: before.minutes,
      minutesAfter: dto.minutes,
      reason: dto.reason,
      correctedBy: actor.id,
    });
    await this.records.audit({
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
    });
    return (await this.list(sessionId)).find((c) => c.id === saved.id) as AttendanceCorrectionDto;
  }

  /** The corrections of a session, newest first. */
  async list(sessionId: string): Promise<AttendanceCorrectionDto[]> {
    if (!(await this.records.sessionExists(sessionId))) {
      throw notFound(`session ${sessionId}`);
    }
    const rows = await this.records.sessionCorrections(sessionId);
    const ids = [...new Set(rows.flatMap((r) => [r.userId, r.correctedBy]).filter((x): x is string => !!x))];
    const people = await this.records.users(ids);
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
