import type { AttendanceRecord, ImpactReport } from '@echo-hub/protocol';
import { Controller, Get, Header, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Access } from '../auth/access.decorators';
import { ImpactQueryDto } from './dto/impact.dto';
import { ImpactService } from './impact.service';

@ApiTags('impact')
@ApiBearerAuth()
@Controller()
export class ImpactController {
  constructor(private readonly impact: ImpactService) {}

  /** Sessions, learning experiences, people, hours; by site, role, participation type, profession, month and session. */
  @Access('impact.read')
  @Get('programs/:id/impact')
  report(@Param('id') id: string, @Query() q: ImpactQueryDto): Promise<ImpactReport> {
    return this.impact.report(id, filtersOf(q));
  }

  /** One row per person per session, registered members who were absent included. */
  @Access('attendance.read')
  @Get('programs/:id/attendance.csv')
  @ApiProduces('text/csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  async csv(@Param('id') id: string, @Query() q: ImpactQueryDto, @Res() res: Response): Promise<void> {
    const body = await this.impact.csv(id, filtersOf(q));
    res
      .attachment(`attendance-${new Date().toISOString().slice(0, 10)}.csv`)
      .type('text/csv; charset=utf-8')
      .send(body);
  }

  @Access('attendance.read', 'session')
  @Get('sessions/:id/attendance')
  sessionAttendance(@Param('id') id: string): Promise<AttendanceRecord[]> {
    return this.impact.sessionAttendance(id);
  }
}

/** The query as plain filters (only what was given). */
const filtersOf = (q: ImpactQueryDto) =>
  Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined && v !== '')) as ImpactQueryDto;
