import {
  type CaseAttachmentDto,
  type CaseDto,
  CaseLimits,
  type QueuedCase,
  type RecommendationDto as RecommendationView,
  can,
} from '@echo-hub/protocol';
import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Req,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { Access, granteeOf } from '../auth/access.decorators';
import type { AuthenticatedRequest } from '../auth/auth.types';
import { sendUpload, UploadInterceptor } from '../common/uploads';
import { StorageService } from '../storage/storage.service';
import { CaseAttachmentsService } from './case-attachments.service';
import { type Caller, CasesService } from './cases.service';
import {
  CaseAttachmentFieldsDto,
  FollowUpDto,
  MoveCaseDto,
  RecommendationDto,
  ReorderCasesDto,
  SubmitCaseDto,
  UpdateCaseDto,
  UrgentDto,
} from './dto/cases.dto';

const caller = (req: AuthenticatedRequest): Caller => {
  return { user: req.user, manager: can(granteeOf(req), 'cases.manage') };
};

@ApiTags('cases')
@ApiBearerAuth()
@Controller()
export class CasesController {
  constructor(
    private readonly cases: CasesService,
    private readonly attachments: CaseAttachmentsService,
    private readonly storage: StorageService,
  ) {}

  @Access('cases.submit', 'session')
  @Post('sessions/:id/cases')
  @ApiUnprocessableEntityResponse({ description: 'IDENTIFIERS_FOUND: every flagged span nobody confirmed' })
  submit(@Param('id') id: string, @Body() dto: SubmitCaseDto, @Req() req: AuthenticatedRequest) {
    return this.cases.submit(id, dto, req.user);
  }

  @Access('cases.manage', 'session')
  @Patch('sessions/:id/cases/order')
  reorder(@Param('id') id: string, @Body() dto: ReorderCasesDto): Promise<QueuedCase[]> {
    return this.cases.reorder(id, dto.caseIds);
  }

  @Access('program.read', 'case')
  @Get('cases/:id')
  get(@Param('id') id: string, @Req() req: AuthenticatedRequest): Promise<CaseDto> {
    return this.cases.get(id, caller(req));
  }

  @Access('cases.submit', 'case')
  @Patch('cases/:id')
  @ApiUnprocessableEntityResponse({ description: 'IDENTIFIERS_FOUND' })
  update(@Param('id') id: string, @Body() dto: UpdateCaseDto, @Req() req: AuthenticatedRequest): Promise<CaseDto> {
    return this.cases.update(id, dto, caller(req));
  }

  @Access('cases.submit', 'case')
  @Post('cases/:id/withdraw')
  withdraw(@Param('id') id: string, @Req() req: AuthenticatedRequest): Promise<CaseDto> {
    return this.cases.withdraw(id, caller(req));
  }

  @Access('cases.manage', 'case')
  @Post('cases/:id/move')
  move(@Param('id') id: string, @Body() dto: MoveCaseDto): Promise<QueuedCase[]> {
    return this.cases.move(id, dto.sessionId);
  }

  @Access('cases.manage', 'case')
  @Post('cases/:id/urgent')
  urgent(@Param('id') id: string, @Body() dto: UrgentDto): Promise<QueuedCase[]> {
    return this.cases.setUrgent(id, dto.urgent);
  }

  @Access('cases.recommend', 'case')
  @Post('cases/:id/recommendations')
  @ApiUnprocessableEntityResponse({ description: 'IDENTIFIERS_FOUND' })
  recommend(
    @Param('id') id: string,
    @Body() dto: RecommendationDto,
    @Req() req: AuthenticatedRequest,
  ): Promise<RecommendationView> {
    return this.cases.recommend(id, dto.body, req.user);
  }

  @Access('program.read', 'case')
  @Get('cases/:id/recommendations.pdf')
  @ApiProduces('application/pdf')
  async pdf(@Param('id') id: string, @Req() req: AuthenticatedRequest, @Res() res: Response): Promise<void> {
    const { name, bytes } = await this.cases.pdf(id, caller(req));
    res.type('application/pdf').attachment(name).send(bytes);
  }

  @Access('cases.submit', 'case')
  @Post('cases/:id/follow-ups')
  @ApiUnprocessableEntityResponse({ description: 'IDENTIFIERS_FOUND' })
  followUp(@Param('id') id: string, @Body() dto: FollowUpDto, @Req() req: AuthenticatedRequest) {
    return this.cases.followUp(id, dto, caller(req));
  }

  /** An image or PDF (sniffed), with the uploader's confirmation that it identifies nobody; its name is gated. */
  @Access('cases.submit', 'case')
  @Post('cases/:id/attachments')
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file', 'confirmIdentifiersRemoved'],
      properties: { file: { type: 'string', format: 'binary' }, confirmIdentifiersRemoved: { type: 'boolean' } },
    },
  })
  @ApiUnprocessableEntityResponse({
    description: 'IDENTIFIERS_FOUND in the file name, or in the text read from the file that nobody confirmed',
  })
  @UseInterceptors(UploadInterceptor(CaseLimits.attachmentBytes))
  attach(
    @Param('id') id: string,
    @Body() fields: CaseAttachmentFieldsDto,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Req() req: AuthenticatedRequest,
  ): Promise<CaseAttachmentDto> {
    return this.attachments.upload(id, file, caller(req), fields.confirmedSpans);
  }

  @Access('program.read', 'case')
  @Get('cases/:id/attachments/:fileId')
  @ApiProduces('image/png', 'image/jpeg', 'image/webp', 'application/pdf')
  async attachment(
    @Param('id') id: string,
    @Param('fileId', ParseUUIDPipe) fileId: string,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
  ): Promise<void> {
    const file = await this.attachments.file(id, fileId, caller(req));
    await sendUpload(res, this.storage, file, `attachment ${fileId} not found`);
  }

  @Access('cases.submit', 'case')
  @Delete('cases/:id/attachments/:fileId')
  @HttpCode(HttpStatus.NO_CONTENT)
  detach(
    @Param('id') id: string,
    @Param('fileId', ParseUUIDPipe) fileId: string,
    @Req() req: AuthenticatedRequest,
  ): Promise<void> {
    return this.attachments.remove(id, fileId, caller(req));
  }
}
