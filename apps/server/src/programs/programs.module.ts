import { Module } from '@nestjs/common';
import { ProgramMemberships } from '../auth/program-memberships';
import { ProgramScopes } from '../auth/program-scope';
import { ProgramsController } from './programs.controller';
import { ProgramRecords } from './programs.records';
import { ProgramsService } from './programs.service';

@Module({ controllers: [ProgramsController], providers: [ProgramsService, ProgramRecords], exports: [ProgramsService] })
export class ProgramsModule {
  /** Auth sits below programs: it asks memberships and the program scope through what this module provides. */
  constructor(scopes: ProgramScopes, memberships: ProgramMemberships, records: ProgramRecords) {
    scopes.register('program', (_db, id) => records.programExists(id));
    memberships.provide({
      roleOf: (programId, userId) => records.roleOf(programId, userId),
      programsOf: (userId) => records.programsOf(userId),
    });
  }
}
