import type { HealthResponse } from '@echo-hub/protocol';
import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../auth/access.decorators';
import { WorkerPool } from '../media/worker-pool';
import { RecordingsService } from '../recordings/recordings.service';
import { StorageService } from '../storage/storage.service';
import { appVersion } from '../app-version';

class MediasoupHealth {
  @ApiProperty() workers: number;
}

class HealthDto implements HealthResponse {
  @ApiProperty({ enum: ['ok', 'degraded'] }) status: 'ok' | 'degraded';
  @ApiProperty({ enum: ['ok', 'error'] }) db: 'ok' | 'error';
  @ApiProperty() mediasoup: MediasoupHealth;
  @ApiProperty() version: string;
  @ApiProperty() uptimeSeconds: number;
  @ApiProperty({ enum: ['ok', 'error'], description: 'error: the last recording failed (see the server log)' })
  recordings: 'ok' | 'error';
  @ApiProperty({ enum: ['ok', 'error'], description: 'error: uploads, slides and recordings cannot be stored' })
  storage: 'ok' | 'error';
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly workers: WorkerPool,
    private readonly recordings: RecordingsService,
    private readonly storage: StorageService,
  ) {}

  @Public()
  @Get()
  @ApiOkResponse({ type: HealthDto, description: 'Database reachable and at least one mediasoup worker running' })
  @ApiServiceUnavailableResponse({ type: HealthDto, description: 'Something the hub needs is down' })
  async health(@Res({ passthrough: true }) res: Response): Promise<HealthResponse> {
    const db = await this.db.query('SELECT 1').then(
      () => 'ok' as const,
      () => 'error' as const,
    );
    const workers = this.workers.size;
    const storage = await this.storage.check().then(
      () => 'ok' as const,
      () => 'error' as const,
    );
    const status = db === 'ok' && workers > 0 && storage === 'ok' ? 'ok' : 'degraded';
    if (status !== 'ok') res.status(HttpStatus.SERVICE_UNAVAILABLE);
    return {
      status,
      db,
      mediasoup: { workers },
      recordings: this.recordings.lastError ? 'error' : 'ok',
      storage,
      version: appVersion,
      uptimeSeconds: Math.round(process.uptime()),
    };
  }
}
