import { Module } from '@nestjs/common';
import { ProgramScopes } from '../auth/program-scope';
import { SessionEvents } from './session-events';
import { SessionsController } from './sessions.controller';
import { SessionRecords } from './sessions.records';
import { SessionsService } from './sessions.service';

@Module({
  controllers: [SessionsController],
  providers: [SessionsService, SessionRecords, SessionEvents],
  exports: [SessionsService, SessionEvents],
})
export class SessionsModule {
  constructor(scopes: ProgramScopes, records: SessionRecords) {
    scopes.register('session', (_db, id) => records.programIdOfSession(id));
  }
}
