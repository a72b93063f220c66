import { Module } from '@nestjs/common';
import { ProgramScopes } from '../auth/program-scope';
import { HealthModule } from '../health/health.module';
import { ReadinessService } from '../health/readiness.service';
import { Recording } from './entities/recording.entity';
import { RecordingsController } from './recordings.controller';
import { RecordingsService } from './recordings.service';

@Module({
  imports: [HealthModule],
  controllers: [RecordingsController],
  providers: [RecordingsService],
  exports: [RecordingsService],
})
export class RecordingsModule {
  constructor(scopes: ProgramScopes, readiness: ReadinessService, recordings: RecordingsService) {
    readiness.reportStatus('recordings', () => (recordings.lastError ? 'error' : 'ok'));
    scopes.register(
      'recording',
      async (db, id) =>
        (await db.getRepository(Recording).findOne({ where: { id }, select: ['programId'] }))?.programId,
    );
  }
}
