/**
 * REST under concurrent load: autocannon against the real server over 127.0.0.1, a participant
 * reading the hot pages (the program home with its sites; the first page of its 200+ members; the session list; a peer-support
 * group's thread list, a thread with its replies, their notifications) and a coordinator the impact report
 * (12 past sessions, ~2,400 attendance rows), and a facilitator writing (scheduling a session, which is one
 * database transaction; adding a spoke site). Before measuring, it fills the group through the API: 30 threads,
 * 300 replies, a few dozen notifications for the participant.
 */
import { loadavg } from 'node:os';
import autocannon from 'autocannon';
import type { SeedResult } from '../hosts/hub-host';
import type { HostProcess } from '../lib/host-ipc';
import { MachineLoad, ProcGroup } from '../lib/proc';

export interface RestResult {
  database: string;
  route: string;
  kind: 'read' | 'write';
  /** One of the hot pages (what most people open most often). */
  hot: boolean;
  /** SQL statements one request sends (the fewest of 3 alone; background jobs may add one): N+1 shows here. */
  queriesPerRequest: number | null;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  non2xx: number;
  /** Answers by HTTP status. */
  statuses: Record<string, number>;
  errors: number;
  serverCpu: number;
  /** Everything but the hub and autocannon (for PostgreSQL: including the database server), % of one core. */
  othersCpu: number;
  /** The machine's 1-minute load average right after the route's run (other work on the machine shows here). */
  loadAverage: number;
}

export interface RestOptions {
  cores: number;
  connections: number;
  seconds: number;
  log: (line: string) => void;
}

export async function restPhase(
  database: string,
  host: HostProcess,
  seed: SeedResult,
  opts: RestOptions,
): Promise<RestResult[]> {
  const url = host.info.url ?? '';
  const reader = { Authorization: `Bearer ${seed.spokes[0].token}` };
  const writer = { Authorization: `Bearer ${seed.host.token}`, 'content-type': 'application/json' };
  const community = await fillCommunity(url, seed);
  opts.log(`  rest ${database}: group with ${community.threads} threads and ${community.posts} replies made`);
  let site = 0;
  let session = 0;
  const hot = (route: string, path: string, headers = reader) => ({
    route,
    kind: 'read' as const,
    hot: true,
    options: { url: `${url}${path}`, headers },
  });
  const routes: { route: string; kind: 'read' | 'write'; hot?: boolean; options: autocannon.Options }[] = [
    hot('GET /api/programs/:id', `/api/programs/${seed.restProgramId}`),
    hot('GET /api/programs/:id/members', `/api/programs/${seed.restProgramId}/members`),
    hot('GET /api/programs/:id/sessions', `/api/programs/${seed.restProgramId}/sessions`),
    hot('GET /api/groups/:id/threads', `/api/groups/${community.groupId}/threads`),
    hot('GET /api/threads/:id', `/api/threads/${community.threadId}`),
    hot('GET /api/notifications', '/api/notifications'),
    hot('GET /api/programs/:id/impact', `/api/programs/${seed.restProgramId}/impact`, writer),
    {
      // Creating a session runs in a database transaction (SessionsService.create): concurrency shows there.
      route: 'POST /api/programs/:id/sessions',
      kind: 'write',
      options: {
        url,
        requests: [
          {
            method: 'POST',
            path: `/api/programs/${seed.restProgramId}/sessions`,
            headers: writer,
            setupRequest: (req) => ({
              ...req,
              body: JSON.stringify({
                title: `Extra case clinic ${++session}`,
                startsAt: new Date(Date.UTC(2027, 0, 1) + session * 3_600_000).toISOString().replace('Z', '+00:00'),
                durationMinutes: 60,
                agenda: [
                  { kind: 'didactic', title: 'Social prescribing for long COVID', minutes: 15 },
                  { kind: 'case', minutes: 30 },
                ],
              }),
            }),
          },
        ],
      },
    },
    {
      route: 'POST /api/programs/:id/sites',
      kind: 'write',
      options: {
        url,
        requests: [
          {
            method: 'POST',
            path: `/api/programs/${seed.restProgramId}/sites`,
            headers: writer,
            setupRequest: (req) => ({
              ...req,
              body: JSON.stringify({
                organisation: `Spoke practice ${++site}`,
                locality: 'Northern Trust area',
                country: 'Northern Ireland',
              }),
            }),
          },
        ],
      },
    },
  ];
  const results: RestResult[] = [];
  for (const r of routes) {
    const queriesPerRequest = r.kind === 'read' ? await queriesOf(host, r.options) : null;
    const server = new ProcGroup([host.info.pid]);
    const bench = new ProcGroup([process.pid]);
    const machine = new MachineLoad();
    server.begin();
    bench.begin();
    machine.begin();
    const out = await autocannon({
      ...r.options,
      connections: opts.connections,
      duration: opts.seconds,
      timeout: 10,
    });
    const cpu = server.end().cpu;
    const othersCpu = Math.max(0, machine.end() * opts.cores - cpu - bench.end().cpu);
    const result: RestResult = {
      database,
      route: r.route,
      kind: r.kind,
      hot: r.hot ?? false,
      queriesPerRequest,
      requestsPerSecond: out.requests.average,
      p50Ms: out.latency.p50,
      p99Ms: out.latency.p99,
      requests: out.requests.total,
      non2xx: out.non2xx,
      statuses: Object.fromEntries(Object.entries(out.statusCodeStats ?? {}).map(([k, v]) => [k, v.count ?? 0])),
      errors: out.errors,
      serverCpu: cpu,
      othersCpu,
      loadAverage: loadavg()[0],
    };
    results.push(result);
    opts.log(
      `  rest ${database} ${r.route}: ${result.requestsPerSecond.toFixed(0)} req/s, p99 ${result.p99Ms.toFixed(1)} ms` +
        `, load average ${result.loadAverage.toFixed(2)}` +
        (queriesPerRequest === null ? '' : `, ${queriesPerRequest} queries per request`) +
        (result.non2xx || result.errors
          ? ` — ${result.non2xx} of ${result.requests} answers were not 2xx, ${result.errors} connection errors`
          : ''),
    );
  }
  return results;
}

/** The SQL statements one GET sends: the fewest over 3 requests made alone. */
async function queriesOf(host: HostProcess, options: autocannon.Options): Promise<number> {
  let fewest = Infinity;
  for (let i = 0; i < 3; i++) {
    const before = await host.request<number>('queries');
    const res = await fetch(String(options.url), { headers: options.headers as Record<string, string> });
    await res.arrayBuffer();
    fewest = Math.min(fewest, (await host.request<number>('queries')) - before);
  }
  return fewest;
}

/**
 * A peer-support group in the REST program, filled through the API as people would: the participant who reads
 * the hot pages opens 3 threads, the facilitator 27 (moderators are not rate-limited), and the facilitator
 * replies 10 times in each (each reply in the participant's threads notifies them). Returns the group and the
 * participant's first thread (the one the thread view reads).
 */
async function fillCommunity(url: string, seed: SeedResult) {
  const call = async <T>(token: string, method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${url}/api${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const host = seed.host.token;
  const reader = seed.spokes[0].token;
  const group = await call<{ id: string }>(host, 'POST', `/programs/${seed.restProgramId}/groups`, {
    name: 'Link workers peer support',
    description: 'Between sessions: what worked, what did not, and where to refer.',
  });
  const topics = [
    'Keeping motivation going after the first appointment',
    'Walking groups in winter',
    'Referrals back to the practice: what to include',
    'Working with carers who are exhausted',
    'Loneliness after retirement',
    'Debt advice waiting lists',
  ];
  const threads: string[] = [];
  for (let i = 0; i < 30; i++) {
    const token = i < 3 ? reader : host;
    const { id } = await call<{ id: string }>(token, 'POST', `/groups/${group.id}/threads`, {
      title: `${topics[i % topics.length]} (${i + 1})`,
      body: 'How do other teams handle this? We have tried a few things and would like to compare notes.',
    });
    threads.push(id);
  }
  // Replies to one thread go one after another: two at once in the same thread fail today (both take the same
  // post number: a 500 from the UNIQUE (thread_id, number) constraint; reported in #17's notes).
  let posts = 0;
  for (let i = 0; i < threads.length; i += 5) {
    await Promise.all(
      threads.slice(i, i + 5).map(async (id) => {
        for (let k = 0; k < 10; k++) {
          await call(host, 'POST', `/threads/${id}/posts`, {
            body: `Reply ${k + 1}: we ask what matters to the person first, then look for a group nearby.`,
          });
          posts++;
        }
      }),
    );
  }
  return { groupId: group.id, threadId: threads[0], threads: threads.length, posts };
}
