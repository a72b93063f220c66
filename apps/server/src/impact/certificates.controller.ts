import { can, type CertificatePeriodDto, type CertificateVerification } from '@echo-hub/protocol';
import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Access, granteeOf, Public } from '../auth/access.decorators';
import type { AuthenticatedRequest } from '../auth/auth.types';
import { CertificatesService } from './certificates.service';
import { CertificateQueryDto, CertificatesQueryDto } from './dto/impact.dto';
import { notYours } from './impact.errors';

/** The certificate holder: the caller, or (for facilitators, coordinators and admins) the member asked for. */
function holderOf(req: AuthenticatedRequest, userId: string | undefined): string {
  if (!userId || userId === req.user.id) return req.user.id;
  if (can(granteeOf(req), 'attendance.read')) return userId;
  throw notYours();
}

@ApiTags('certificates')
@ApiBearerAuth()
@Controller()
export class CertificatesController {
  constructor(private readonly certificates: CertificatesService) {}

  /** The months and years with learning experiences to certify, newest first. */
  @Access('program.read')
  @Get('programs/:id/certificates')
  periods(
    @Param('id') id: string,
    @Query() q: CertificatesQueryDto,
    @Req() req: AuthenticatedRequest,
  ): Promise<CertificatePeriodDto[]> {
    return this.certificates.periods(id, holderOf(req, q.userId));
  }

  /** The attendance certificate of a month or a year, as a PDF; its code is in the X-Certificate-Code header. */
  @Access('program.read')
  @Get('programs/:id/certificate.pdf')
  @ApiProduces('application/pdf')
  async pdf(
    @Param('id') id: string,
    @Query() q: CertificateQueryDto,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
  ): Promise<void> {
    const { name, code, bytes } = await this.certificates.pdf(id, q.period, holderOf(req, q.userId));
    res.setHeader('X-Certificate-Code', code);
    res.type('application/pdf').attachment(name).send(bytes);
  }

  /** Public: anyone holding a certificate's code may check whom it certifies, for what and how many hours. */
  @Public()
  @Get('certificates/verify/:code')
  verify(@Param('code') code: string): Promise<CertificateVerification> {
    return this.certificates.verify(code);
  }
}
