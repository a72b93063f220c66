import { Module } from '@nestjs/common';
import { ProgramScopes } from '../auth/program-scope';
import { EchoSession } from './entities/echo-session.entity';
import { SessionEvents } from './session-events';
import { SessionsController } from './sessions.controller';
import { SessionsService } from './sessions.service';

@Module({
  controllers: [SessionsController],
  providers: [SessionsService, SessionEvents],
  exports: [SessionsService, SessionEvents],
})
export class SessionsModule {
  constructor(scopes: ProgramScopes) {
    scopes.register(
      'session',
      async (db, id) =>
        (await db.getRepository(EchoSession).findOne({ where: { id }, select: ['programId'] }))?.programId,
    );
  }
}
