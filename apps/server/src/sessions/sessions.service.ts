import type {
  AgendaItemDto,
  CalendarLinks,
  CreateSessionResponse,
  ProgramRole,
  QueuedCase,
  SessionDto,
} from '@echo-hub/protocol';
import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { timingSafeEqual } from 'node:crypto';
import { invalid, notFound } from '../common/domain-error';
import type { Page } from '../common/page';
import { SLIDE_FORMATS, slideMimeType, sniffSlides } from '../common/uploads';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { ingestUpload } from '../deid';
import { StorageService } from '../storage/storage.service';
import type { AgendaItemInputDto, CreateSessionDto, SessionRangeQuery, UpdateSessionDto } from './dto/sessions.dto';
import { AgendaItem } from './entities/agenda-item.entity';
import { EchoSession } from './entities/echo-session.entity';
import { buildIcs } from './ics';
import { SessionQueries, SessionRecords } from './sessions.records';
import { occurrences } from './recurrence';

/** How early the room can be joined: hosts open it for a sound check, early spokes wait in the lobby. */
const JOIN_WINDOW_MS = 60 * 60_000;
/** Where slides are kept (DATA_DIR/slides on local disk). */
const SLIDES = 'slides';

const endOf = (s: EchoSession) => new Date(Date.parse(s.startsAt) + s.durationMinutes * 60_000).toISOString();

@Injectable()
export class SessionsService {
  constructor(
    private readonly records: SessionRecords,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly storage: StorageService,
  ) {}

  /** The cases waiting in each session's queue, shown with the session: told by the cases feature (see provideCaseQueue). */
  private caseQueue: (sessionIds: string[]) => Promise<Map<string, QueuedCase[]>> = async () => new Map();

  /** The cases feature (above sessions) gives the listing its queues; sessions knows no cases. */
  provideCaseQueue(queue: (sessionIds: string[]) => Promise<Map<string, QueuedCase[]>>): void {
    this.caseQueue = queue;
  }

  /** A page of the program's sessions from `from` (default: a day ago) until `to`, first first. */
  async list(programId: string, q: SessionRangeQuery, myRole: ProgramRole | null = null): Promise<Page<SessionDto>> {
    const since = q.from ? new Date(q.from).toISOString() : new Date(Date.now() - 86_400_000).toISOString();
    const until = q.to ? new Date(q.to).toISOString() : undefined;
    const page = await this.records.sessionPage(programId, since, until, q);
    return { ...page, items: await this.toDtos(page.items, myRole) };
  }

  /** Creates a one-off session or every occurrence of a series, each with its own copy of the agenda. */
  async create(programId: string, dto: CreateSessionDto, myRole: ProgramRole | null): Promise<CreateSessionResponse> {
    const program = await this.records.programOrFail(programId);
    const timeZone = dto.timeZone ?? program.timeZone;
    const first = DateTime.fromISO(dto.startsAt, { setZone: true }).setZone(timeZone);
    if (!first.isValid) throw invalid('startsAt is not a valid date and time');
    const ids = await this.records.transaction(async (tx) => {
      const presenters = await this.presenters(tx, programId, dto.agenda ?? []);
      let seriesId: string | null = null;
      if (dto.recurrence) {
        const series = await tx.addSeries({
          programId,
          frequency: dto.recurrence.frequency,
          count: dto.recurrence.count ?? null,
          until: dto.recurrence.until ?? null,
          exceptions: dto.recurrence.exceptions ?? [],
          timeZone,
        });
        seriesId = series.id;
      }
      const created: string[] = [];
      for (const start of occurrences(first, dto.recurrence)) {
        const session = await tx.addSession({
          programId,
          seriesId,
          title: dto.title,
          startsAt: start.toUTC().toISO() ?? '',
          durationMinutes: dto.durationMinutes,
          timeZone,
          status: 'scheduled',
          practice: dto.practice ?? false,
          revision: 0,
        });
        await this.writeAgenda(tx, session.id, dto.agenda ?? [], presenters);
        created.push(session.id);
      }
      return created;
    });
    const sessions = await this.records.sessionsByIds(ids);
    const [firstDto] = await this.toDtos(sessions.slice(0, 1), myRole);
    return { ...firstDto, occurrences: sessions.map((s) => ({ id: s.id, startsAt: s.startsAt })) };
  }

  async get(id: string, myRole: ProgramRole | null): Promise<SessionDto> {
    const session = await this.records.session(id);
    if (!session) throw notFound(`session ${id}`);
    return (await this.toDtos([session], myRole))[0];
  }

  async update(id: string, dto: UpdateSessionDto, myRole: ProgramRole | null): Promise<SessionDto> {
    const session = await this.records.sessionOrFail(id);
    if (dto.title !== undefined) session.title = dto.title;
    if (dto.durationMinutes !== undefined) session.durationMinutes = dto.durationMinutes;
    if (dto.startsAt !== undefined) session.startsAt = new Date(dto.startsAt).toISOString();
    if (dto.status !== undefined) session.status = dto.status;
    if (dto.practice !== undefined) session.practice = dto.practice;
    session.revision++;
    await this.records.saveSession(session);
    return this.get(id, myRole);
  }

  async replaceAgenda(id: string, items: AgendaItemInputDto[], myRole: ProgramRole | null): Promise<SessionDto> {
    const session = await this.records.sessionOrFail(id);
    await this.records.transaction(async (tx) => {
      const presenters = await this.presenters(tx, session.programId, items);
      const old = await tx.removeAgenda(id);
      await this.writeAgenda(tx, id, items, presenters, old);
      await tx.bumpRevision(id);
    });
    return this.get(id, myRole);
  }

  async uploadSlides(sessionId: string, itemId: string, file: Express.Multer.File | undefined): Promise<AgendaItemDto> {
    if (!file) throw invalid('file is required (multipart form field "file")');
    const type = sniffSlides(file.buffer);
    if (!type) throw invalid(`file must be ${SLIDE_FORMATS}`);
    const item = await this.records.agendaItem(sessionId, itemId, true);
    if (!item) throw notFound(`agenda item ${itemId}`);
    if (item.kind !== 'didactic') throw invalid('slides belong to didactic slots');
    const replaced = item.slidesFile;
    // PDF slides lose their metadata; presentation formats are stored as they are. Their text is not
    // read: a talk names its speakers and sources.
    const { storedName, name, removed } = await ingestUpload(this.storage, file, {
      folder: SLIDES,
      accept: () => type,
      refusal: `file must be ${SLIDE_FORMATS}`,
      readText: false,
    });
    item.slidesFile = storedName;
    item.slidesName = name.slice(0, 255);
    await this.records.saveAgendaItem(item);
    if (replaced) await this.storage.discard(`${SLIDES}/${replaced}`);
    return { ...this.toAgendaDto(item), removed };
  }

  async slides(sessionId: string, itemId: string): Promise<{ key: string; name: string; mimeType: string }> {
    const item = await this.records.agendaItem(sessionId, itemId);
    if (!item?.slidesFile) throw notFound(`slides of agenda item ${itemId}`);
    return {
      key: `${SLIDES}/${item.slidesFile}`,
      name: item.slidesName ?? item.slidesFile,
      mimeType: slideMimeType(item.slidesFile),
    };
  }

  async calendarLinks(programId: string, userId: string): Promise<CalendarLinks> {
    const program = await this.records.programOrFail(programId);
    const user = await this.records.userOrFail(userId);
    const base = `${this.config.publicUrl}/api/calendar`;
    return {
      programFeedUrl: `${base}/programs/${program.id}/feed.ics?token=${program.calendarToken}`,
      personalFeedUrl: `${base}/users/${user.id}/feed.ics?token=${user.calendarToken}`,
    };
  }

  async programFeed(programId: string, token: string): Promise<string> {
    const program = await this.records.program(programId);
    if (!program || !sameSecret(program.calendarToken, token)) throw notFound('calendar');
    const sessions = await this.records.sessionsOf([programId]);
    return this.ics(program.name, sessions);
  }

  async personalFeed(userId: string, token: string): Promise<string> {
    const user = await this.records.user(userId);
    if (!user || !sameSecret(user.calendarToken, token)) throw notFound('calendar');
    const sessions = await this.records.sessionsOf(await this.records.programIdsOf(userId));
    return this.ics(`ECHO sessions — ${user.displayName}`, sessions);
  }

  private async ics(name: string, sessions: EchoSession[]): Promise<string> {
    const items = await this.records.agendas(sessions.map((s) => s.id));
    return buildIcs(
      name,
      sessions.map((s) => ({
        uid: `${s.id}@echo-hub`,
        start: s.startsAt,
        end: endOf(s),
        summary: s.title,
        description: (items.get(s.id) ?? [])
          .map((i) => `${i.minutes} min — ${i.kind === 'case' ? 'Case presentation' : i.title}`)
          .join('\n'),
        url: `${this.config.publicUrl}/sessions/${s.id}`,
        cancelled: s.status === 'cancelled',
        sequence: s.revision,
        updated: s.createdAt,
      })),
    );
  }

  /** Presenter emails → user ids; each presenter must be a member of the program. */
  private async presenters(
    tx: SessionQueries,
    programId: string,
    items: AgendaItemInputDto[],
  ): Promise<Map<string, string>> {
    const emails = [...new Set(items.flatMap((i) => (i.presenterEmail ? [i.presenterEmail.toLowerCase()] : [])))];
    if (!emails.length) return new Map();
    const found = new Map((await tx.membersByEmail(programId, emails)).map((u) => [u.email, u.id]));
    items.forEach((item, index) => {
      const email = item.presenterEmail?.toLowerCase();
      if (email && !found.has(email)) {
        throw invalid(`agenda.${index}.presenterEmail: no member of this program uses ${email}`);
      }
    });
    return found;
  }

  private async writeAgenda(
    tx: SessionQueries,
    sessionId: string,
    items: AgendaItemInputDto[],
    presenters: Map<string, string>,
    previous: AgendaItem[] = [],
  ): Promise<void> {
    let cases = 0;
    const unused = [...previous];
    await tx.addAgenda(
      items.map((item, position) => {
        const title = item.kind === 'case' ? (item.title ?? `Case presentation ${++cases}`) : (item.title ?? '');
        // A slot whose kind and title are unchanged keeps its id (the polls prepared for it) and its slides.
        const at = unused.findIndex((p) => p.kind === item.kind && p.title === title);
        const kept = at < 0 ? undefined : unused.splice(at, 1)[0];
        return {
          id: kept?.id,
          sessionId,
          position,
          kind: item.kind,
          title,
          minutes: item.minutes,
          presenterId: item.presenterEmail ? (presenters.get(item.presenterEmail.toLowerCase()) ?? null) : null,
          slidesFile: kept?.slidesFile ?? null,
          slidesName: kept?.slidesName ?? null,
        };
      }),
    );
  }

  private async toDtos(sessions: EchoSession[], myRole: ProgramRole | null): Promise<SessionDto[]> {
    const agendas = await this.records.agendas(sessions.map((s) => s.id));
    const queues = await this.caseQueue(sessions.map((s) => s.id));
    const now = Date.now();
    return sessions.map((s) => {
      const start = Date.parse(s.startsAt);
      const end = Date.parse(endOf(s));
      return {
        id: s.id,
        programId: s.programId,
        seriesId: s.seriesId,
        title: s.title,
        startsAt: s.startsAt,
        endsAt: endOf(s),
        durationMinutes: s.durationMinutes,
        timeZone: s.timeZone,
        status: s.status,
        practice: s.practice,
        agenda: (agendas.get(s.id) ?? []).map((i) => this.toAgendaDto(i)),
        cases: queues.get(s.id) ?? [],
        myRole,
        joinable: (s.status === 'scheduled' || s.status === 'live') && now >= start - JOIN_WINDOW_MS && now <= end,
      };
    });
  }

  private toAgendaDto(i: AgendaItem): AgendaItemDto {
    return {
      id: i.id,
      position: i.position,
      kind: i.kind,
      title: i.title,
      minutes: i.minutes,
      presenter: i.presenter ? { id: i.presenter.id, displayName: i.presenter.displayName } : null,
      slides: i.slidesFile
        ? { name: i.slidesName ?? i.slidesFile, url: `/api/sessions/${i.sessionId}/agenda/${i.id}/slides` }
        : null,
    };
  }
}

function sameSecret(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
