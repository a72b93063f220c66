import type { PreparedPoll } from '@echo-hub/protocol';
import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Access, CurrentUser } from '../auth/access.decorators';
import type { AuthUser } from '../auth/auth.types';
import { PollQuestionDto } from './dto/poll.dto';
import { PreparedPolls } from './prepared-polls';

/** Polls prepared before the session on its agenda page (asked, launched and answered in the room: the gateway). */
@ApiTags('polls')
@ApiBearerAuth()
@Controller()
export class PollsController {
  constructor(private readonly polls: PreparedPolls) {}

  @Access('live.run-polls', 'session')
  @Get('sessions/:id/polls')
  list(@Param('id') id: string): Promise<PreparedPoll[]> {
    return this.polls.list(id);
  }

  @Access('live.run-polls', 'session')
  @Post('sessions/:id/polls')
  create(@Param('id') id: string, @Body() dto: PollQuestionDto, @CurrentUser() user: AuthUser): Promise<PreparedPoll> {
    return this.polls.create(id, user.id, dto);
  }

  @Access('live.run-polls', 'session')
  @Put('sessions/:id/polls/:pollId')
  replace(
    @Param('id') id: string,
    @Param('pollId', ParseUUIDPipe) pollId: string,
    @Body() dto: PollQuestionDto,
  ): Promise<PreparedPoll> {
    return this.polls.replace(id, pollId, dto);
  }

  @Access('live.run-polls', 'session')
  @Delete('sessions/:id/polls/:pollId')
  @HttpCode(HttpStatus.NO_CONTENT)
  remove(@Param('id') id: string, @Param('pollId', ParseUUIDPipe) pollId: string): Promise<void> {
    return this.polls.remove(id, pollId);
  }
}
