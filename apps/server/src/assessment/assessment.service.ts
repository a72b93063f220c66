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
import type { AuthUser } from '../auth/auth.types';
import { invalidField, notFound } from '../common/domain-error';
import { AssessmentRecords } from './assessment.records';
import { AssessmentAnswer, AssessmentRound } from './entities/assessment-round.entity';
import type { AssessmentTemplate } from './entities/assessment-template.entity';
import type { PlannedActivity } from './entities/priority.entity';

const BUILT_IN: AssessmentTemplateDto = {
  id: SCIROCCO_B3_TEMPLATE_ID,
  name: 'SCIROCCO Exchange / B3 maturity model (12 dimensions)',
  builtIn: true,
  dimensions: SCIROCCO_B3_DIMENSIONS,
};

/** Self-assessment → priorities → learning plan: templates, rounds, answers, results, priorities, planned activities. */
@Injectable()
export class AssessmentService {
  constructor(private readonly records: AssessmentRecords) {}

  // ---- templates -------------------------------------------------------------------

  async templates(programId: string): Promise<AssessmentTemplateDto[]> {
    const own = await this.records.templates(programId);
    return [BUILT_IN, ...own.map(templateDto)];
  }

  async createTemplate(programId: string, body: AssessmentTemplateRequest): Promise<AssessmentTemplateDto> {
    const saved = await this.records.addTemplate({ programId, name: body.name, dimensions: dimensionsOf(body) });
    return templateDto(saved);
  }

  /** Changes a template; rounds already opened keep the dimensions they were opened with. */
  async updateTemplate(programId: string, templateId: string, body: AssessmentTemplateRequest) {
    const template = await this.records.template(programId, templateId);
    if (!template) throw notFound(`template ${templateId}`);
    Object.assign(template, { name: body.name, dimensions: dimensionsOf(body) });
    return templateDto(await this.records.saveTemplate(template));
  }

  // ---- rounds and answers ------------------------------------------------------------

  async rounds(programId: string): Promise<AssessmentRoundSummary[]> {
    const rounds = await this.records.rounds(programId);
    const answers = await this.records.answers(rounds.map((r) => r.id));
    return rounds.map((r) => summaryOf(r, answers.filter((a) => a.roundId === r.id).length));
  }

  async openRound(programId: string, body: OpenRoundRequest, user: AuthUser): Promise<AssessmentRoundDto> {
    const template = (await this.templates(programId)).find((t) => t.id === body.templateId);
    if (!template) throw invalidField('templateId', `no template ${body.templateId} in this program`);
    if (body.previousRoundId) await this.round(programId, body.previousRoundId, 'previousRoundId');
    const round = await this.records.addRound({
      programId,
      title: body.title,
      templateName: template.name,
      dimensions: template.dimensions,
      previousRoundId: body.previousRoundId ?? null,
      createdBy: user.id,
    });
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
    const member = await this.records.membership(programId, user.id);
    const existing = await this.records.answerOf(roundId, user.id);
    await this.records.saveAnswer(
      existing
        ? Object.assign(existing, { scores, siteId: member?.siteId ?? null })
        : { roundId, userId: user.id, siteId: member?.siteId ?? null, scores },
    );
    return this.results(programId, roundId, user);
  }

  /** The round with the program's and each site's figures, the change since the previous round and the plan. */
  async results(programId: string, roundId: string, user: AuthUser): Promise<AssessmentRoundDto> {
    const round = await this.round(programId, roundId);
    const answers = await this.records.answers([roundId]);
    const sites = new Map((await this.records.sites(programId)).map((s) => [s.id, s.organisation] as const));
    const width = round.dimensions.length;
    const bySite = new Map<string | null, AssessmentAnswer[]>();
    for (const a of answers) bySite.set(a.siteId, [...(bySite.get(a.siteId) ?? []), a]);
    const siteResults = [...bySite]
      .map(([siteId, own]) => result(siteId, siteId ? (sites.get(siteId) ?? 'Former site') : 'No site', own, width))
      .sort((a, b) => a.siteName.localeCompare(b.siteName));
    const program = result(null, 'Whole program', answers, width);

    let change: AssessmentRoundDto['change'] = null;
    if (round.previousRoundId) {
      const previous = await this.records.round(round.previousRoundId);
      if (previous) {
        const before = result(
          null,
          previous.title,
          await this.records.answers([previous.id]),
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
    const saved = await this.records.addPriority({
      roundId,
      dimension: body.dimension,
      title: body.title,
      description: body.description ?? '',
      createdBy: user.id,
    });
    return (await this.priorities(round.id)).find((p) => p.id === saved.id) as PriorityDto;
  }

  async planActivity(programId: string, priorityId: string, body: PlannedActivityRequest): Promise<PlannedActivityDto> {
    const priority = await this.records.priorityWithRound(priorityId);
    if (!priority || priority.round?.programId !== programId) throw notFound(`priority ${priorityId}`);
    if (body.kind === 'session') {
      if (!body.sessionId) throw invalidField('sessionId', 'a planned session names the session');
      if (!(await this.records.hasSession(programId, body.sessionId))) {
        throw invalidField('sessionId', `no session ${body.sessionId} in this program`);
      }
    }
    if (body.kind === 'series') {
      if (!body.seriesId) throw invalidField('seriesId', 'a planned series names the series');
      if (!(await this.records.hasSeries(programId, body.seriesId))) {
        throw invalidField('seriesId', `no series ${body.seriesId} in this program`);
      }
    }
    if (!(await this.records.isMember(programId, body.ownerId))) {
      throw invalidField('ownerId', 'the owner must be a member of the program');
    }
    const saved = await this.records.addActivity({
      priorityId,
      kind: body.kind,
      title: body.title,
      sessionId: body.kind === 'session' ? (body.sessionId ?? null) : null,
      seriesId: body.kind === 'series' ? (body.seriesId ?? null) : null,
      ownerId: body.ownerId,
      dueOn: body.dueOn,
    });
    const [{ priorityId: _, ...dto }] = await this.activitiesDto([saved]);
    return dto;
  }

  private async priorities(roundId: string): Promise<PriorityDto[]> {
    const priorities = await this.records.priorities(roundId);
    const activities = await this.activitiesDto(await this.records.activities(priorities.map((p) => p.id)));
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
    const users = new Map((await this.records.usersByIds(ids)).map((u) => [u.id, u.displayName]));
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
    const round = await this.records.round(roundId, programId);
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
