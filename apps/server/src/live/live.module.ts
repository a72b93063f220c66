import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { CommunityModule } from '../community/community.module';
import { MediaModule } from '../media';
import { RecordingsModule } from '../recordings/recordings.module';
import { SessionsModule } from '../sessions/sessions.module';
import { LiveGateway } from './live.gateway';
import { LiveService } from './live.service';

@Module({
  imports: [MediaModule, SessionsModule, CasesModule, RecordingsModule, CommunityModule],
  providers: [LiveGateway, LiveService],
  exports: [LiveService],
})
export class LiveModule {}
