import type { AttendanceCorrectionDto, AttendanceRecord, ImpactReport } from '@echo-hub/protocol';
import { Body, Controller, Get, Header, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Access, CurrentUser } from '../auth/access.decorators';
import type { AuthUser } from '../auth/auth.types';
import { PageQueryDto, sendPage } from '../common/page';
import { AttendanceCorrectionsService } from './attendance-corrections.service';
import { CorrectAttendanceDto, ImpactQueryDto } from './dto/impact.dto';
import { ImpactService } from './impact.service';

@ApiTags('impact')
@ApiBearerAuth()
@Controller()
export class ImpactController {
  constructor(
    private readonly impact: ImpactService,
    private readonly corrections: AttendanceCorrectionsService,
  ) {}

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
  async sessionAttendance(
    @Param('id') id: string,
    @Query() page: PageQueryDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AttendanceRecord[]> {
    return sendPage(req, res, await this.impact.sessionAttendancePage(id, page));
  }

  /** A coordinator's correction of one person's minutes, with the reason (the attendance rows stay). */
  @Access('attendance.correct', 'session')
  @Post('sessions/:id/attendance/corrections')
  correct(
    @Param('id') id: string,
    @Body() dto: CorrectAttendanceDto,
    @CurrentUser() user: AuthUser,
  ): Promise<AttendanceCorrectionDto> {
    return this.corrections.correct(id, dto, user);
  }

  /** Every correction of the session's attendance, newest first: who, when, before, after and why. */
  @Access('attendance.read', 'session')
  @Get('sessions/:id/attendance/corrections')
  listCorrections(@Param('id') id: string): Promise<AttendanceCorrectionDto[]> {
    return this.corrections.list(id);
  }
}

/** The query as plain filters (only what was given). */
const filtersOf = (q: ImpactQueryDto) =>
  Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined && v !== '')) as ImpactQueryDto;
