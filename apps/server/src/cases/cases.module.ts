import { Module } from '@nestjs/common';
import { ProgramScopes } from '../auth/program-scope';
import { SessionsModule, SessionsService } from '../sessions';
import { CaseEvents } from './case-events';
import { CaseAttachmentsService } from './case-attachments.service';
import { CasesController } from './cases.controller';
import { CasesService } from './cases.service';
import { EchoCase } from './entities/echo-case.entity';

@Module({
  imports: [SessionsModule],
  controllers: [CasesController],
  providers: [CasesService, CaseAttachmentsService, CaseEvents],
  exports: [CasesService, CaseEvents],
})
export class CasesModule {
  constructor(scopes: ProgramScopes, sessions: SessionsService, cases: CasesService) {
    sessions.provideCaseQueue((sessionIds) => cases.queue(sessionIds));
    scopes.register(
      'case',
      async (db, id) => (await db.getRepository(EchoCase).findOne({ where: { id }, select: ['programId'] }))?.programId,
    );
  }
}
