/**
 * REST under concurrent load: autocannon against the real server over 127.0.0.1, a participant
 * reading (the program overview with its sites and 200+ members; the session list) and a
 * facilitator writing (scheduling a session, which is one database transaction; adding a spoke site).
 */
import autocannon from 'autocannon';
import type { SeedResult } from '../hosts/hub-host';
import type { HostProcess } from '../lib/host-ipc';
import { MachineLoad, ProcGroup } from '../lib/proc';

export interface RestResult {
  database: string;
  route: string;
  kind: 'read' | 'write';
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
  let site = 0;
  let session = 0;
  const routes: { route: string; kind: 'read' | 'write'; options: autocannon.Options }[] = [
    {
      route: 'GET /api/programs/:id',
      kind: 'read',
      options: { url: `${url}/api/programs/${seed.restProgramId}`, headers: reader },
    },
    {
      route: 'GET /api/programs/:id/sessions',
      kind: 'read',
      options: { url: `${url}/api/programs/${seed.restProgramId}/sessions`, headers: reader },
    },
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
      requestsPerSecond: out.requests.average,
      p50Ms: out.latency.p50,
      p99Ms: out.latency.p99,
      requests: out.requests.total,
      non2xx: out.non2xx,
      statuses: Object.fromEntries(Object.entries(out.statusCodeStats ?? {}).map(([k, v]) => [k, v.count ?? 0])),
      errors: out.errors,
      serverCpu: cpu,
      othersCpu,
    };
    results.push(result);
    opts.log(
      `  rest ${database} ${r.route}: ${result.requestsPerSecond.toFixed(0)} req/s, p99 ${result.p99Ms.toFixed(1)} ms` +
        (result.non2xx || result.errors
          ? ` — ${result.non2xx} of ${result.requests} answers were not 2xx, ${result.errors} connection errors`
          : ''),
    );
  }
  return results;
}
