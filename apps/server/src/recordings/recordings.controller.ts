import type { RecordingDto, RecordingTicket } from '@echo-hub/protocol';
import { Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Access, Public } from '../auth/access.decorators';
import type { AuthenticatedRequest } from '../auth/auth.types';
import { PageQueryDto, sendPage } from '../common/page';
import { disposition, sendStored } from '../storage/send-stored';
import { StorageService } from '../storage/storage.service';
import { RecordingsService } from './recordings.service';

@ApiTags('recordings')
@ApiBearerAuth()
@Controller()
export class RecordingsController {
  constructor(
    private readonly recordings: RecordingsService,
    private readonly storage: StorageService,
  ) {}

  /** A page of the program's recordings, last first; the next page's address in Link rel=next (common/page.ts). */
  @Access('program.read')
  @Get('programs/:id/recordings')
  async list(
    @Param('id') id: string,
    @Query() page: PageQueryDto,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<RecordingDto[]> {
    return sendPage(req, res, await this.recordings.list(id, page));
  }

  /** Plays in the browser with seeking: Range requests get 206 with the right bytes, read from storage. */
  @Access('program.read', 'recording')
  @Get('recordings/:id/media')
  @ApiProduces('video/webm')
  async media(@Param('id') id: string, @Res() res: Response): Promise<void> {
    await this.send(id, res, {});
  }

  /** A short-lived URL a <video> element can play (it cannot send a bearer token). */
  @Access('program.read', 'recording')
  @Post('recordings/:id/ticket')
  ticket(@Param('id') id: string, @Req() req: AuthenticatedRequest): Promise<RecordingTicket> {
    return this.recordings.ticket(id, req.user);
  }

  /** The same media as /media, authorised by a ticket from /ticket instead of a bearer token. */
  @Public()
  @Get('recordings/:id/stream')
  @ApiProduces('video/webm')
  async stream(
    @Param('id') id: string,
    @Query('ticket') ticket: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    await this.recordings.checkTicket(id, String(ticket ?? ''));
    await this.send(id, res, {});
  }

  /** The recording's captions (WebVTT, identifiers left out as they were said), authorised by the same ticket. */
  @Public()
  @Get('recordings/:id/captions')
  @ApiProduces('text/vtt')
  async captions(
    @Param('id') id: string,
    @Query('ticket') ticket: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    await this.recordings.checkTicket(id, String(ticket ?? ''));
    const key = await this.recordings.captionsKey(id);
    const headers = { 'Content-Type': 'text/vtt; charset=utf-8', 'Cache-Control': 'private, max-age=3600' };
    await sendStored(res, this.storage, key, headers, `recording ${id} has no captions`);
  }

  @Access('program.read', 'recording')
  @Get('recordings/:id/download')
  @ApiProduces('video/webm')
  async download(@Param('id') id: string, @Res() res: Response): Promise<void> {
    await this.send(id, res, { download: true });
  }

  private async send(id: string, res: Response, { download = false }): Promise<void> {
    const { key, name } = await this.recordings.file(id);
    const headers = {
      'Content-Type': 'video/webm',
      'Cache-Control': 'private, max-age=3600',
      ...(download ? { 'Content-Disposition': disposition('attachment', name) } : {}),
    };
    await sendStored(res, this.storage, key, headers, `recording ${id} has no file`);
  }
}
