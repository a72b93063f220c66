import { Module } from '@nestjs/common';
import { MediaModule } from '../media/media.module';
import { RecordingsModule } from '../recordings/recordings.module';
import { HealthController } from './health.controller';
import { ReadinessService } from './readiness.service';

@Module({
  imports: [MediaModule, RecordingsModule],
  controllers: [HealthController],
  providers: [ReadinessService],
  exports: [ReadinessService],
})
export class HealthModule {}
