import { Module } from '@nestjs/common';
import { ProgramScopes } from '../auth/program-scope';
import { HealthModule } from '../health/health.module';
import { ReadinessService } from '../health/readiness.service';
import { RecordingsController } from './recordings.controller';
import { RecordingRecords } from './recordings.records';
import { RecordingsService } from './recordings.service';

@Module({
  imports: [HealthModule],
  controllers: [RecordingsController],
  providers: [RecordingsService, RecordingRecords],
  exports: [RecordingsService],
})
export class RecordingsModule {
  constructor(
    scopes: ProgramScopes,
    readiness: ReadinessService,
    recordings: RecordingsService,
    records: RecordingRecords,
  ) {
    readiness.reportStatus('recordings', () => (recordings.lastError ? 'error' : 'ok'));
    scopes.register('recording', (_db, id) => records.programIdOf(id));
  }
}
