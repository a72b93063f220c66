import {
  CASE_TEXT_FIELDS,
  type CaseDto,
  type CaseStatus,
  type CaseTextField,
  type QueuedCase,
  type RecommendationDto as RecommendationView,
} from '@echo-hub/protocol';
import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth.types';
import { DomainError, ErrorKind, invalid, notFound } from '../common/domain-error';
import { nowIso } from '../database/columns';
import { gate } from '../deid';
import { CaseEvents } from './case-events';
import type { FollowUpDto, SubmitCaseDto, UpdateCaseDto } from './dto/cases.dto';
import { CaseQueries, CaseRecords } from './cases.records';
import { caseAttachmentDto } from './entities/case-attachment.entity';
import { EchoCase } from './entities/echo-case.entity';
import { recommendationsPdf } from './recommendations-pdf';

/** Statuses of a case waiting in a session's queue. */
const QUEUED: CaseStatus[] = ['submitted', 'scheduled'];

/** Who is asking, and whether they manage the program's queue (facilitator, coordinator, admin). */
/** Whether someone of the case's program may read it: a draft only its presenter and the managers; any other, all. */
export function caseReadableBy(c: Pick<EchoCase, 'status' | 'presenterId'>, userId: string, manager: boolean): boolean {
  return c.status !== 'draft' || c.presenterId === userId || manager;
}

export interface Caller {
  user: AuthUser;
  manager: boolean;
}

@Injectable()
export class CasesService {
  constructor(
    private readonly records: CaseRecords,
    private readonly events: CaseEvents,
  ) {}

  /** A spoke submits a case to a session: gated, then queued at the end. */
  async submit(sessionId: string, dto: SubmitCaseDto, by: AuthUser): Promise<{ id: string; position: number | null }> {
    const session = await this.records.sessionOrFail(sessionId);
    const confirmed = gate(textFields(dto), dto.confirmedSpans);
    return this.records.transaction(async (tx) => {
      const saved = await tx.addCase({
        ...caseFields(dto),
        programId: session.programId,
        sessionId,
        presenterId: by.id,
        status: dto.draft ? 'draft' : 'submitted',
        position: dto.draft ? null : (await tx.queueLength(sessionId)) + 1,
        urgent: false,
        followUpOfId: null,
        submittedAt: dto.draft ? null : nowIso(),
      });
      await tx.addConfirmations(saved.id, confirmed, by.id);
      await this.renumber(tx, sessionId);
      return { id: saved.id, position: (await tx.caseOrFail(saved.id)).position };
    });
  }

  async get(id: string, caller: Caller): Promise<CaseDto> {
    const c = await this.readable(id, caller);
    const confirmations = await this.records.confirmations(id, true);
    return {
      ...caseFields(c),
      ageBand: c.ageBand,
      sex: c.sex,
      id: c.id,
      programId: c.programId,
      sessionId: c.sessionId,
      presenter: { id: c.presenterId, displayName: c.presenter?.displayName ?? '' },
      status: c.status,
      position: c.position,
      urgent: c.urgent,
      followUpOfId: c.followUpOfId,
      confirmations: confirmations.map((x) => ({
        field: x.field as CaseTextField,
        start: x.start,
        end: x.end,
        text: x.text,
        by: x.confirmedBy?.displayName ?? '',
        at: x.createdAt,
      })),
      recommendations: await this.recommendations(id),
      attachments: (await this.records.attachments(id)).map((a) => caseAttachmentDto(a)),
      createdAt: c.createdAt,
    };
  }

  /** The presenter (or a manager) edits the case; the merged text passes the gate again. Submits a draft on `draft: false`. */
  async update(id: string, dto: UpdateCaseDto, caller: Caller): Promise<CaseDto> {
    const c = await this.editable(id, caller);
    const next = { ...caseFields(c), ...caseFields(dto) };
    const previous = await this.records.confirmations(id);
    // Earlier confirmations hold while the same text still sits at the same place.
    const stillTrue = previous
      .filter((p) => next[p.field as CaseTextField]?.slice(p.start, p.end) === p.text)
      .map((p) => ({ field: p.field as CaseTextField, start: p.start, end: p.end }));
    const confirmed = gate(textFields(next), [...stillTrue, ...(dto.confirmedSpans ?? [])]);
    await this.records.transaction(async (tx) => {
      Object.assign(c, next);
      if (dto.draft === false && c.status === 'draft') {
        c.status = 'submitted';
        c.submittedAt = nowIso();
        c.position = c.sessionId ? (await tx.queueLength(c.sessionId)) + 1 : null;
      }
      await tx.saveCase(c);
      await tx.removeConfirmations(id);
      await tx.addConfirmations(id, confirmed, caller.user.id);
      if (c.sessionId) await this.renumber(tx, c.sessionId);
    });
    return this.get(id, caller);
  }

  async withdraw(id: string, caller: Caller): Promise<CaseDto> {
    const c = await this.editable(id, caller);
    await this.records.transaction(async (tx) => {
      await tx.updateCase(id, { status: 'withdrawn', position: null });
      if (c.sessionId) await this.renumber(tx, c.sessionId);
    });
    return this.get(id, caller);
  }

  /** The session's queue, in order (what presenters see their position in). */
  async queue(sessionIds: string[]): Promise<Map<string, QueuedCase[]>> {
    const rows = await this.records.queued(sessionIds);
    const bySession = new Map<string, QueuedCase[]>();
    for (const c of rows) {
      const list = bySession.get(c.sessionId ?? '') ?? [];
      list.push({
        id: c.id,
        title: c.title,
        presenter: { id: c.presenterId, displayName: c.presenter?.displayName ?? '' },
        status: c.status,
        position: c.position ?? 0,
        urgent: c.urgent,
      });
      bySession.set(c.sessionId ?? '', list);
    }
    return bySession;
  }

  /** Facilitator or coordinator puts the waiting cases in a new order: exactly the cases waiting, each once. */
  async reorder(sessionId: string, caseIds: string[]): Promise<QueuedCase[]> {
    await this.records.transaction(async (tx) => {
      const waiting = await tx.casesIn(sessionId, QUEUED);
      const ids = new Set(waiting.map((c) => c.id));
      if (caseIds.length !== ids.size || caseIds.some((id) => !ids.has(id))) {
        throw invalid(`caseIds must list exactly the ${ids.size} cases waiting in this session's queue`);
      }
      const started = await tx.countNotIn(sessionId, [...QUEUED, 'draft', 'withdrawn']);
      for (const [i, id] of caseIds.entries()) await tx.updateCase(id, { position: started + i + 1 });
      await this.renumber(tx, sessionId);
    });
    return (await this.queue([sessionId])).get(sessionId) ?? [];
  }

  /** Moves a waiting case to the end of another session's queue (same program). */
  async move(id: string, sessionId: string): Promise<QueuedCase[]> {
    const c = await this.records.caseOrFail(id);
    const target = await this.records.session(sessionId);
    if (!target || target.programId !== c.programId) throw invalid('sessionId must be a session of the same program');
    if (!QUEUED.includes(c.status) && c.status !== 'draft') throw invalid(`a case that is ${c.status} cannot move`);
    await this.records.transaction(async (tx) => {
      const from = c.sessionId;
      const position = c.status === 'draft' ? null : (await tx.queueLength(sessionId)) + 1;
      await tx.updateCase(id, { sessionId, position });
      if (from) await this.renumber(tx, from);
      await this.renumber(tx, sessionId);
    });
    return (await this.queue([sessionId])).get(sessionId) ?? [];
  }

  /** Urgent cases go to the front of the waiting queue. */
  async setUrgent(id: string, urgent: boolean): Promise<QueuedCase[]> {
    const c = await this.records.caseOrFail(id);
    await this.records.transaction(async (tx) => {
      await tx.updateCase(id, { urgent, position: urgent && QUEUED.includes(c.status) ? 0 : c.position });
      if (c.sessionId) await this.renumber(tx, c.sessionId);
    });
    return c.sessionId ? ((await this.queue([c.sessionId])).get(c.sessionId) ?? []) : [];
  }

  /**
   * Written recommendations (gated like case text); the presenter sees them on the case page and in the PDF,
   * and is notified (unless they wrote them).
   */
  async recommend(id: string, body: string, by: AuthUser): Promise<RecommendationView> {
    const c = await this.records.caseOrFail(id);
    if (c.status === 'draft' || c.status === 'withdrawn') throw invalid(`a ${c.status} case takes no recommendations`);
    gate({ body });
    const saved = await this.records.addRecommendation({ caseId: id, authorId: by.id, body });
    await this.records.updateCase(id, { status: 'recommendations_sent', position: c.position });
    if (c.presenterId !== by.id) {
      // Best effort (the community feature notifies the presenter): the recommendation is stored and shown on
      // the case page; a failed listener must not fail the request (a retry would store it twice).
      await this.events.recommendationsSent.emit({
        caseId: id,
        programId: c.programId,
        presenterId: c.presenterId,
        title: c.title,
        by: { id: by.id, displayName: by.displayName },
      });
    }
    return (await this.recommendations(id)).find((r) => r.id === saved.id) as RecommendationView;
  }

  async pdf(id: string, caller: Caller): Promise<{ name: string; bytes: Buffer }> {
    const c = await this.get(id, caller);
    const session = c.sessionId ? await this.records.session(c.sessionId) : null;
    return { name: `recommendations-${id.slice(0, 8)}.pdf`, bytes: await recommendationsPdf(c, session) };
  }

  /** The presenter reports back: a new case linked to the original, queued in a later session. */
  async followUp(id: string, dto: FollowUpDto, caller: Caller): Promise<{ id: string; position: number | null }> {
    const original = await this.editable(id, caller, { allowDone: true });
    const target = await this.records.session(dto.sessionId);
    if (!target || target.programId !== original.programId)
      throw invalid('sessionId must be a session of the same program');
    const { sessionId, ...fields } = dto;
    const created = await this.submit(sessionId, fields, caller.user);
    await this.records.updateCase(created.id, { followUpOfId: id });
    await this.records.updateCase(id, { status: 'follow_up', position: original.position });
    return created;
  }

  // ---- the live case flow ------------------------------------------------------------

  /** A case from this session's queue is presented now. */
  async startPresenting(sessionId: string, caseId: string): Promise<EchoCase> {
    const c = await this.records.caseInSession(caseId, sessionId);
    if (!c || c.status === 'draft' || c.status === 'withdrawn')
      throw notFound(`case ${caseId} in this session's queue`);
    await this.records.updateCase(caseId, { status: 'presenting' });
    return c;
  }

  /** Closes a presented case: the live notes (gated) become its written recommendations. */
  async finishPresenting(caseId: string, notes: string, by: AuthUser): Promise<void> {
    if (notes.trim()) {
      await this.recommend(caseId, notes.trim(), by);
    } else {
      await this.records.updateCase(caseId, { status: 'discussed' });
    }
  }

  /**
   * A case still being presented when its session ended, with nothing captured: it waits again, in the
   * program's next scheduled session when there is one (else in this session's queue, for a facilitator to move),
   * and its presenter is told where it went.
   */
  async returnUnfinished(caseId: string, by: AuthUser): Promise<{ sessionId: string | null }> {
    const c = await this.records.caseOrFail(caseId);
    await this.records.updateCase(caseId, { status: 'submitted' });
    const next = await this.records.nextScheduledSession(c.programId);
    if (next) await this.move(caseId, next.id);
    // Best effort, like recommendations: the community feature tells the presenter.
    await this.events.returned.emit({
      caseId,
      programId: c.programId,
      presenterId: c.presenterId,
      title: c.title,
      by: { id: by.id, displayName: by.displayName },
      where: next
        ? `The session ended before it was discussed; it is now queued for “${next.title}” (${next.startsAt}).`
        : 'The session ended before it was discussed; it is back in the queue for a facilitator to schedule.',
    });
    return { sessionId: next?.id ?? null };
  }

  // ---- helpers ----------------------------------------------------------------------------

  /** The case, if the caller may read it (a draft: its presenter and the managers only); else 404. */
  async readable(id: string, caller: Caller): Promise<EchoCase> {
    const c = await this.records.case(id, true);
    if (!c || !caseReadableBy(c, caller.user.id, caller.manager)) throw notFound(`case ${id}`);
    return c;
  }

  /** The case, if the caller may change it: its presenter or a manager, while it waits (or is a draft). */
  async editable(id: string, caller: Caller, opts: { allowDone?: boolean } = {}): Promise<EchoCase> {
    const c = await this.records.case(id);
    if (!c) throw notFound(`case ${id}`);
    if (c.presenterId !== caller.user.id && !caller.manager) {
      throw new DomainError(
        ErrorKind.Forbidden,
        'NOT_PRESENTER',
        'Only the presenter or a facilitator/coordinator may change this case',
      );
    }
    if (!opts.allowDone && !['draft', 'submitted', 'scheduled'].includes(c.status)) {
      throw invalid(`a case that is ${c.status} can no longer be edited`);
    }
    return c;
  }

  private async recommendations(caseId: string): Promise<RecommendationView[]> {
    const rows = await this.records.recommendations(caseId);
    return rows.map((r) => ({
      id: r.id,
      caseId,
      author: { id: r.authorId, displayName: r.author?.displayName ?? '' },
      body: r.body,
      createdAt: r.createdAt,
    }));
  }

  /**
   * Renumbers a session's queue 1..n keeping the order, and marks the waiting cases that
   * fit the agenda's case slots `scheduled` (the rest wait as `submitted`).
   */
  private async renumber(tx: CaseQueries, sessionId: string): Promise<void> {
    const slots = await tx.caseSlots(sessionId);
    const cases = await tx.placed(sessionId);
    for (const [i, c] of cases.entries()) {
      const status = QUEUED.includes(c.status) ? (i < slots ? 'scheduled' : 'submitted') : c.status;
      if (c.position !== i + 1 || status !== c.status) {
        await tx.updateCase(c.id, { position: i + 1, status });
      }
    }
  }
}

type Fields = Pick<EchoCase, CaseTextField | 'ageBand' | 'sex'>;

/** The form fields present in `source` (undefined ones left out, so a partial update keeps the rest). */
function caseFields(source: Partial<Record<keyof Fields, string | undefined>>): Fields {
  const out: Partial<Fields> = {};
  for (const key of [...CASE_TEXT_FIELDS, 'ageBand', 'sex'] as const) {
    if (source[key] !== undefined) out[key] = source[key] as string;
  }
  return out as Fields;
}

const textFields = (source: Partial<Record<CaseTextField, string | undefined>>) =>
  Object.fromEntries(CASE_TEXT_FIELDS.map((f) => [f, source[f]])) as Partial<Record<CaseTextField, string>>;
