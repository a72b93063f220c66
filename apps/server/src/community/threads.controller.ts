import type {
  AttachmentDto,
  CreateThreadResponse,
  PostDto,
  PreviewResponse,
  ThreadDetail,
  ThreadSummary,
} from '@echo-hub/protocol';
import { CommunityLimits } from '@echo-hub/protocol';
import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Patch,
  Post,
  Query,
  Req,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { Access, CurrentUser } from '../auth/access.decorators';
import type { AuthenticatedRequest, AuthUser } from '../auth/auth.types';
import { PageQueryDto, sendPage } from '../common/page';
import { UploadInterceptor } from '../common/uploads';
import { FileGateFieldsDto } from '../deid';
import { AttachmentsService } from './attachments.service';
import { CreatePostDto, CreateThreadDto, MoveThreadDto, PreviewDto, UpdateThreadDto } from './dto/community.dto';
import { ThreadsService } from './threads.service';

const role = (req: AuthenticatedRequest) => req.program?.role ?? null;

@ApiTags('community')
@ApiBearerAuth()
@Controller()
export class ThreadsController {
  constructor(
    private readonly threads: ThreadsService,
    private readonly attachments: AttachmentsService,
  ) {}

  @Access('community.read', 'group')
  @Get('groups/:id/threads')
  async list(
    @Param('id') id: string,
    @Query() page: PageQueryDto,
    @CurrentUser() user: AuthUser,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ThreadSummary[]> {
    return sendPage(req, res, await this.threads.list(user, id, page, role(req)));
  }

  /** 201 with the new thread's id; 200 with the same id when a retry repeats a clientId. */
  @Access('community.post', 'group')
  @Post('groups/:id/threads')
  async create(
    @Param('id') id: string,
    @Body() dto: CreateThreadDto,
    @CurrentUser() user: AuthUser,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CreateThreadResponse> {
    const { id: threadId, created } = await this.threads.create(user, id, dto, role(req));
    res.status(created ? HttpStatus.CREATED : HttpStatus.OK);
    return { id: threadId };
  }

  /** An image or PDF for a post in this group: put the answer's `markdown` in the post. */
  @Access('community.post', 'group')
  @Post('groups/:id/attachments')
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: { type: 'string', format: 'binary' },
        confirmedSpans: { type: 'string', description: 'JSON array of { field: "content", start, end }' },
        redactions: { type: 'string', description: 'JSON array of { page, left, top, width, height } to cover' },
      },
    },
  })
  @ApiUnprocessableEntityResponse({
    description: 'IDENTIFIERS_FOUND in the file name, or in the text read from the file that nobody confirmed',
  })
  @UseInterceptors(UploadInterceptor(CommunityLimits.attachmentBytes))
  upload(
    @Param('id') id: string,
    @Body() fields: FileGateFieldsDto,
    @UploadedFile() file: Express.Multer.File | undefined,
    @CurrentUser() user: AuthUser,
    @Req() req: AuthenticatedRequest,
  ): Promise<AttachmentDto> {
    return this.attachments.upload(user, id, file, role(req), fields);
  }

  /** The composer's preview: the HTML the server will show, and who a mention will notify. */
  @Access('community.post', 'group')
  @Post('groups/:id/preview')
  @HttpCode(HttpStatus.OK)
  preview(
    @Param('id') id: string,
    @Body() dto: PreviewDto,
    @CurrentUser() user: AuthUser,
    @Req() req: AuthenticatedRequest,
  ): Promise<PreviewResponse> {
    return this.threads.preview(user, id, dto.body, role(req));
  }

  @Access('community.read', 'thread')
  @Get('threads/:id')
  get(
    @Param('id') id: string,
    @Query() page: PageQueryDto,
    @CurrentUser() user: AuthUser,
    @Req() req: AuthenticatedRequest,
  ): Promise<ThreadDetail> {
    return this.threads.get(user, id, role(req), page);
  }

  /** The thread's posts after the detail's `nextPostsCursor`, in pages, flat and in order. */
  @Access('community.read', 'thread')
  @Get('threads/:id/posts')
  async posts(
    @Param('id') id: string,
    @Query() page: PageQueryDto,
    @CurrentUser() user: AuthUser,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PostDto[]> {
    return sendPage(req, res, await this.threads.posts(user, id, page, role(req)));
  }

  /** Title and session: the author (or a moderator); pinned and locked: moderators. */
  @Access('community.post', 'thread')
  @Patch('threads/:id')
  update(
    @Param('id') id: string,
    @Body() dto: UpdateThreadDto,
    @CurrentUser() user: AuthUser,
    @Req() req: AuthenticatedRequest,
  ): Promise<ThreadSummary> {
    return this.threads.update(user, id, dto, role(req));
  }

  @Access('community.moderate', 'thread')
  @Post('threads/:id/move')
  @HttpCode(HttpStatus.OK)
  move(
    @Param('id') id: string,
    @Body() dto: MoveThreadDto,
    @CurrentUser() user: AuthUser,
    @Req() req: AuthenticatedRequest,
  ): Promise<ThreadSummary> {
    return this.threads.move(user, id, dto.groupId, role(req));
  }

  /** 201 with the new post; 200 with the same post when a retry repeats a clientId (stored and sent once). */
  @Access('community.post', 'thread')
  @Post('threads/:id/posts')
  async reply(
    @Param('id') id: string,
    @Body() dto: CreatePostDto,
    @CurrentUser() user: AuthUser,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PostDto> {
    const { post, created } = await this.threads.reply(user, id, dto, role(req));
    res.status(created ? HttpStatus.CREATED : HttpStatus.OK);
    return post;
  }

  @Access('community.read', 'thread')
  @Post('threads/:id/read')
  @HttpCode(HttpStatus.OK)
  markRead(
    @Param('id') id: string,
    @CurrentUser() user: AuthUser,
    @Req() req: AuthenticatedRequest,
  ): Promise<{ lastReadPostNumber: number }> {
    return this.threads.markRead(user, id, role(req));
  }

  /** "Continue the discussion": threads linked to a session. */
  @Access('community.read', 'session')
  @Get('sessions/:id/threads')
  forSession(
    @Param('id') id: string,
    @CurrentUser() user: AuthUser,
    @Req() req: AuthenticatedRequest,
  ): Promise<ThreadSummary[]> {
    return this.threads.forSession(user, id, role(req));
  }

  /** Follow-up discussions of a case (for readers of the case). */
  @Access('community.read', 'case')
  @Get('cases/:id/threads')
  forCase(
    @Param('id') id: string,
    @CurrentUser() user: AuthUser,
    @Req() req: AuthenticatedRequest,
  ): Promise<ThreadSummary[]> {
    return this.threads.forCase(user, id, role(req));
  }
}
