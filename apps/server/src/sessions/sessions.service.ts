import type { AgendaItemDto, CalendarLinks, CreateSessionResponse, ProgramRole, SessionDto } from '@echo-hub/protocol';
import { BadRequestException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { timingSafeEqual } from 'node:crypto';
import { extname } from 'node:path';
import { DataSource, type EntityManager, In, LessThan, MoreThanOrEqual, And } from 'typeorm';
import { User } from '../auth/entities/user.entity';
import { CasesService } from '../cases/cases.service';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { ingestUpload } from '../deid';
import { Membership } from '../programs/entities/membership.entity';
import { Program } from '../programs/entities/program.entity';
import { StorageService } from '../storage/storage.service';
import type { AgendaItemInputDto, CreateSessionDto, UpdateSessionDto } from './dto/sessions.dto';
import { AgendaItem } from './entities/agenda-item.entity';
import { EchoSession } from './entities/echo-session.entity';
import { SessionSeries } from './entities/session-series.entity';
import { buildIcs } from './ics';
import { occurrences } from './recurrence';

/** "Join" shows from this long before the start until the end. */
const JOIN_WINDOW_MS = 15 * 60_000;
/** The slide formats accepted, by extension, with the type they are served as. */
const SLIDE_TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  '.ppt': 'application/vnd.ms-powerpoint',
  '.odp': 'application/vnd.oasis.opendocument.presentation',
  '.key': 'application/vnd.apple.keynote',
};
/** Where slides are kept (DATA_DIR/slides on local disk). */
const SLIDES = 'slides';

const notFound = (what: string) => new NotFoundException({ error: 'NOT_FOUND', message: `${what} not found` });
const endOf = (s: EchoSession) => new Date(Date.parse(s.startsAt) + s.durationMinutes * 60_000).toISOString();

@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly cases: CasesService,
    private readonly storage: StorageService,
  ) {}

  async list(programId: string, from?: string, to?: string, myRole: ProgramRole | null = null): Promise<SessionDto[]> {
    const since = from ? new Date(from).toISOString() : new Date(Date.now() - 86_400_000).toISOString();
    const startsAt = to ? And(MoreThanOrEqual(since), LessThan(new Date(to).toISOString())) : MoreThanOrEqual(since);
    const sessions = await this.db.getRepository(EchoSession).find({
      where: { programId, startsAt },
      order: { startsAt: 'ASC' },
      take: 500,
    });
    return this.toDtos(sessions, myRole);
  }

  /** Creates a one-off session or every occurrence of a series, each with its own copy of the agenda. */
  async create(programId: string, dto: CreateSessionDto, myRole: ProgramRole | null): Promise<CreateSessionResponse> {
    const program = await this.db.getRepository(Program).findOneByOrFail({ id: programId });
    const timeZone = dto.timeZone ?? program.timeZone;
    const first = DateTime.fromISO(dto.startsAt, { setZone: true }).setZone(timeZone);
    if (!first.isValid) throw badRequest('startsAt is not a valid date and time');
    const ids = await this.db.transaction(async (tx) => {
      const presenters = await this.presenters(tx, programId, dto.agenda ?? []);
      let seriesId: string | null = null;
      if (dto.recurrence) {
        const series = tx.getRepository(SessionSeries).create({
          programId,
          frequency: dto.recurrence.frequency,
          count: dto.recurrence.count ?? null,
          until: dto.recurrence.until ?? null,
          exceptions: dto.recurrence.exceptions ?? [],
          timeZone,
        });
        seriesId = (await tx.getRepository(SessionSeries).save(series)).id;
      }
      const created: string[] = [];
      for (const start of occurrences(first, dto.recurrence)) {
        const session = await tx.getRepository(EchoSession).save(
          tx.getRepository(EchoSession).create({
            programId,
            seriesId,
            title: dto.title,
            startsAt: start.toUTC().toISO() ?? '',
            durationMinutes: dto.durationMinutes,
            timeZone,
            status: 'scheduled',
            revision: 0,
          }),
        );
        await this.writeAgenda(tx, session.id, dto.agenda ?? [], presenters);
        created.push(session.id);
      }
      return created;
    });
    const sessions = await this.db
      .getRepository(EchoSession)
      .find({ where: { id: In(ids) }, order: { startsAt: 'ASC' } });
    const [firstDto] = await this.toDtos(sessions.slice(0, 1), myRole);
    return { ...firstDto, occurrences: sessions.map((s) => ({ id: s.id, startsAt: s.startsAt })) };
  }

  async get(id: string, myRole: ProgramRole | null): Promise<SessionDto> {
    const session = await this.db.getRepository(EchoSession).findOneBy({ id });
    if (!session) throw notFound(`session ${id}`);
    return (await this.toDtos([session], myRole))[0];
  }

  async update(id: string, dto: UpdateSessionDto, myRole: ProgramRole | null): Promise<SessionDto> {
    const repo = this.db.getRepository(EchoSession);
    const session = await repo.findOneByOrFail({ id });
    if (dto.title !== undefined) session.title = dto.title;
    if (dto.durationMinutes !== undefined) session.durationMinutes = dto.durationMinutes;
    if (dto.startsAt !== undefined) session.startsAt = new Date(dto.startsAt).toISOString();
    if (dto.status !== undefined) session.status = dto.status;
    session.revision++;
    await repo.save(session);
    return this.get(id, myRole);
  }

  async replaceAgenda(id: string, items: AgendaItemInputDto[], myRole: ProgramRole | null): Promise<SessionDto> {
    const session = await this.db.getRepository(EchoSession).findOneByOrFail({ id });
    await this.db.transaction(async (tx) => {
      const presenters = await this.presenters(tx, session.programId, items);
      const old = await tx.getRepository(AgendaItem).find({ where: { sessionId: id }, order: { position: 'ASC' } });
      await tx.getRepository(AgendaItem).delete({ sessionId: id });
      await this.writeAgenda(tx, id, items, presenters, old);
      await tx.getRepository(EchoSession).increment({ id }, 'revision', 1);
    });
    return this.get(id, myRole);
  }

  async uploadSlides(sessionId: string, itemId: string, file: Express.Multer.File | undefined): Promise<AgendaItemDto> {
    if (!file) throw badRequest('file is required (multipart form field "file")');
    const repo = this.db.getRepository(AgendaItem);
    const item = await repo.findOne({ where: { id: itemId, sessionId }, relations: { presenter: true } });
    if (!item) throw notFound(`agenda item ${itemId}`);
    if (item.kind !== 'didactic') throw badRequest('slides belong to didactic slots');
    const replaced = item.slidesFile;
    // PDF slides lose their metadata; presentation formats are stored as they are. Their text is not
    // read: a talk names its speakers and sources.
    const { storedName, name, removed } = await ingestUpload(this.storage, file, {
      folder: SLIDES,
      accept: (_sniffed, fileName) => {
        const ext = extname(fileName).toLowerCase();
        return SLIDE_TYPES[ext] ? { mimeType: SLIDE_TYPES[ext], ext } : null;
      },
      refusal: `file must be one of ${Object.keys(SLIDE_TYPES).join(', ')}`,
      readText: false,
    });
    item.slidesFile = storedName;
    item.slidesName = name.slice(0, 255);
    await repo.save(item);
    if (replaced) await this.storage.discard(`${SLIDES}/${replaced}`);
    return { ...this.toAgendaDto(item), removed };
  }

  async slides(sessionId: string, itemId: string): Promise<{ key: string; name: string; contentType: string }> {
    const item = await this.db.getRepository(AgendaItem).findOneBy({ id: itemId, sessionId });
    if (!item?.slidesFile) throw notFound(`slides of agenda item ${itemId}`);
    return {
      key: `${SLIDES}/${item.slidesFile}`,
      name: item.slidesName ?? item.slidesFile,
      contentType: SLIDE_TYPES[extname(item.slidesFile)] ?? 'application/octet-stream',
    };
  }

  async calendarLinks(programId: string, userId: string): Promise<CalendarLinks> {
    const program = await this.db.getRepository(Program).findOneByOrFail({ id: programId });
    const user = await this.db.getRepository(User).findOneByOrFail({ id: userId });
    const base = `${this.config.publicUrl}/api/calendar`;
    return {
      programFeedUrl: `${base}/programs/${program.id}/feed.ics?token=${program.calendarToken}`,
      personalFeedUrl: `${base}/users/${user.id}/feed.ics?token=${user.calendarToken}`,
    };
  }

  async programFeed(programId: string, token: string): Promise<string> {
    const program = await this.db.getRepository(Program).findOneBy({ id: programId });
    if (!program || !sameSecret(program.calendarToken, token)) throw notFound('calendar');
    const sessions = await this.db
      .getRepository(EchoSession)
      .find({ where: { programId }, order: { startsAt: 'ASC' } });
    return this.ics(program.name, sessions);
  }

  async personalFeed(userId: string, token: string): Promise<string> {
    const user = await this.db.getRepository(User).findOneBy({ id: userId });
    if (!user || !sameSecret(user.calendarToken, token)) throw notFound('calendar');
    const programIds = (await this.db.getRepository(Membership).find({ where: { userId } })).map((m) => m.programId);
    const sessions = await this.db
      .getRepository(EchoSession)
      .find({ where: { programId: In(programIds) }, order: { startsAt: 'ASC' } });
    return this.ics(`ECHO sessions — ${user.displayName}`, sessions);
  }

  private async ics(name: string, sessions: EchoSession[]): Promise<string> {
    const items = await this.agendas(sessions.map((s) => s.id));
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
    tx: EntityManager,
    programId: string,
    items: AgendaItemInputDto[],
  ): Promise<Map<string, string>> {
    const emails = [...new Set(items.flatMap((i) => (i.presenterEmail ? [i.presenterEmail.toLowerCase()] : [])))];
    if (!emails.length) return new Map();
    const users = await tx.getRepository(User).find({ where: { email: In(emails) } });
    const members = await tx
      .getRepository(Membership)
      .find({ where: { programId, userId: In(users.map((u) => u.id)) } });
    const memberIds = new Set(members.map((m) => m.userId));
    const found = new Map(users.filter((u) => memberIds.has(u.id)).map((u) => [u.email, u.id]));
    items.forEach((item, index) => {
      const email = item.presenterEmail?.toLowerCase();
      if (email && !found.has(email)) {
        throw badRequest(`agenda.${index}.presenterEmail: no member of this program uses ${email}`);
      }
    });
    return found;
  }

  private async writeAgenda(
    tx: EntityManager,
    sessionId: string,
    items: AgendaItemInputDto[],
    presenters: Map<string, string>,
    previous: AgendaItem[] = [],
  ): Promise<void> {
    const repo = tx.getRepository(AgendaItem);
    let cases = 0;
    await repo.save(
      items.map((item, position) => {
        // Slides stay with a didactic slot whose title is unchanged.
        const kept = previous.find((p) => p.kind === 'didactic' && item.kind === 'didactic' && p.title === item.title);
        return repo.create({
          sessionId,
          position,
          kind: item.kind,
          title: item.kind === 'case' ? (item.title ?? `Case presentation ${++cases}`) : (item.title ?? ''),
          minutes: item.minutes,
          presenterId: item.presenterEmail ? (presenters.get(item.presenterEmail.toLowerCase()) ?? null) : null,
          slidesFile: kept?.slidesFile ?? null,
          slidesName: kept?.slidesName ?? null,
        });
      }),
    );
  }

  private async agendas(sessionIds: string[]): Promise<Map<string, AgendaItem[]>> {
    const items = sessionIds.length
      ? await this.db.getRepository(AgendaItem).find({
          where: { sessionId: In(sessionIds) },
          relations: { presenter: true },
          order: { position: 'ASC' },
        })
      : [];
    const bySession = new Map<string, AgendaItem[]>();
    for (const item of items) bySession.set(item.sessionId, [...(bySession.get(item.sessionId) ?? []), item]);
    return bySession;
  }

  private async toDtos(sessions: EchoSession[], myRole: ProgramRole | null): Promise<SessionDto[]> {
    const agendas = await this.agendas(sessions.map((s) => s.id));
    const queues = await this.cases.queue(sessions.map((s) => s.id));
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

const badRequest = (message: string) => new BadRequestException({ error: 'VALIDATION_FAILED', message });

function sameSecret(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
