import {
  type ImpactFilters,
  LEARNING_ACTIVITY_KINDS,
  LEARNING_ACTIVITY_LABELS,
  type LearningActivityDto,
  type LearningActivityFigures,
  type LearningActivityRequest,
  type MentoringPairDto,
  type MentoringPairRequest,
} from '@echo-hub/protocol';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { AuthUser } from '../auth/auth.types';
import { invalidField } from '../common/domain-error';
import { gate } from '../deid';
import { ImpactService } from '../impact';
import type { LearningActivity } from './entities/learning-activity.entity';
import { ExchangeRecords, FIGURE_INPUTS } from './exchanges.records';

/** Exchanges, job-shadowing, study visits, expert missions, secondments and mentoring: logged, listed, counted. */
@Injectable()
export class ExchangesService implements OnModuleInit {
  constructor(
    private readonly records: ExchangeRecords,
    private readonly impact: ImpactService,
  ) {}

  /** The impact report counts these beside session attendance; impact knows no exchanges (inverted). */
  onModuleInit(): void {
    this.impact.provideLearningActivities((programId, filters) => this.figures(programId, filters), FIGURE_INPUTS);
  }

  async list(programId: string): Promise<LearningActivityDto[]> {
    const rows = await this.records.activities(programId);
    const names = await this.names(rows.flatMap((r) => r.participantIds));
    return rows.map((r) => activityDto(r, names));
  }

  /** Logs an activity; the reflection passes the de-identification gate (the participants' names are not flagged). */
  async log(programId: string, body: LearningActivityRequest, user: AuthUser): Promise<LearningActivityDto> {
    if (body.endsOn < body.startsOn) throw invalidField('endsOn', 'the activity ends on or after the day it starts');
    let participantIds = [...new Set(body.participantIds ?? [user.id])];
    let pairId: string | null = null;
    if (body.kind === 'mentoring') {
      if (!body.pairId) throw invalidField('pairId', 'a mentoring meeting names its pair');
      const pair = await this.records.pair(programId, body.pairId);
      if (!pair) throw invalidField('pairId', `no mentoring pair ${body.pairId} in this program`);
      pairId = pair.id;
      participantIds = [pair.mentorId, pair.menteeId];
    } else if (body.pairId) {
      throw invalidField('pairId', 'only a mentoring meeting has a pair');
    }
    const members = await this.records.countMembers(programId, participantIds);
    if (members !== participantIds.length) throw invalidField('participantIds', 'every participant must be a member');
    const names = await this.names(participantIds);
    const reflection = body.reflection ?? '';
    const confirmedFindings = gate(
      { reflection },
      (body.confirmedSpans ?? []).map((s) => ({ ...s, field: 'reflection' as const })),
      { knownPeople: [user.displayName, ...names.values()] },
    );
    const saved = await this.records.addActivity({
      programId,
      kind: body.kind,
      title: body.title,
      place: body.place,
      startsOn: body.startsOn,
      endsOn: body.endsOn,
      hours: body.hours,
      participantIds,
      pairId,
      reflection,
      confirmedFindings,
      loggedBy: user.id,
    });
    return activityDto(saved, names);
  }

  async pairs(programId: string): Promise<MentoringPairDto[]> {
    const pairs = await this.records.pairs(programId);
    const meetings = await this.records.meetingsOf(
      programId,
      pairs.map((p) => p.id),
    );
    const names = await this.names(pairs.flatMap((p) => [p.mentorId, p.menteeId]));
    return pairs.map((p) => {
      const own = meetings.filter((m) => m.pairId === p.id);
      return {
        id: p.id,
        mentor: person(p.mentorId, names),
        mentee: person(p.menteeId, names),
        goals: p.goals,
        createdAt: p.createdAt,
        meetings: own.length,
        hours: round1(own.reduce((n, m) => n + m.hours, 0)),
        lastMetOn:
          own
            .map((m) => m.startsOn)
            .sort()
            .at(-1) ?? null,
      };
    });
  }

  async setUpPair(programId: string, body: MentoringPairRequest, user: AuthUser): Promise<MentoringPairDto> {
    if (body.mentorId === body.menteeId) throw invalidField('menteeId', 'a mentee is someone other than the mentor');
    for (const field of ['mentorId', 'menteeId'] as const) {
      if (!(await this.records.isMember(programId, body[field]))) {
        throw invalidField(field, 'must be a member of the program');
      }
    }
    const saved = await this.records.addPair({
      programId,
      mentorId: body.mentorId,
      menteeId: body.menteeId,
      goals: body.goals ?? '',
      createdBy: user.id,
    });
    return (await this.pairs(programId)).find((p) => p.id === saved.id) as MentoringPairDto;
  }

  /**
   * The impact report's block: one learning experience per participant per activity, in the period (by the day it
   * started) and for the people the filters keep (by their membership now).
   */
  async figures(programId: string, filters: ImpactFilters): Promise<LearningActivityFigures> {
    const from = filters.from?.slice(0, 10);
    const to = filters.to?.slice(0, 10);
    const rows = (await this.records.activities(programId)).filter(
      (r) => (!from || r.startsOn >= from) && (!to || r.startsOn <= to),
    );
    const members = new Map((await this.records.memberships(programId)).map((m) => [m.userId, m] as const));
    const kept = (userId: string) => {
      const m = members.get(userId);
      if (!filters.siteId && !filters.role && !filters.participationType) return true;
      return (
        m !== undefined &&
        (!filters.siteId || m.siteId === filters.siteId) &&
        (!filters.role || m.role === filters.role) &&
        (!filters.participationType || m.participationType === filters.participationType)
      );
    };
    const counted = rows
      .map((r) => ({ row: r, people: r.participantIds.filter(kept).length }))
      .filter((c) => c.people > 0);
    const sum = (list: typeof counted) => ({
      activities: list.length,
      learningExperiences: list.reduce((n, c) => n + c.people, 0),
      hours: round1(list.reduce((n, c) => n + c.people * c.row.hours, 0)),
    });
    return {
      ...sum(counted),
      byKind: LEARNING_ACTIVITY_KINDS.map((kind) => ({
        kind,
        label: LEARNING_ACTIVITY_LABELS[kind],
        ...sum(counted.filter((c) => c.row.kind === kind)),
      })).filter((k) => k.activities > 0),
    };
  }

  private async names(ids: string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    const users = await this.records.usersByIds(unique);
    return new Map(users.map((u) => [u.id, u.displayName]));
  }
}

const round1 = (n: number) => Math.round(n * 10) / 10;

const person = (id: string, names: Map<string, string>) => ({ id, displayName: names.get(id) ?? 'Former account' });

const activityDto = (r: LearningActivity, names: Map<string, string>): LearningActivityDto => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  place: r.place,
  startsOn: r.startsOn,
  endsOn: r.endsOn,
  hours: r.hours,
  participants: r.participantIds.map((id) => person(id, names)),
  pairId: r.pairId,
  reflection: r.reflection,
  loggedBy: r.loggedBy,
  createdAt: r.createdAt,
  confirmedFindings: r.confirmedFindings,
});
