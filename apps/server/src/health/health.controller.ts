import type { HealthResponse, ReadyResponse } from '@echo-hub/protocol';
import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiProperty,
  ApiPropertyOptional,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/access.decorators';
import { WorkerPool } from '../media/worker-pool';
import { RedisService } from '../redis/redis.service';
import { StorageService } from '../storage/storage.service';
import { appVersion } from '../app-version';
import { HealthRecords } from './health.records';
import { ReadinessService } from './readiness.service';

class MediasoupHealth {
  @ApiProperty() workers: number;
}

class HealthDto implements HealthResponse {
  @ApiProperty({ enum: ['ok', 'degraded'] }) status: 'ok' | 'degraded';
  @ApiProperty({ enum: ['ok', 'error'] }) db: 'ok' | 'error';
  @ApiProperty() mediasoup: MediasoupHealth;
  @ApiProperty() version: string;
  @ApiProperty() uptimeSeconds: number;
  @ApiProperty({ description: 'a new hub: nobody has an account yet (the first becomes its administrator)' })
  firstRun: boolean;
  @ApiProperty({ enum: ['ok', 'error'], description: 'error: the last recording failed (see the server log)' })
  recordings: 'ok' | 'error';
  @ApiPropertyOptional({ enum: ['ok', 'error'], description: 'only with REDIS_URL: whether Redis answers' })
  redis?: 'ok' | 'error';
  @ApiProperty({ enum: ['ok', 'error'], description: 'error: uploads, slides and recordings cannot be stored' })
  storage: 'ok' | 'error';
}

class ReadyDto implements ReadyResponse {
  @ApiProperty() ready: boolean;
  @ApiPropertyOptional({ enum: ['draining', 'db', 'redis', 'storage', 'mediasoup'] })
  reason?: ReadyResponse['reason'];
}

@ApiTags('health')
@Controller()
export class HealthController {
  constructor(
    private readonly records: HealthRecords,
    private readonly workers: WorkerPool,
    private readonly redis: RedisService,
    private readonly readiness: ReadinessService,
    private readonly storage: StorageService,
  ) {}

  @Public()
  @Get('health')
  @ApiOkResponse({ type: HealthDto, description: 'Database (and Redis) reachable and a mediasoup worker running' })
  @ApiServiceUnavailableResponse({ type: HealthDto, description: 'Something the hub needs is down' })
  async health(@Res({ passthrough: true }) res: Response): Promise<HealthResponse> {
    const { db, redis, storage, workers } = await this.dependencies();
    const status = db === 'ok' && redis !== 'error' && storage === 'ok' && workers > 0 ? 'ok' : 'degraded';
    if (status !== 'ok') res.status(HttpStatus.SERVICE_UNAVAILABLE);
    return {
      status,
      db,
      ...(redis && { redis }),
      mediasoup: { workers },
      recordings: this.readiness.statusOf('recordings'),
      storage,
      version: appVersion,
      uptimeSeconds: Math.round(process.uptime()),
      firstRun: db === 'ok' && (await this.records.firstRun()),
    };
  }

  @Public()
  @Get('ready')
  @ApiOkResponse({ type: ReadyDto, description: 'This instance takes new work' })
  @ApiServiceUnavailableResponse({
    type: ReadyDto,
    description: 'Shutting down, or the database, Redis or storage is down',
  })
  async ready(@Res({ passthrough: true }) res: Response): Promise<ReadyResponse> {
    const reason = await this.notReadyBecause();
    if (reason) res.status(HttpStatus.SERVICE_UNAVAILABLE);
    return reason ? { ready: false, reason } : { ready: true };
  }

  private async notReadyBecause(): Promise<ReadyResponse['reason']> {
    if (this.readiness.draining) return 'draining';
    const part = this.readiness.notReadyBecause();
    if (part) return part;
    const { db, redis, storage, workers } = await this.dependencies();
    if (db !== 'ok') return 'db';
    if (redis === 'error') return 'redis';
    if (storage !== 'ok') return 'storage';
    if (workers === 0) return 'mediasoup';
    return undefined;
  }

  /** What the hub cannot work without: the database, Redis (when set), the file storage and a media worker. */
  private async dependencies() {
    const answers = (check: Promise<unknown>) =>
      check.then(
        () => 'ok' as const,
        () => 'error' as const,
      );
    const [db, redis, storage] = await Promise.all([
      answers(this.records.ping()),
      this.redis.check(),
      answers(this.storage.check()),
    ]);
    return { db, redis, storage, workers: this.workers.size };
  }
}
