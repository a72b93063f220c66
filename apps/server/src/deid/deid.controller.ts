import { CaseLimits, CommunityLimits } from '@echo-hub/protocol';
import { type Finding, scan } from '@echo-hub/deid';
import {
  Body,
  Controller,
  HttpCode,
  HttpStatus,
  Post,
  Query,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiProduces, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import type { Response } from 'express';
import { SignedIn } from '../auth/access.decorators';
import { UploadInterceptor } from '../common/uploads';
import { badFile } from './bad-file';
import { pdfPagePreview } from './preview';

export class DeidCheckDto {
  @ApiProperty({ example: 'Seen by Dr Patel on 12/03/2024, NHS 943 476 5919.' })
  @IsString()
  @MaxLength(100_000)
  text: string;
}

const PAGE_MESSAGE = 'page must be a whole number from 1';

export class PdfPageQueryDto {
  @ApiProperty({ minimum: 1, description: 'The page to render (a finding box’s `page`)' })
  @Type(() => Number)
  @IsInt({ message: PAGE_MESSAGE })
  @Min(1, { message: PAGE_MESSAGE })
  @Max(10_000, { message: PAGE_MESSAGE })
  page: number;
}

/** The largest file the redaction view can be showing (a case or community attachment). */
const PREVIEW_BYTES = Math.max(CaseLimits.attachmentBytes, CommunityLimits.attachmentBytes);

/** The de-identification scanner the case form uses as the presenter types, and the server gate uses before storing. */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('deid')
export class DeidController {
  @SignedIn()
  @Post('check')
  @HttpCode(HttpStatus.OK)
  check(@Body() dto: DeidCheckDto): { findings: Finding[] } {
    return { findings: scan(dto.text) };
  }

  /**
   * One page of a PDF the uploader is attaching, as PNG at the resolution of its findings' boxes, so the
   * redaction view draws them where they are. The file is only read, never stored.
   */
  @SignedIn()
  @Post('pdf-page')
  @HttpCode(HttpStatus.OK)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } },
  })
  @ApiProduces('image/png')
  @UseInterceptors(UploadInterceptor(PREVIEW_BYTES))
  async pdfPage(
    @Query() query: PdfPageQueryDto,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Res() res: Response,
  ): Promise<void> {
    if (!file) throw badFile('file is required (multipart form field "file")');
    const png = await pdfPagePreview(file.buffer, query.page);
    res.set({ 'Content-Type': 'image/png', 'Cache-Control': 'no-store' }).send(png);
  }
}
