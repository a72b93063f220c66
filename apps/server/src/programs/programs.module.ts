import { Module } from '@nestjs/common';
import { ProgramsController } from './programs.controller';
import { ProgramRecords } from './programs.records';
import { ProgramsService } from './programs.service';

@Module({ controllers: [ProgramsController], providers: [ProgramsService, ProgramRecords], exports: [ProgramsService] })
export class ProgramsModule {}
