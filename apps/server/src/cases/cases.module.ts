import { Module } from '@nestjs/common';
import { ProgramScopes } from '../auth/program-scope';
import { SessionsModule, SessionsService } from '../sessions';
import { CaseEvents } from './case-events';
import { CaseAttachmentsService } from './case-attachments.service';
import { CasesController } from './cases.controller';
import { CaseRecords } from './cases.records';
import { CasesService } from './cases.service';

@Module({
  imports: [SessionsModule],
  controllers: [CasesController],
  providers: [CasesService, CaseAttachmentsService, CaseRecords, CaseEvents],
  exports: [CasesService, CaseEvents],
})
export class CasesModule {
  constructor(scopes: ProgramScopes, sessions: SessionsService, cases: CasesService, records: CaseRecords) {
    sessions.provideCaseQueue((sessionIds) => cases.queue(sessionIds));
    scopes.register('case', (_db, id) => records.programIdOfCase(id));
  }
}
