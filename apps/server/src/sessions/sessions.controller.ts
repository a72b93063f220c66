import type { AgendaItemDto, CalendarLinks, CreateSessionResponse, SessionDto } from '@echo-hub/protocol';
import {
  Body,
  Controller,
  Get,
  Header,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Put,
  Query,
  Req,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Access, CurrentUser, Public } from '../auth/access.decorators';
import type { AuthenticatedRequest, AuthUser } from '../auth/auth.types';
import { sendPage } from '../common/page';
import { sendUpload, UploadInterceptor } from '../common/uploads';
import { StorageService } from '../storage/storage.service';
import { CreateSessionDto, ReplaceAgendaDto, SessionRangeQuery, UpdateSessionDto } from './dto/sessions.dto';
import { SessionsService } from './sessions.service';

const role = (req: AuthenticatedRequest) => req.program?.role ?? null;
const SLIDES_MAX_BYTES = 50 * 1024 * 1024;

@ApiTags('sessions')
@ApiBearerAuth()
@Controller()
export class SessionsController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly storage: StorageService,
  ) {}

  /** A page of the program's sessions, first first; the next page's address in Link rel=next (common/page.ts). */
  @Access('sessions.read')
  @Get('programs/:id/sessions')
  async list(
    @Param('id') id: string,
    @Query() q: SessionRangeQuery,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SessionDto[]> {
    return sendPage(req, res, await this.sessions.list(id, q, role(req)));
  }

  @Access('sessions.manage')
  @Post('programs/:id/sessions')
  create(
    @Param('id') id: string,
    @Body() dto: CreateSessionDto,
    @Req() req: AuthenticatedRequest,
  ): Promise<CreateSessionResponse> {
    return this.sessions.create(id, dto, role(req));
  }

  @Access('program.read')
  @Get('programs/:id/calendar-links')
  calendarLinks(@Param('id') id: string, @CurrentUser() user: AuthUser): Promise<CalendarLinks> {
    return this.sessions.calendarLinks(id, user.id);
  }

  @Access('sessions.read', 'session')
  @Get('sessions/:id')
  get(@Param('id') id: string, @Req() req: AuthenticatedRequest): Promise<SessionDto> {
    return this.sessions.get(id, role(req));
  }

  @Access('sessions.manage', 'session')
  @Patch('sessions/:id')
  update(
    @Param('id') id: string,
    @Body() dto: UpdateSessionDto,
    @Req() req: AuthenticatedRequest,
  ): Promise<SessionDto> {
    return this.sessions.update(id, dto, role(req));
  }

  @Access('sessions.manage', 'session')
  @Put('sessions/:id/agenda')
  replaceAgenda(
    @Param('id') id: string,
    @Body() dto: ReplaceAgendaDto,
    @Req() req: AuthenticatedRequest,
  ): Promise<SessionDto> {
    return this.sessions.replaceAgenda(id, dto.items, role(req));
  }

  @Access('slides.upload', 'session')
  @Post('sessions/:id/agenda/:itemId/slides')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @UseInterceptors(UploadInterceptor(SLIDES_MAX_BYTES))
  uploadSlides(
    @Param('id') id: string,
    @Param('itemId', ParseUUIDPipe) itemId: string,
    @UploadedFile() file: Express.Multer.File | undefined,
  ): Promise<AgendaItemDto> {
    return this.sessions.uploadSlides(id, itemId, file);
  }

  @Access('sessions.read', 'session')
  @Get('sessions/:id/agenda/:itemId/slides')
  async slides(
    @Param('id') id: string,
    @Param('itemId', ParseUUIDPipe) itemId: string,
    @Res() res: Response,
  ): Promise<void> {
    await sendUpload(
      res,
      this.storage,
      await this.sessions.slides(id, itemId),
      `slides of agenda item ${itemId} not found`,
    );
  }

  /** Calendar feeds carry their own secret token, since calendar apps cannot send a bearer token. */
  @Public()
  @Get('calendar/programs/:id/feed.ics')
  @ApiProduces('text/calendar')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  programFeed(@Param('id', ParseUUIDPipe) id: string, @Query('token') token = ''): Promise<string> {
    return this.sessions.programFeed(id, String(token));
  }

  @Public()
  @Get('calendar/users/:id/feed.ics')
  @ApiProduces('text/calendar')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  personalFeed(@Param('id', ParseUUIDPipe) id: string, @Query('token') token = ''): Promise<string> {
    return this.sessions.personalFeed(id, String(token));
  }
}
