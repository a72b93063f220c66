import { Module } from '@nestjs/common';
import { MediaModule } from '../media/media.module';
import { HealthController } from './health.controller';
import { HealthRecords } from './health.records';
import { ReadinessService } from './readiness.service';

@Module({
  imports: [MediaModule],
  controllers: [HealthController],
  providers: [ReadinessService, HealthRecords],
  exports: [ReadinessService],
})
export class HealthModule {}
