/**
 * The real hub in a process of its own: `createApp(loadConfig(...))` from the built server (the same
 * factory production and the integration tests boot), its WorkerPool, a temporary SQLite file or the
 * PostgreSQL in BENCH_DATABASE_URL, listening on 127.0.0.1. Started by run.ts; answers over IPC.
 *
 * Accounts and memberships are made through the services, as apps/server/test/fixtures.ts does.
 * For the SFU phase the bench reads a live room's router (`RoomRegistry.get(id).media.router`) and
 * attaches PlainTransports to it; the presenter's audio also goes into that room's
 * ActiveSpeakerObserver (read from the MediaRoom, as the hub adds every microphone to it).
 */
import type { ParticipationType, ProgramRole, RoomState } from '@echo-hub/protocol';
import type { types as ms } from 'mediasoup';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { type IntervalHistogram, monitorEventLoopDelay } from 'node:perf_hooks';
import { join } from 'node:path';
import { serveHost } from '../lib/host-ipc';
import { requireServer, serverRequire } from '../lib/server-dist';
import { buildGallery, type Gallery, type GalleryArgs } from './gallery-topology';
import { buildTopology, type SfuSetupArgs, type Topology } from './sfu-topology';
import { buildWebinar, type Webinar, type WebinarArgs, type WebinarMediaRoom } from './webinar-topology';

// ---- the shapes of the server's classes the bench uses (see lib/server-dist.ts) ----------

interface NestApp {
  get<T>(token: unknown): T;
  init(): Promise<unknown>;
  listen(port: number, host: string): Promise<unknown>;
  close(): Promise<void>;
  getHttpServer(): Server;
}
interface AuthService {
  register(dto: { email: string; password: string; displayName: string }): Promise<{ id: string }>;
  login(dto: { email: string; password: string }, ip: string): Promise<{ accessToken: string }>;
}
interface ProgramsService {
  create(dto: Record<string, unknown>): Promise<{ id: string }>;
  addSite(
    programId: string,
    dto: { organisation: string; locality?: string; country?: string },
  ): Promise<{ id: string }>;
}
interface SessionsService {
  create(programId: string, dto: Record<string, unknown>, role: ProgramRole | null): Promise<{ id: string }>;
}
interface Repository {
  create(v: Record<string, unknown>): unknown;
  save(v: unknown): Promise<unknown>;
  find(options: Record<string, unknown>): Promise<unknown[]>;
  update(where: Record<string, unknown>, values: Record<string, unknown>): Promise<unknown>;
}
interface DataSource {
  getRepository(entity: unknown): Repository;
  logger: { logQuery(...args: unknown[]): unknown };
}
interface LiveRoom {
  state(): Promise<RoomState>;
  media: {
    router: ms.Router;
    closed: boolean;
    adopt(userId: string, producer: ms.Producer): Promise<void>;
    adoptConsumer(userId: string, consumer: ms.Consumer): Promise<void>;
    stats(): { audioConsumers: number; audioForwarded: number };
  } | null;
}
interface RoomRegistry {
  get(sessionId: string): LiveRoom | undefined;
}
interface WorkerPool {
  pids(): number[];
  workerOf(router: ms.Router): { pid: number } | undefined;
}

const server = {
  factory: requireServer<{ createApp(config: unknown): Promise<NestApp> }>('app.factory.js'),
  config: requireServer<{ loadConfig(env: NodeJS.ProcessEnv): unknown }>('config/config.js'),
  auth: requireServer<{ AuthService: unknown }>('auth/auth.service.js'),
  programs: requireServer<{ ProgramsService: unknown }>('programs/programs.service.js'),
  sessions: requireServer<{ SessionsService: unknown }>('sessions/sessions.service.js'),
  membership: requireServer<{ Membership: unknown }>('programs/entities/membership.entity.js'),
  attendance: requireServer<{ Attendance: unknown }>('live/entities/attendance.entity.js'),
  echoSession: requireServer<{ EchoSession: unknown }>('sessions/entities/echo-session.entity.js'),
  live: requireServer<{ RoomRegistry: unknown }>('live/room-registry.js'),
  pool: requireServer<{ WorkerPool: unknown }>('media/worker-pool.js'),
  typeorm: serverRequire('typeorm') as { DataSource: unknown; LessThan(value: string): unknown },
};

// ---- demo-like people and places (fictional) ------------------------------------------------

const FIRST = ['Aoife', 'Ahmed', 'Bríd', 'Ciarán', 'Deepa', 'Eilidh', 'Fatima', 'Gareth', 'Hannah', 'Ibrahim'];
const LAST = ['Byrne', 'Rahman', 'Watson', 'Kelly', 'Okafor', 'Patel', 'Campbell', 'Nowak', 'Murphy', 'Evans'];
const PROFESSIONS = ['Link worker', 'Practice nurse', 'GP', 'Health coach', 'Community pharmacist', 'Care coordinator'];
const PARTICIPATION: ParticipationType[] = ['staff', 'staff', 'staff', 'volunteer', 'carer'];
const SITES = [
  ['Ards Community Health Centre', 'Newtownards', 'Northern Ireland'],
  ['Bradford Social Prescribing Hub', 'Bradford', 'England'],
  ['Letterkenny Primary Care Centre', 'Donegal', 'Ireland'],
  ['Antrim Area Wellbeing Service', 'Antrim', 'Northern Ireland'],
  ['Leeds Community Wellbeing Network', 'Leeds', 'England'],
  ['Cardiff Health Coaching Team', 'Cardiff', 'Wales'],
  ['Inverness Rural Practice', 'Highland', 'Scotland'],
  ['Galway Integrated Care Team', 'Galway', 'Ireland'],
  ['Newry Mental Health Collaborative', 'Newry', 'Northern Ireland'],
  ['Sheffield Carers Centre', 'Sheffield', 'England'],
  ['Swansea Link Worker Service', 'Swansea', 'Wales'],
  ['Dundee Community Pharmacy Group', 'Dundee', 'Scotland'],
];
const PASSWORD = 'bench-password-not-secret';

export interface BenchAccount {
  userId: string;
  token: string;
  displayName: string;
}

export interface SeedResult {
  /** Where the live sessions are opened. */
  programId: string;
  /** Read and written by the REST phase. */
  restProgramId: string;
  host: BenchAccount;
  spokes: BenchAccount[];
  seedMs: number;
}

async function main(): Promise<void> {
  serverRequire('reflect-metadata');
  const dataDir = mkdtempSync(join(tmpdir(), 'echo-hub-bench-'));
  const config = server.config.loadConfig({
    ...process.env,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DATABASE_URL: process.env.BENCH_DATABASE_URL ?? '',
    RTC_LISTEN_IP: '127.0.0.1',
    RTC_PORT: process.env.BENCH_RTC_PORT ?? '47000',
    RTC_MIN_PORT: process.env.BENCH_RTC_MIN_PORT ?? '47100',
    RTC_MAX_PORT: process.env.BENCH_RTC_MAX_PORT ?? '47999',
    LOG_LEVEL: 'warn',
  });
  const app = await server.factory.createApp(config);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const auth = app.get<AuthService>(server.auth.AuthService);
  const programs = app.get<ProgramsService>(server.programs.ProgramsService);
  const sessions = app.get<SessionsService>(server.sessions.SessionsService);
  const db = app.get<DataSource>(server.typeorm.DataSource);
  const live = app.get<RoomRegistry>(server.live.RoomRegistry);
  const pool = app.get<WorkerPool>(server.pool.WorkerPool);

  let userCount = 0;
  // register() runs in a transaction, and on SQLite two at once fail ("cannot start a transaction within
  // a transaction"): registrations go one at a time; sign-ins (argon2 verify) run side by side.
  let registering: Promise<unknown> = Promise.resolve();
  const account = async (displayName: string): Promise<BenchAccount> => {
    const n = ++userCount;
    const email = `bench-${n}-${process.pid}@echo.bench`;
    const registered = registering.then(() => auth.register({ email, password: PASSWORD, displayName }));
    registering = registered.catch(() => undefined);
    const user = await registered;
    const { accessToken } = await auth.login({ email, password: PASSWORD }, `10.9.${n >> 8}.${n & 255}`);
    return { userId: user.id, token: accessToken, displayName };
  };
  const memberships = db.getRepository(server.membership.Membership);
  const addMember = (programId: string, userId: string, role: ProgramRole, siteId: string | null, i: number) =>
    memberships.save(
      memberships.create({
        programId,
        userId,
        role,
        siteId,
        profession: PROFESSIONS[i % PROFESSIONS.length],
        participationType: PARTICIPATION[i % PARTICIPATION.length],
      }),
    );

  /**
   * Twelve weekly sessions before today, each attended by most members (one row each, as the live room writes
   * them): what the impact report reads.
   */
  const pastAttendance = async (programId: string, host: BenchAccount, people: BenchAccount[]) => {
    const weeks = 12;
    await sessions.create(
      programId,
      {
        title: 'Social Prescribing ECHO — earlier session',
        startsAt: new Date(Date.now() - weeks * 7 * 86_400_000).toISOString().replace('Z', '+00:00'),
        durationMinutes: 90,
        recurrence: { frequency: 'weekly', count: weeks },
      },
      'facilitator',
    );
    const echoSessions = db.getRepository(server.echoSession.EchoSession);
    const past = (await echoSessions.find({
      where: { programId, startsAt: server.typeorm.LessThan(new Date().toISOString()) },
    })) as { id: string; startsAt: string }[];
    const attendance = db.getRepository(server.attendance.Attendance);
    for (const [k, session] of past.entries()) {
      await echoSessions.update({ id: session.id }, { status: 'ended' });
      const start = Date.parse(session.startsAt);
      const rows = [host, ...people]
        .filter((_, i) => (i + k) % 5 !== 0)
        .map((p, i) => ({
          sessionId: session.id,
          userId: p.userId,
          role: i === 0 ? 'facilitator' : 'participant',
          siteId: null,
          joinedAt: new Date(start + (i % 7) * 60_000).toISOString(),
          leftAt: new Date(start + 85 * 60_000).toISOString(),
          lastSeenAt: new Date(start + 85 * 60_000).toISOString(),
        }));
      for (let i = 0; i < rows.length; i += 100)
        await attendance.save(rows.slice(i, i + 100).map((r) => attendance.create(r)));
    }
  };

  // Every SQL statement the hub sends (TypeORM's query runners log each one): the REST phase counts them per request.
  let queries = 0;
  const logQuery = db.logger.logQuery.bind(db.logger);
  db.logger.logQuery = (...args: unknown[]) => {
    queries++;
    return logQuery(...args);
  };

  let topology: Topology | undefined;
  let gallery: Gallery | undefined;
  let webinar: Webinar | undefined;
  let loop: IntervalHistogram | undefined;
  let profiler: Session | undefined;

  serveHost(
    {
      pid: process.pid,
      workerPids: pool.pids(),
      mediasoupVersion: (serverRequire('mediasoup/package.json') as { version: string }).version,
      url: `http://127.0.0.1:${port}`,
    },
    {
      /**
       * An admin (the first account is one), a facilitator and `spokes` participants at 12 sites, in two
       * programs: one for the live sessions the bench opens, one (with 24 weekly sessions) for REST, so REST
       * reads the same data on SQLite and PostgreSQL however many live sessions ran before.
       */
      seed: async ({ spokes }: { spokes: number }): Promise<SeedResult> => {
        const t0 = Date.now();
        await account('Bench Administrator');
        const program = (name: string, topic: string) =>
          programs.create({
            name,
            description: 'Fortnightly teleECHO network for link workers and practice teams: teaching, then cases.',
            topic,
            targetAudience: 'Link workers, GPs, practice nurses, community and voluntary sector staff',
            learningTarget: 1020,
            timeZone: 'Europe/London',
          });
        const rest = await program('Social Prescribing ECHO (bench)', 'Social prescribing and personalised care');
        const liveProgram = await program('Mental Health Collaborative ECHO (bench)', 'Coproduction in mental health');
        const sites = new Map<string, string[]>();
        for (const p of [rest, liveProgram]) {
          const ids: string[] = [];
          for (const [organisation, locality, country] of SITES) {
            ids.push((await programs.addSite(p.id, { organisation, locality, country })).id);
          }
          sites.set(p.id, ids);
        }
        const host = await account('Siobhán McAllister');
        const people: BenchAccount[] = [];
        // Hashing passwords (argon2) dominates: a few at a time keeps both cores busy.
        for (let i = 0; i < spokes; i += 8) {
          const batch = await Promise.all(
            Array.from({ length: Math.min(8, spokes - i) }, (_, k) => {
              const n = i + k;
              return account(`${FIRST[n % 10]} ${LAST[Math.floor(n / 10) % 10]} ${n + 1}`);
            }),
          );
          people.push(...batch);
        }
        for (const p of [rest, liveProgram]) {
          const ids = sites.get(p.id) ?? [];
          await addMember(p.id, host.userId, 'facilitator', null, 0);
          for (const [i, person] of people.entries()) {
            await addMember(p.id, person.userId, 'participant', ids[i % ids.length], i);
          }
        }
        await sessions.create(
          rest.id,
          {
            title: 'Social Prescribing ECHO — fortnightly session',
            startsAt: new Date(Date.now() + 86_400_000).toISOString().replace('Z', '+00:00'),
            durationMinutes: 90,
            agenda: [
              { kind: 'didactic', title: 'Motivational interviewing in 10 minutes', minutes: 20 },
              { kind: 'case', minutes: 30 },
              { kind: 'case', minutes: 30 },
            ],
            recurrence: { frequency: 'weekly', count: 24 },
          },
          'facilitator',
        );
        await pastAttendance(rest.id, host, people);
        return {
          programId: liveProgram.id,
          restProgramId: rest.id,
          host,
          spokes: people,
          seedMs: Date.now() - t0,
        };
      },

      /** A one-off session starting now, for one live room. */
      'session:create': async ({ programId, title }: { programId: string; title: string }) => {
        const created = await sessions.create(
          programId,
          {
            title,
            startsAt: new Date().toISOString().replace('Z', '+00:00'),
            durationMinutes: 90,
            agenda: [
              { kind: 'didactic', title: 'Loneliness and the link worker', minutes: 20 },
              { kind: 'case', minutes: 30 },
            ],
          },
          'facilitator',
        );
        return { sessionId: created.id };
      },

      room: async ({ sessionId }: { sessionId: string }) => {
        const room = live.get(sessionId);
        if (!room) return null;
        const s = await room.state();
        return {
          version: s.version,
          participants: s.participants.length,
          online: s.participants.filter((p) => p.online).length,
          chat: s.chat.length,
          activeSpeakerId: s.activeSpeakerId,
          presenterId: s.presenterId,
          hasMedia: !!room.media && !room.media.closed,
        };
      },

      'sfu:setup': async (args: SfuSetupArgs & { sessionId: string; presenterUserId: string }) => {
        const room = live.get(args.sessionId);
        if (!room?.media || room.media.closed) throw new Error(`session ${args.sessionId} has no live media room`);
        topology = await buildTopology(room.media.router, args, {
          video: { userId: args.presenterUserId, source: 'camera' },
          audio: { userId: args.presenterUserId, source: 'mic' },
        });
        // The hub adds every microphone to its room's ActiveSpeakerObserver (MediaRoom.produce).
        const speakers = (room.media as unknown as { speakers?: ms.ActiveSpeakerObserver }).speakers;
        if (speakers) await speakers.addProducer({ producerId: topology.audioProducer.id });
        return { ...topology.result, activeSpeakerObserver: !!speakers };
      },
      /** How many SQL statements the hub has sent since it started. */
      queries: () => queries,
      /** The hub's own event-loop delay between start and stop: is its main thread the bottleneck? */
      'loop:start': () => {
        loop?.disable();
        loop = monitorEventLoopDelay({ resolution: 10 });
        loop.enable();
      },
      'loop:stop': () => {
        loop?.disable();
        const ms = (ns: number) => ns / 1e6;
        return loop ? { p50: ms(loop.percentile(50)), p99: ms(loop.percentile(99)), max: ms(loop.max) } : null;
      },
      /** A CPU profile of the hub's main thread between start and stop, written to `file` (BENCH_PROFILE_DIR). */
      'profile:start': async () => {
        profiler = new Session();
        profiler.connect();
        await profiler.post('Profiler.enable');
        await profiler.post('Profiler.setSamplingInterval', { interval: 200 });
        await profiler.post('Profiler.start');
      },
      'profile:stop': async ({ file }: { file: string }) => {
        if (!profiler) return;
        const { profile } = await profiler.post('Profiler.stop');
        profiler.disconnect();
        profiler = undefined;
        writeFileSync(file, JSON.stringify(profile));
      },
      'sfu:stats': () => topology?.stats(),
      'sfu:teardown': () => {
        topology?.close();
        topology = undefined;
      },
      /** The gallery on a live room's router: participant i is `userIds[i]`, its microphone in the observer. */
      'gallery:setup': async (args: GalleryArgs & { sessionId: string; userIds: string[] }) => {
        const room = live.get(args.sessionId);
        if (!room?.media || room.media.closed) throw new Error(`session ${args.sessionId} has no live media room`);
        const media = room.media;
        gallery = await buildGallery(media.router, args, (i, source) => ({ userId: args.userIds[i], source }), {
          producer: (i, p) => media.adopt(args.userIds[i], p),
          audioConsumer: (i, c) => media.adoptConsumer(args.userIds[i], c),
        });
        return gallery.result;
      },
      /** The webinar on a live room's MediaRoom: its presenters adopted, its viewers placed by its RouterSpread. */
      'webinar:setup': async (args: WebinarArgs & { sessionId: string }) => {
        const room = live.get(args.sessionId);
        if (!room?.media || room.media.closed) throw new Error(`session ${args.sessionId} has no live media room`);
        const media = room.media as unknown as WebinarMediaRoom;
        webinar = await buildWebinar(media, args, (router) => pool.workerOf(router)?.pid);
        return webinar.result;
      },
      'webinar:stats': () => webinar?.stats(),
      'webinar:teardown': () => {
        webinar?.close();
        webinar = undefined;
      },
      /** Packets in, and the hub's audio consumers: how many, and how many its policy forwards now. */
      'gallery:stats': async ({ sessionId }: { sessionId?: string } = {}) => {
        const stats = await gallery?.stats();
        const media = sessionId ? live.get(sessionId)?.media : undefined;
        return stats && media ? { ...stats, ...media.stats() } : stats;
      },
      'gallery:teardown': () => {
        gallery?.close();
        gallery = undefined;
      },
    },
    async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  );
}

main().catch((e: Error) => {
  console.error(`hub host failed: ${e.stack ?? e.message}`);
  process.exit(1);
});
