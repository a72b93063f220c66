import type { AccessibilityNeedDto, CoproductionPaymentDto, CoproductionRoleDto } from '@echo-hub/protocol';
import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Access, CurrentUser } from '../auth/access.decorators';
import type { AuthUser } from '../auth/auth.types';
import { PageQueryDto, sendPage } from '../common/page';
import { CoproductionService } from './coproduction.service';
import { AssignRoleDto, PaymentsCsvQueryDto, PaymentStatusDto, RecordPaymentDto } from './dto/coproduction.dto';
import { PaymentsService } from './payments.service';

@ApiTags('coproduction')
@ApiBearerAuth()
@Controller()
export class CoproductionController {
  constructor(
    private readonly coproduction: CoproductionService,
    private readonly payments: PaymentsService,
  ) {}

  /** Who co-facilitates, is a lived-experience expert or a panel member on this session. */
  @Access('coproduction.read', 'session')
  @Get('sessions/:id/coproduction-roles')
  sessionRoles(@Param('id') id: string): Promise<CoproductionRoleDto[]> {
    return this.coproduction.sessionRoles(id);
  }

  /** Gives a member a role on the session (replacing theirs); answers the session's roles. */
  @Access('coproduction.manage', 'session')
  @Post('sessions/:id/coproduction-roles')
  assignOnSession(
    @Param('id') id: string,
    @Body() dto: AssignRoleDto,
    @CurrentUser() user: AuthUser,
  ): Promise<CoproductionRoleDto[]> {
    return this.coproduction.assignOnSession(id, dto, user);
  }

  @Access('coproduction.manage', 'session')
  @Delete('sessions/:id/coproduction-roles/:userId')
  @HttpCode(HttpStatus.NO_CONTENT)
  unassignOnSession(@Param('id') id: string, @Param('userId', ParseUUIDPipe) userId: string): Promise<void> {
    return this.coproduction.unassignOnSession(id, userId);
  }

  /** The accessibility needs members gave at registration: for the session's facilitators, not everyone. */
  @Access('accessibility.read', 'session')
  @Get('sessions/:id/accessibility-needs')
  accessibilityNeeds(@Param('id') id: string): Promise<AccessibilityNeedDto[]> {
    return this.coproduction.accessibilityNeeds(id);
  }

  /** Group-level roles (a private group's only for those who may read it). */
  @Access('coproduction.read', 'group')
  @Get('groups/:id/coproduction-roles')
  groupRoles(@Param('id') id: string, @CurrentUser() user: AuthUser): Promise<CoproductionRoleDto[]> {
    return this.coproduction.groupRoles(id, user);
  }

  @Access('coproduction.manage', 'group')
  @Post('groups/:id/coproduction-roles')
  assignInGroup(
    @Param('id') id: string,
    @Body() dto: AssignRoleDto,
    @CurrentUser() user: AuthUser,
  ): Promise<CoproductionRoleDto[]> {
    return this.coproduction.assignInGroup(id, dto, user);
  }

  @Access('coproduction.manage', 'group')
  @Delete('groups/:id/coproduction-roles/:userId')
  @HttpCode(HttpStatus.NO_CONTENT)
  unassignInGroup(
    @Param('id') id: string,
    @Param('userId', ParseUUIDPipe) userId: string,
    @CurrentUser() user: AuthUser,
  ): Promise<void> {
    return this.coproduction.unassignInGroup(id, userId, user);
  }

  /** Payments and expenses, newest first, a page at a time (Link rel=next). */
  @Access('payments.manage')
  @Get('programs/:id/coproduction-payments')
  async listPayments(
    @Param('id') id: string,
    @Query() page: PageQueryDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CoproductionPaymentDto[]> {
    return sendPage(req, res, await this.payments.list(id, page));
  }

  @Access('payments.manage')
  @Post('programs/:id/coproduction-payments')
  recordPayment(
    @Param('id') id: string,
    @Body() dto: RecordPaymentDto,
    @CurrentUser() user: AuthUser,
  ): Promise<CoproductionPaymentDto> {
    return this.payments.record(id, dto, user);
  }

  @Access('payments.manage')
  @Patch('programs/:id/coproduction-payments/:paymentId')
  setPaymentStatus(
    @Param('id') id: string,
    @Param('paymentId', ParseUUIDPipe) paymentId: string,
    @Body() dto: PaymentStatusDto,
  ): Promise<CoproductionPaymentDto> {
    return this.payments.setStatus(id, paymentId, dto.status);
  }

  /** For finance: one row per payment or expense claim in the period. */
  @Access('payments.manage')
  @Get('programs/:id/coproduction-payments.csv')
  @ApiProduces('text/csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  async paymentsCsv(@Param('id') id: string, @Query() q: PaymentsCsvQueryDto, @Res() res: Response): Promise<void> {
    const body = await this.payments.csv(id, q.from, q.to);
    res
      .attachment(`coproduction-payments-${new Date().toISOString().slice(0, 10)}.csv`)
      .type('text/csv; charset=utf-8')
      .send(body);
  }
}
