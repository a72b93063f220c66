import type {
  AssessmentRoundDto,
  AssessmentRoundSummary,
  AssessmentTemplateDto,
  PlannedActivityDto,
  PriorityDto,
} from '@echo-hub/protocol';
import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Access, CurrentUser } from '../auth/access.decorators';
import type { AuthUser } from '../auth/auth.types';
import { AssessmentService } from './assessment.service';
import {
  AnswerRoundDto,
  OpenRoundDto,
  PlanActivityDto,
  RecordPriorityDto,
  TemplateBodyDto,
} from './dto/assessment.dto';

@ApiTags('assessment')
@ApiBearerAuth()
@Controller('programs/:id/assessment')
export class AssessmentController {
  constructor(private readonly assessment: AssessmentService) {}

  /** The built-in SCIROCCO/B3 template and the program's own. */
  @Access('assessment.read')
  @Get('templates')
  templates(@Param('id') id: string): Promise<AssessmentTemplateDto[]> {
    return this.assessment.templates(id);
  }

  @Access('assessment.manage')
  @Post('templates')
  createTemplate(@Param('id') id: string, @Body() dto: TemplateBodyDto): Promise<AssessmentTemplateDto> {
    return this.assessment.createTemplate(id, dto);
  }

  /** Edits one of the program's templates (rounds already opened keep their dimensions). */
  @Access('assessment.manage')
  @Put('templates/:templateId')
  updateTemplate(
    @Param('id') id: string,
    @Param('templateId', ParseUUIDPipe) templateId: string,
    @Body() dto: TemplateBodyDto,
  ): Promise<AssessmentTemplateDto> {
    return this.assessment.updateTemplate(id, templateId, dto);
  }

  @Access('assessment.read')
  @Get('rounds')
  rounds(@Param('id') id: string): Promise<AssessmentRoundSummary[]> {
    return this.assessment.rounds(id);
  }

  /** Opens a round (a re-assessment names the round it follows). */
  @Access('assessment.manage')
  @Post('rounds')
  open(@Param('id') id: string, @Body() dto: OpenRoundDto, @CurrentUser() user: AuthUser): Promise<AssessmentRoundDto> {
    return this.assessment.openRound(id, dto, user);
  }

  /** The round's results (program and sites, with the spread of opinion), change since the previous round, plan. */
  @Access('assessment.read')
  @Get('rounds/:roundId')
  results(
    @Param('id') id: string,
    @Param('roundId', ParseUUIDPipe) roundId: string,
    @CurrentUser() user: AuthUser,
  ): Promise<AssessmentRoundDto> {
    return this.assessment.results(id, roundId, user);
  }

  /** My answer (again: replaces it), counted for my site. */
  @Access('assessment.answer')
  @Put('rounds/:roundId/answer')
  answer(
    @Param('id') id: string,
    @Param('roundId', ParseUUIDPipe) roundId: string,
    @Body() dto: AnswerRoundDto,
    @CurrentUser() user: AuthUser,
  ): Promise<AssessmentRoundDto> {
    return this.assessment.answer(id, roundId, dto.scores, user);
  }

  @Access('assessment.manage')
  @Post('rounds/:roundId/priorities')
  priority(
    @Param('id') id: string,
    @Param('roundId', ParseUUIDPipe) roundId: string,
    @Body() dto: RecordPriorityDto,
    @CurrentUser() user: AuthUser,
  ): Promise<PriorityDto> {
    return this.assessment.recordPriority(id, roundId, dto, user);
  }

  /** Links a planned activity (an ECHO session or series, or a knowledge transfer) to a priority. */
  @Access('assessment.manage')
  @Post('priorities/:priorityId/activities')
  plan(
    @Param('id') id: string,
    @Param('priorityId', ParseUUIDPipe) priorityId: string,
    @Body() dto: PlanActivityDto,
  ): Promise<PlannedActivityDto> {
    return this.assessment.planActivity(id, priorityId, dto);
  }
}
