import type { LearningActivityDto, MentoringPairDto } from '@echo-hub/protocol';
import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Access, CurrentUser } from '../auth/access.decorators';
import type { AuthUser } from '../auth/auth.types';
import { LogActivityDto, SetUpPairDto } from './dto/exchanges.dto';
import { ExchangesService } from './exchanges.service';

@ApiTags('exchanges')
@ApiBearerAuth()
@Controller('programs/:id')
export class ExchangesController {
  constructor(private readonly exchanges: ExchangesService) {}

  /** Exchanges, job-shadowing, study visits, expert missions, secondments and mentoring meetings, newest first. */
  @Access('exchanges.read')
  @Get('learning-activities')
  list(@Param('id') id: string): Promise<LearningActivityDto[]> {
    return this.exchanges.list(id);
  }

  /** Logs one; its reflection passes the de-identification gate (422 IDENTIFIERS_FOUND until confirmed). */
  @Access('exchanges.log')
  @Post('learning-activities')
  log(
    @Param('id') id: string,
    @Body() dto: LogActivityDto,
    @CurrentUser() user: AuthUser,
  ): Promise<LearningActivityDto> {
    return this.exchanges.log(id, dto, user);
  }

  @Access('exchanges.read')
  @Get('mentoring-pairs')
  pairs(@Param('id') id: string): Promise<MentoringPairDto[]> {
    return this.exchanges.pairs(id);
  }

  @Access('exchanges.manage')
  @Post('mentoring-pairs')
  setUpPair(
    @Param('id') id: string,
    @Body() dto: SetUpPairDto,
    @CurrentUser() user: AuthUser,
  ): Promise<MentoringPairDto> {
    return this.exchanges.setUpPair(id, dto, user);
  }
}
