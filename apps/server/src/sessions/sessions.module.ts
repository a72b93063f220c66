import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { SessionEvents } from './session-events';
import { SessionsController } from './sessions.controller';
import { SessionsService } from './sessions.service';

@Module({
  imports: [CasesModule],
  controllers: [SessionsController],
  providers: [SessionsService, SessionEvents],
  exports: [SessionsService, SessionEvents],
})
export class SessionsModule {}
