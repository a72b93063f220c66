import {
  type AssessmentRoundDto,
  type AssessmentRoundSummary,
  type AssessmentTemplateDto,
  type AssessmentTemplateRequest,
  type DimensionFigure,
  type OpenRoundRequest,
  type PlannedActivityDto,
  type PlannedActivityRequest,
  type PriorityDto,
  type PriorityRequest,
  SCIROCCO_B3_DIMENSIONS,
  SCIROCCO_B3_TEMPLATE_ID,
  type SiteResult,
} from '@echo-hub/protocol';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import type { AuthUser } from '../auth/auth.types';
import { User } from '../auth/entities/user.entity';
import { invalidField, notFound } from '../common/domain-error';
import { Membership } from '../programs/entities/membership.entity';
import { Site } from '../programs/entities/site.entity';
import { EchoSession, SessionSeries } from '../sessions';
import { AssessmentAnswer, AssessmentRound } from './entities/assessment-round.entity';
import { AssessmentTemplate } from './entities/assessment-template.entity';
import { PlannedActivity, Priority } from './entities/priority.entity';

const BUILT_IN: AssessmentTemplateDto = {
  id: SCIROCCO_B3_TEMPLATE_ID,
  name: 'SCIROCCO Exchange / B3 maturity model (12 dimensions)',
  builtIn: true,
  dimensions: SCIROCCO_B3_DIMENSIONS,
};

/** Self-assessment → priorities → learning plan: templates, rounds, answers, results, priorities, planned activities. */
@Injectable()
export class AssessmentService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  // ---- templates -------------------------------------------------------------------

  async templates(programId: string): Promise<AssessmentTemplateDto[]> {
    const own = await this.db
      .getRepository(AssessmentTemplate)
      .find({ where: { programId }, order: { createdAt: 'ASC' } });
    return [BUILT_IN, ...own.map(templateDto)];
  }

  async createTemplate(programId: string, body: AssessmentTemplateRequest): Promise<AssessmentTemplateDto> {
    const saved = await this.db
      .getRepository(AssessmentTemplate)
      .save(
        this.db
          .getRepository(AssessmentTemplate)
          .create({ programId, name: body.name, dimensions: dimensionsOf(body) }),
      );
    return templateDto(saved);
  }

  /** Changes a template; rounds already opened keep the dimensions they were opened with. */
  async updateTemplate(programId: string, templateId: string, body: AssessmentTemplateRequest) {
    const repo = this.db.getRepository(AssessmentTemplate);
    const template = await repo.findOneBy({ id: templateId, programId });
    if (!template) throw notFound(`template ${templateId}`);
    Object.assign(template, { name: body.name, dimensions: dimensionsOf(body) });
    return templateDto(await repo.save(template));
  }

  // ---- rounds and answers ------------------------------------------------------------

  async rounds(programId: string): Promise<AssessmentRoundSummary[]> {
    const rounds = await this.db
      .getRepository(AssessmentRound)
      .find({ where: { programId }, order: { createdAt: 'DESC' } });
    const answers = rounds.length
      ? await this.db.getRepository(AssessmentAnswer).findBy({ roundId: In(rounds.map((r) => r.id)) })
      : [];
    return rounds.map((r) => summaryOf(r, answers.filter((a) => a.roundId === r.id).length));
  }

  async openRound(programId: string, body: OpenRoundRequest, user: AuthUser): Promise<AssessmentRoundDto> {
    const template = (await this.templates(programId)).find((t) => t.id === body.templateId);
    if (!template) throw invalidField('templateId', `no template ${body.templateId} in this program`);
    if (body.previousRoundId) await this.round(programId, body.previousRoundId, 'previousRoundId');
    const round = await this.db.getRepository(AssessmentRound).save(
      this.db.getRepository(AssessmentRound).create({
        programId,
        title: body.title,
        templateName: template.name,
        dimensions: template.dimensions,
        previousRoundId: body.previousRoundId ?? null,
        createdBy: user.id,
      }),
    );
    return this.results(programId, round.id, user);
  }

  /** My answer to a round (given again: replaced), for the site I belong to now. */
  async answer(programId: string, roundId: string, scores: number[], user: AuthUser): Promise<AssessmentRoundDto> {
    const round = await this.round(programId, roundId);
    if (scores.length !== round.dimensions.length) {
      throw invalidField(
        'scores',
        `one score per dimension: ${round.dimensions.length} expected, ${scores.length} given`,
      );
    }
    const member = await this.db.getRepository(Membership).findOneBy({ programId, userId: user.id });
    const repo = this.db.getRepository(AssessmentAnswer);
    const existing = await repo.findOneBy({ roundId, userId: user.id });
    await repo.save(
      existing
        ? Object.assign(existing, { scores, siteId: member?.siteId ?? null })
        : repo.create({ roundId, userId: user.id, siteId: member?.siteId ?? null, scores }),
    );
    return this.results(programId, roundId, user);
  }

  /** The round with the program's and each site's figures, the change since the previous round and the plan. */
  async results(programId: string, roundId: string, user: AuthUser): Promise<AssessmentRoundDto> {
    const round = await this.round(programId, roundId);
    const answers = await this.db
      .getRepository(AssessmentAnswer)
      .find({ where: { roundId }, order: { createdAt: 'ASC' } });
    const sites = new Map(
      (await this.db.getRepository(Site).findBy({ programId })).map((s) => [s.id, s.organisation] as const),
    );
    const width = round.dimensions.length;
    const bySite = new Map<string | null, AssessmentAnswer[]>();
    for (const a of answers) bySite.set(a.siteId, [...(bySite.get(a.siteId) ?? []), a]);
    const siteResults = [...bySite]
      .map(([siteId, own]) => result(siteId, siteId ? (sites.get(siteId) ?? 'Former site') : 'No site', own, width))
      .sort((a, b) => a.siteName.localeCompare(b.siteName));
    const program = result(null, 'Whole program', answers, width);

    let change: AssessmentRoundDto['change'] = null;
    if (round.previousRoundId) {
      const previous = await this.db.getRepository(AssessmentRound).findOneBy({ id: round.previousRoundId });
      if (previous) {
        const before = result(
          null,
          previous.title,
          await this.db.getRepository(AssessmentAnswer).findBy({ roundId: previous.id }),
          previous.dimensions.length,
        );
        change = {
          previousTitle: previous.title,
          delta: program.dimensions.map((d, i) => {
            const b = before.dimensions[i]?.mean;
            return d.mean === null || b === null || b === undefined ? null : round2(d.mean - b);
          }),
        };
      }
    }
    return {
      ...summaryOf(round, answers.length),
      dimensions: round.dimensions,
      myScores: answers.find((a) => a.userId === user.id)?.scores ?? null,
      program,
      sites: siteResults,
      change,
      priorities: await this.priorities(round.id),
    };
  }

  // ---- priorities and the learning plan ---------------------------------------------

  async recordPriority(programId: string, roundId: string, body: PriorityRequest, user: AuthUser) {
    const round = await this.round(programId, roundId);
    if (body.dimension >= round.dimensions.length) {
      throw invalidField(
        'dimension',
        `the round has ${round.dimensions.length} dimensions (0–${round.dimensions.length - 1})`,
      );
    }
    const repo = this.db.getRepository(Priority);
    const saved = await repo.save(
      repo.create({
        roundId,
        dimension: body.dimension,
        title: body.title,
        description: body.description ?? '',
        createdBy: user.id,
      }),
    );
    return (await this.priorities(round.id)).find((p) => p.id === saved.id) as PriorityDto;
  }

  async planActivity(programId: string, priorityId: string, body: PlannedActivityRequest): Promise<PlannedActivityDto> {
    const priority = await this.db
      .getRepository(Priority)
      .findOne({ where: { id: priorityId }, relations: { round: true } });
    if (!priority || priority.round?.programId !== programId) throw notFound(`priority ${priorityId}`);
    if (body.kind === 'session') {
      if (!body.sessionId) throw invalidField('sessionId', 'a planned session names the session');
      if (!(await this.db.getRepository(EchoSession).existsBy({ id: body.sessionId, programId }))) {
        throw invalidField('sessionId', `no session ${body.sessionId} in this program`);
      }
    }
    if (body.kind === 'series') {
      if (!body.seriesId) throw invalidField('seriesId', 'a planned series names the series');
      if (!(await this.db.getRepository(SessionSeries).existsBy({ id: body.seriesId, programId }))) {
        throw invalidField('seriesId', `no series ${body.seriesId} in this program`);
      }
    }
    if (!(await this.db.getRepository(Membership).existsBy({ programId, userId: body.ownerId }))) {
      throw invalidField('ownerId', 'the owner must be a member of the program');
    }
    const repo = this.db.getRepository(PlannedActivity);
    const saved = await repo.save(
      repo.create({
        priorityId,
        kind: body.kind,
        title: body.title,
        sessionId: body.kind === 'session' ? (body.sessionId ?? null) : null,
        seriesId: body.kind === 'series' ? (body.seriesId ?? null) : null,
        ownerId: body.ownerId,
        dueOn: body.dueOn,
      }),
    );
    const [{ priorityId: _, ...dto }] = await this.activitiesDto([saved]);
    return dto;
  }

  private async priorities(roundId: string): Promise<PriorityDto[]> {
    const priorities = await this.db.getRepository(Priority).find({ where: { roundId }, order: { createdAt: 'ASC' } });
    const activities = priorities.length
      ? await this.activitiesDto(
          await this.db
            .getRepository(PlannedActivity)
            .find({ where: { priorityId: In(priorities.map((p) => p.id)) }, order: { dueOn: 'ASC' } }),
        )
      : [];
    return priorities.map((p) => ({
      id: p.id,
      dimension: p.dimension,
      title: p.title,
      description: p.description,
      activities: activities.filter((a) => a.priorityId === p.id).map(({ priorityId: _, ...a }) => a),
    }));
  }

  private async activitiesDto(rows: PlannedActivity[]): Promise<(PlannedActivityDto & { priorityId: string })[]> {
    const ids = [...new Set(rows.map((r) => r.ownerId))];
    const users = new Map(
      (ids.length ? await this.db.getRepository(User).findBy({ id: In(ids) }) : []).map((u) => [u.id, u.displayName]),
    );
    return rows.map((r) => ({
      id: r.id,
      priorityId: r.priorityId,
      kind: r.kind,
      title: r.title,
      sessionId: r.sessionId,
      seriesId: r.seriesId,
      owner: { id: r.ownerId, displayName: users.get(r.ownerId) ?? 'Former account' },
      dueOn: r.dueOn,
    }));
  }

  private async round(programId: string, roundId: string, field?: string): Promise<AssessmentRound> {
    const round = await this.db.getRepository(AssessmentRound).findOneBy({ id: roundId, programId });
    if (!round) throw field ? invalidField(field, `no round ${roundId} in this program`) : notFound(`round ${roundId}`);
    return round;
  }
}

const round2 = (n: number) => Math.round(n * 100) / 100;

const templateDto = (t: AssessmentTemplate): AssessmentTemplateDto => ({
  id: t.id,
  name: t.name,
  builtIn: false,
  dimensions: t.dimensions,
});

const dimensionsOf = (body: AssessmentTemplateRequest) =>
  body.dimensions.map((d) => ({ name: d.name, description: d.description ?? '' }));

const summaryOf = (r: AssessmentRound, respondents: number): AssessmentRoundSummary => ({
  id: r.id,
  title: r.title,
  templateName: r.templateName,
  createdAt: r.createdAt,
  previousRoundId: r.previousRoundId,
  respondents,
});

/** Mean, min, max and standard deviation of each dimension over a set of answers. */
export function result(
  siteId: string | null,
  siteName: string,
  answers: { scores: number[] }[],
  width: number,
): SiteResult {
  return {
    siteId,
    siteName,
    respondents: answers.length,
    dimensions: Array.from({ length: width }, (_, i) =>
      figure(answers.map((a) => a.scores[i]).filter((s) => s !== undefined)),
    ),
  };
}

export function figure(values: number[]): DimensionFigure {
  const n = values.length;
  if (!n) return { mean: null, min: null, max: null, sd: null, n };
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / n);
  return { mean: round2(mean), min: Math.min(...values), max: Math.max(...values), sd: round2(sd), n };
}
