import { Module } from '@nestjs/common';
import { MediaModule } from '../media/media.module';
import { RecordingsModule } from '../recordings/recordings.module';
import { HealthController } from './health.controller';

@Module({ imports: [MediaModule, RecordingsModule], controllers: [HealthController] })
export class HealthModule {}
