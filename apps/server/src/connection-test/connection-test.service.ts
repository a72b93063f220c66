import {
  ConnectionTestLimits,
  type ConnectionTestInfo,
  type ConnectionTestStatus,
  type ConnectionTestTransport,
  ErrorCode,
} from '@echo-hub/protocol';
import {
  BadRequestException,
  HttpException,
  HttpStatus,
  Inject,
  Injectable,
  NotFoundException,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { AuthUser } from '../auth/auth.types';
import { RateLimitService } from '../common/rate-limit.service';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { type ms, turnCredentials, WorkerPool } from '../media';

interface Test {
  userId: string;
  transport: ms.WebRtcTransport;
  timer: NodeJS.Timeout;
}

const tooMany = (what: string, retryAfterSeconds: number) =>
  new HttpException(
    {
      error: ErrorCode.TooManyRequests,
      message: `Too many ${what}: try again in ${retryAfterSeconds} s`,
      retryAfterSeconds,
    },
    HttpStatus.TOO_MANY_REQUESTS,
  );

/**
 * "Test my connection": what IT must allow (public), and for signed-in people a media transport of a minute on
 * a router of its own (created on first use, on the least-loaded worker), with a data channel to make ICE and
 * DTLS run without camera or microphone. One test per person at a time; the transports are never in a session.
 */
@Injectable()
export class ConnectionTestService implements OnApplicationShutdown {
  private router: Promise<ms.Router> | null = null;
  private readonly tests = new Map<string, Test>();

  constructor(
    private readonly pool: WorkerPool,
    private readonly limits: RateLimitService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The hub's media address and ports (every worker's WebRtcServer, and the extra TCP port) and its relays. */
  info(): ConnectionTestInfo {
    const { listenIp, announcedIp, port, workers, tcpPort } = this.config.mediasoup;
    const host = announcedIp ?? (listenIp === '0.0.0.0' ? new URL(this.config.publicUrl).hostname : listenIp);
    const ports = Array.from({ length: workers }, (_, i) => port + i);
    return {
      media: {
        host,
        ports: [
          ...ports.map((p) => ({ protocol: 'udp' as const, port: p })),
          ...(tcpPort ? [{ protocol: 'tcp' as const, port: tcpPort }] : []),
          ...ports.map((p) => ({ protocol: 'tcp' as const, port: p })),
        ],
      },
      relays: this.config.turn?.urls ?? [],
      maxKb: ConnectionTestLimits.maxKb,
    };
  }

  /** Counts one download or upload of a client address. */
  async transfer(address: string): Promise<void> {
    const { allowed, retryAfterSeconds } = await this.limits.consume(
      `connection-test:transfer:${address}`,
      ConnectionTestLimits.transfersPerMinute,
      60_000,
    );
    if (!allowed) throw tooMany('speed tests', retryAfterSeconds);
  }

  async open(user: AuthUser): Promise<ConnectionTestTransport> {
    const { allowed, retryAfterSeconds } = await this.limits.consume(
      `connection-test:transport:${user.id}`,
      ConnectionTestLimits.transportsPerMinute,
      60_000,
    );
    if (!allowed) throw tooMany('connection tests', retryAfterSeconds);
    for (const [id, test] of this.tests) if (test.userId === user.id) this.close(user, id);
    const router = await this.testRouter();
    const transport = await router.createWebRtcTransport({
      ...this.pool.webRtcTransportOptions(router),
      enableSctp: true,
      numSctpStreams: { OS: 1, MIS: 1 },
      appData: { userId: user.id },
    });
    const timer = setTimeout(() => transport.close(), ConnectionTestLimits.transportSeconds * 1000).unref();
    this.tests.set(transport.id, { userId: user.id, transport, timer });
    transport.observer.once('close', () => {
      clearTimeout(timer);
      this.tests.delete(transport.id);
    });
    const turn = this.config.turn;
    return {
      routerRtpCapabilities: router.rtpCapabilities,
      transport: {
        id: transport.id,
        iceParameters: transport.iceParameters,
        iceCandidates: transport.iceCandidates,
        dtlsParameters: transport.dtlsParameters,
        sctpParameters: transport.sctpParameters,
        ...(turn && {
          iceServers: [turnCredentials({ ...turn, ttlSeconds: ConnectionTestLimits.turnSeconds }, user.id)],
        }),
      },
      expiresInSeconds: ConnectionTestLimits.transportSeconds,
    };
  }

  async connect(user: AuthUser, id: string, dtlsParameters: object): Promise<void> {
    const transport = this.test(user, id);
    await transport.connect({ dtlsParameters: dtlsParameters as ms.DtlsParameters }).catch((e: Error) => {
      throw new BadRequestException(`dtlsParameters: ${e.message}`);
    });
  }

  /** Each test transport's data probes, by SCTP stream. */
  private readonly probes = new WeakMap<ms.WebRtcTransport, Map<unknown, ms.DataProducer>>();

  async produceData(user: AuthUser, id: string, sctpStreamParameters: object, label = ''): Promise<{ id: string }> {
    const transport = this.test(user, id);
    // A page probing again on the same stream (a retry) replaces its earlier probe.
    const streamId = (sctpStreamParameters as { streamId?: unknown }).streamId;
    const streams = this.probes.get(transport) ?? new Map<unknown, ms.DataProducer>();
    this.probes.set(transport, streams);
    streams.get(streamId)?.close();
    const producer = await transport
      .produceData({ sctpStreamParameters: sctpStreamParameters as ms.SctpStreamParameters, label })
      .catch((e: Error) => {
        throw new BadRequestException(`sctpStreamParameters: ${e.message}`);
      });
    streams.set(streamId, producer);
    return { id: producer.id };
  }

  status(user: AuthUser, id: string): ConnectionTestStatus {
    const transport = this.test(user, id);
    return {
      iceState: transport.iceState,
      dtlsState: transport.dtlsState,
      protocol: transport.iceSelectedTuple?.protocol ?? null,
    };
  }

  close(user: AuthUser, id: string): void {
    this.test(user, id).close();
  }

  onApplicationShutdown(): void {
    for (const test of this.tests.values()) test.transport.close();
  }

  private test(user: AuthUser, id: string): ms.WebRtcTransport {
    const test = this.tests.get(id);
    if (!test || test.userId !== user.id) throw new NotFoundException('id is not a connection test of yours');
    return test.transport;
  }

  /** The router test transports go to: made once, again after its worker died. */
  private async testRouter(): Promise<ms.Router> {
    const current = await this.router?.catch(() => null);
    if (current && !current.closed) return current;
    this.router = this.pool.createRouter({ purpose: 'connection-test' });
    return this.router;
  }
}
