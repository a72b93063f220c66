import type { RecordingDto, RecordingTicket } from '@echo-hub/protocol';
import {
  Inject,
  Injectable,
  Logger,
  NotFoundException,
  type OnApplicationShutdown,
  type OnModuleInit,
  UnauthorizedException,
} from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { existsSync, statSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { APP_CONFIG, type AppConfig } from '../config/config';
import type { Page, PageQueryDto } from '../common/page';
import { nowIso } from '../database/columns';
import { JobsService } from '../jobs/jobs.service';
import type { AuthUser } from '../auth/auth.types';
import type { ms } from '../media';
import { RightsService } from '../realtime/rights.service';
import { RedisService } from '../redis/redis.service';
import { StorageService } from '../storage/storage.service';
import { type VttCue, webVtt } from '../captions';
import { Recorder, remux, stopStrayRecorder } from './recorder';
import { Recording } from './entities/recording.entity';
import { RecordingRecords } from './recordings.records';

/** What a live room hands over to be recorded. */
export interface RecordingRequest {
  sessionId: string;
  programId: string;
  router: ms.Router;
  video?: ms.Producer;
  audio: ms.Producer[];
  kind: Recording['kind'];
  title: string;
  presenterName: string;
  consent?: Recording['consent'];
  /** Called when ffmpeg fails mid-way (the recording is already stopped and marked). */
  onFailed: (message: string) => void;
}

/** How long one instance holds a recording it finishes after a restart before another may try. */
const CLAIM_MS = 10 * 60_000;
const PORTS_PER_RECORDING = 32; // 16 streams: one video and up to 15 microphones
const MAX_AUDIO = PORTS_PER_RECORDING / 2 - 1;

/** Where recordings are kept in storage (RECORDINGS_DIR on local disk). */
const FOLDER = 'recordings';
const key = (r: Recording) => `${FOLDER}/${r.file}`;
const VTT = { contentType: 'text/vtt' };

/**
 * One recorder per live session. ffmpeg writes to RECORDINGS_DIR; a finished file is then moved
 * into storage (on local disk it is already there; to S3 it is uploaded, the row `storing` until
 * then). A row per recording keeps its title, presenter, times, size and (for a case slot) the
 * consent it was made under. An hourly job deletes recordings older than RECORDINGS_RETENTION_DAYS.
 */
@Injectable()
export class RecordingsService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(RecordingsService.name);
  private readonly active = new Map<
    string,
    { recorder: Recorder; row: Recording; ports: number; captions: VttCue[] }
  >();
  /** Files being moved into storage, awaited at shutdown. */
  private readonly storing = new Set<Promise<void>>();
  /** The last recorder failure, for /api/health (null when the last recording went well). */
  lastError: string | null = null;

  constructor(
    private readonly records: RecordingRecords,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jwt: JwtService,
    private readonly jobs: JobsService,
    private readonly storage: StorageService,
    private readonly redis: RedisService,
    private readonly rights: RightsService,
  ) {}

  async onModuleInit(): Promise<void> {
    this.jobs.every('recordings.retention', 60 * 60 * 1000, () => this.deleteExpired());
    await this.resumeStoring().catch((e: Error) =>
      this.logger.error(`could not resume storing recordings: ${e.message}`),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    for (const sessionId of [...this.active.keys()]) await this.stop(sessionId);
    await this.stored();
  }

  isRecording(sessionId: string): boolean {
    return this.active.has(sessionId);
  }

  async start(req: RecordingRequest): Promise<Recording> {
    if (this.active.has(req.sessionId)) throw new Error('this session is already being recorded');
    const ports = this.allocatePorts();
    const row = await this.records.add({
      programId: req.programId,
      sessionId: req.sessionId,
      title: req.title.slice(0, 200),
      presenterName: req.presenterName.slice(0, 100),
      kind: req.kind,
      status: 'recording',
      file: `${req.sessionId}-${Date.now()}.webm`,
      startedAt: nowIso(),
      endedAt: null,
      sizeBytes: 0,
      consent: req.consent ?? null,
      error: null,
    });
    let recorder: Recorder;
    try {
      recorder = await Recorder.start({
        router: req.router,
        video: req.video,
        audio: req.audio.slice(0, MAX_AUDIO),
        ports: Array.from({ length: PORTS_PER_RECORDING }, (_, i) => ports + i),
        file: this.spoolPath(row),
        ffmpeg: this.config.recordings.ffmpeg,
      });
    } catch (e) {
      this.lastError = (e as Error).message;
      await this.records.update(row.id, { status: 'failed', endedAt: nowIso(), error: this.lastError.slice(0, 500) });
      throw e;
    }
    this.lastError = null;
    this.active.set(req.sessionId, { recorder, row, ports, captions: [] });
    recorder.once('failed', (message) => {
      this.logger.error(`recording of session ${req.sessionId} failed: ${message}`);
      this.lastError = message;
      void this.stop(req.sessionId, message).then(() => req.onFailed(message));
    });
    return row;
  }

  /** A caption line (already through the de-identification gate) kept with the running recording. */
  addCaption(sessionId: string, speaker: string, text: string): void {
    const entry = this.active.get(sessionId);
    if (!entry) return;
    const end = (Date.now() - Date.parse(entry.row.startedAt)) / 1000;
    // A line is shown from when the one before it ended, for at most 6 s before it was finished.
    const start = Math.max(entry.captions.at(-1)?.end ?? 0, end - 6);
    entry.captions.push({ start, end, speaker, text });
  }

  /**
   * Stops the session's recording and finalises its row (partial when it ended in an error); the
   * file then goes into storage in the background (the row is `storing` meanwhile).
   */
  async stop(sessionId: string, error?: string): Promise<void> {
    const entry = this.active.get(sessionId);
    if (!entry) return;
    this.active.delete(sessionId);
    await entry.recorder.stop();
    const path = this.spoolPath(entry.row);
    await rm(`${path}.sdp`, { force: true });
    const sizeBytes = existsSync(path) ? statSync(path).size : 0;
    const ended = { sizeBytes, endedAt: nowIso(), error: error?.slice(0, 500) ?? null };
    if (sizeBytes === 0) {
      await this.records.update(entry.row.id, { ...ended, status: 'failed' });
      return;
    }
    await this.records.update(entry.row.id, { ...ended, status: 'storing' });
    if (entry.captions.length) await writeFile(`${path}.vtt`, webVtt(entry.captions));
    this.store(entry.row, error ? 'partial' : 'complete');
  }

  /** Moves the finished file into storage, then gives the row its final status. */
  private store(row: Recording, status: 'complete' | 'partial'): void {
    const path = this.spoolPath(row);
    const done = (async () => {
      try {
        if (existsSync(`${path}.vtt`)) await this.storage.moveIn(`${path}.vtt`, `${key(row)}.vtt`, VTT);
        await this.storage.moveIn(path, key(row), { contentType: 'video/webm' });
        await this.records.update(row.id, { status });
      } catch (e) {
        this.lastError = `could not store recording ${row.id}: ${(e as Error).message} (the file is kept at ${path})`;
        this.logger.error(this.lastError);
        await this.records.update(row.id, { status: 'failed', error: this.lastError.slice(0, 500) }).catch(() => {});
      }
    })();
    this.storing.add(done);
    void done.then(() => this.storing.delete(done));
  }

  /**
   * After a restart: stores (in the background) the files this instance had not finished storing. Instances
   * sharing RECORDINGS_DIR start together: each file is taken by one of them only (claim()).
   */
  private async resumeStoring(): Promise<void> {
    const rows = await this.records.inStatus('storing');
    for (const row of rows) {
      if (!existsSync(this.spoolPath(row)) || !(await this.claim(row))) continue;
      this.store(row, row.error ? 'partial' : 'complete');
    }
  }

  /**
   * Whether this instance may finish the recording's file: with several instances (REDIS_URL) the first to take a
   * lock in Redis, and only while the row still waits for it (another may have finished it just before); alone,
   * always. The lock expires by itself, so a crash while storing leaves the file to the next start.
   */
  private async claim(row: Recording): Promise<boolean> {
    const redis = this.redis.client;
    if (redis && (await redis.set(`recording:{${row.id}}:claim`, '1', 'PX', CLAIM_MS, 'NX')) !== 'OK') return false;
    const now = await this.records.recording(row.id);
    return now?.status === row.status;
  }

  /**
   * Recordings left `recording` by a crash (none of them running here), of one session or all: finished as
   * `partial` from what ffmpeg wrote, remuxed so that it plays and seeks (an interrupted WebM has no cues or
   * duration); `failed` when nothing was written. An ffmpeg orphaned by the crash is stopped first, cleanly.
   */
  async finishInterrupted(sessionId?: string): Promise<void> {
    for (const row of await this.records.inStatus('recording', sessionId)) {
      if (this.active.get(row.sessionId)?.row.id === row.id || !(await this.claim(row))) continue;
      const path = this.spoolPath(row);
      await stopStrayRecorder(path);
      await rm(`${path}.sdp`, { force: true });
      const written = existsSync(path) ? statSync(path) : null;
      const error = 'The hub stopped while recording: the recording ends there';
      const endedAt = (written?.mtime ?? new Date()).toISOString();
      if (!written?.size) {
        await this.records.update(row.id, { status: 'failed', endedAt, error });
        continue;
      }
      if (!(await remux(this.config.recordings.ffmpeg, path))) {
        this.logger.warn(`recording ${row.id}: could not remux ${path}; kept as written`);
      }
      await this.records.update(row.id, { status: 'storing', endedAt, error, sizeBytes: statSync(path).size });
      this.logger.warn(`recording ${row.id} was interrupted by a crash: kept as partial`);
      this.store(row, 'partial');
    }
  }

  /** The session's last recording (the one to go on with when a restored room was recording). */
  async latest(sessionId: string): Promise<Recording | null> {
    return this.records.latest(sessionId);
  }

  /** Where ffmpeg writes the file (RECORDINGS_DIR). */
  private spoolPath(row: Recording): string {
    return join(this.config.recordings.dir, row.file);
  }

  /** Resolves when every file being stored is stored (or has failed). */
  async stored(): Promise<void> {
    await Promise.all(this.storing);
  }

  async keyFrame(sessionId: string): Promise<void> {
    await this.active.get(sessionId)?.recorder.requestKeyFrame();
  }

  /** A page of the program's recordings, last first. */
  async list(programId: string, page: PageQueryDto): Promise<Page<RecordingDto>> {
    const { items, next } = await this.records.ofProgram(programId, page);
    return { next, items: items.map((r) => this.toDto(r)) };
  }

  private toDto(r: Recording): RecordingDto {
    return {
      id: r.id,
      sessionId: r.sessionId,
      sessionTitle: r.session?.title ?? '',
      title: r.title,
      presenterName: r.presenterName,
      kind: r.kind,
      status: r.status,
      startedAt: r.startedAt,
      endedAt: r.endedAt,
      durationSeconds: r.endedAt ? Math.round((Date.parse(r.endedAt) - Date.parse(r.startedAt)) / 1000) : null,
      sizeBytes: r.sizeBytes,
      consented: r.consent !== null,
      mediaUrl: `/api/recordings/${r.id}/media`,
    };
  }

  async file(id: string): Promise<{ key: string; name: string }> {
    const r = await this.records.recording(id);
    if (!r || r.status === 'recording' || r.status === 'storing' || !(await this.storage.head(key(r)))) {
      throw new NotFoundException({ error: 'NOT_FOUND', message: `recording ${id} has no file (yet)` });
    }
    const safe =
      r.title
        .replace(/[^\w -]+/g, '')
        .trim()
        .slice(0, 80) || 'recording';
    return { key: key(r), name: `${safe}.webm` };
  }

  /**
   * A playback URL for a <video> element, bound to the sign-in that asked: it streams only while that sign-in
   * lasts and its person may read the program (checked on every request, so also on each range request mid-way).
   */
  async ticket(id: string, user: AuthUser): Promise<RecordingTicket> {
    const { key } = await this.file(id);
    const ticket = await this.jwt.signAsync({ rid: id, sub: user.id, sid: user.sessionId }, { expiresIn: '6h' });
    const expiresAt = new Date(Date.now() + 6 * 3600_000).toISOString();
    const captions = await this.storage.head(`${key}.vtt`);
    return {
      url: `/api/recordings/${id}/stream?ticket=${ticket}`,
      captionsUrl: captions ? `/api/recordings/${id}/captions?ticket=${ticket}` : null,
      expiresAt,
    };
  }

  /** Where the recording's captions (WebVTT) are stored; 404 when none were given while it recorded. */
  async captionsKey(id: string): Promise<string> {
    const vtt = `${(await this.file(id)).key}.vtt`;
    if (!(await this.storage.head(vtt))) {
      throw new NotFoundException({ error: 'NOT_FOUND', message: `recording ${id} has no captions` });
    }
    return vtt;
  }

  async checkTicket(id: string, ticket: string): Promise<void> {
    const payload = await this.jwt.verifyAsync<{ rid?: string; sub?: string; sid?: string }>(ticket).catch(() => null);
    const row = payload?.rid === id ? await this.records.recording(id) : null;
    const holder = payload?.sub && payload.sid ? { id: payload.sub, sessionId: payload.sid } : null;
    if (!row || !holder || !(await this.rights.mayUse(holder, row.programId))) {
      throw new UnauthorizedException({
        error: 'TOKEN_INVALID',
        message: 'The playback link is invalid or has expired, or its sign-in has ended',
      });
    }
  }

  /** Deletes recordings older than the retention period (object, any local copy, row). */
  async deleteExpired(now = Date.now()): Promise<number> {
    const cutoff = new Date(now - this.config.recordings.retentionDays * 86_400_000).toISOString();
    const expired = await this.records.startedBefore(cutoff);
    let deleted = 0;
    for (const r of expired) {
      try {
        await this.storage.delete(key(r));
        // Its captions (WebVTT), kept only when captions were given while it recorded.
        await this.storage.delete(`${key(r)}.vtt`).catch(() => undefined);
        await rm(this.spoolPath(r), { force: true });
        await rm(`${this.spoolPath(r)}.vtt`, { force: true });
        await this.records.remove(r.id);
        deleted++;
      } catch (e) {
        this.logger.warn(`could not delete recording ${r.id} (next hour again): ${(e as Error).message}`);
      }
    }
    if (deleted) this.logger.log(`deleted ${deleted} recording(s) past retention`);
    return deleted;
  }

  private allocatePorts(): number {
    const { portMin, portMax } = this.config.recordings;
    const used = new Set([...this.active.values()].map((a) => a.ports));
    for (let base = portMin; base + PORTS_PER_RECORDING - 1 <= portMax; base += PORTS_PER_RECORDING) {
      if (!used.has(base)) return base;
    }
    throw new Error('no recording ports are free (RECORDING_PORT_MIN-RECORDING_PORT_MAX)');
  }
}
