import type { PendingSurveyDto, SurveyDto, SurveyResultsDto, SurveySummaryDto } from '@echo-hub/protocol';
import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Access, CurrentUser, SignedIn } from '../auth/access.decorators';
import type { AuthUser } from '../auth/auth.types';
import { CreateSurveyDto, SubmitSurveyDto } from './dto/impact.dto';
import { SurveysService } from './surveys.service';

@ApiTags('surveys')
@ApiBearerAuth()
@Controller()
export class SurveysController {
  constructor(private readonly surveys: SurveysService) {}

  /** Surveys sent to me that are still open and unanswered (the pending-survey notice). */
  @SignedIn()
  @Get('me/surveys')
  pending(@CurrentUser() user: AuthUser): Promise<PendingSurveyDto[]> {
    return this.surveys.pending(user);
  }

  /** A survey sent to me, to answer (404 for surveys not sent to me). */
  @SignedIn()
  @Get('me/surveys/:id')
  mine(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<SurveyDto> {
    return this.surveys.mine(id, user);
  }

  /** Answers a survey sent to me, once; answers are stored without my id. */
  @SignedIn()
  @Post('me/surveys/:id/answers')
  @HttpCode(HttpStatus.CREATED)
  async answer(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: SubmitSurveyDto,
    @CurrentUser() user: AuthUser,
  ): Promise<{ answered: true }> {
    await this.surveys.respond(id, user, dto.answers);
    return { answered: true };
  }

  /** The program's surveys with their response rates. */
  @Access('impact.read')
  @Get('programs/:id/surveys')
  list(@Param('id') id: string): Promise<SurveySummaryDto[]> {
    return this.surveys.list(id);
  }

  /** A program-level survey, sent to the program's participants (or every member). */
  @Access('surveys.manage')
  @Post('programs/:id/surveys')
  create(
    @Param('id') id: string,
    @Body() dto: CreateSurveyDto,
    @CurrentUser() user: AuthUser,
  ): Promise<SurveySummaryDto> {
    return this.surveys.createProgramSurvey(id, dto, user);
  }

  /** One survey's results: figures per question and the free-text answers, without names. */
  @Access('impact.read')
  @Get('programs/:id/surveys/:surveyId')
  results(@Param('id') id: string, @Param('surveyId', ParseUUIDPipe) surveyId: string): Promise<SurveyResultsDto> {
    return this.surveys.results(id, surveyId);
  }

  /** Sends (or tops up) the post-session survey of an ended session; ending a live session does this too. */
  @Access('surveys.manage', 'session')
  @Post('sessions/:id/survey')
  @HttpCode(HttpStatus.OK)
  send(@Param('id') id: string): Promise<SurveySummaryDto> {
    return this.surveys.sendSessionSurvey(id);
  }
}
