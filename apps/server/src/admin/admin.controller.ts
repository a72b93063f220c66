import {
  type AdminAuditDto,
  AdminAction,
  type AdminUserDto,
  type ErasureReport,
  type ResetLinkResponse,
} from '@echo-hub/protocol';
import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AdminOnly, CurrentUser, SignedIn } from '../auth/access.decorators';
import type { AuthUser } from '../auth/auth.types';
import { sendPage } from '../common/page';
import { AdminService } from './admin.service';
import { AdminAuditQueryDto, AdminUsersQueryDto, EraseUserDto, SetAdminDto } from './dto/admin.dto';
import { PersonDataService } from './person-data.service';

const uuid = new ParseUUIDPipe();

/** The admin area (instance admins only): accounts, the audit log of admin actions, a person's data. */
@ApiTags('admin')
@ApiBearerAuth()
@Controller()
export class AdminController {
  constructor(
    private readonly admin: AdminService,
    private readonly personData: PersonDataService,
  ) {}

  @AdminOnly()
  @Get('admin/users')
  async users(
    @Query() q: AdminUsersQueryDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AdminUserDto[]> {
    return sendPage(req, res, await this.admin.users(q.q, q));
  }

  @AdminOnly()
  @Get('admin/users/:id')
  user(@Param('id', uuid) id: string): Promise<AdminUserDto> {
    return this.admin.user(id);
  }

  /** Ends the account's sign-ins and sockets and refuses new ones. */
  @AdminOnly()
  @Post('admin/users/:id/disable')
  @HttpCode(HttpStatus.OK)
  disable(@CurrentUser() admin: AuthUser, @Param('id', uuid) id: string): Promise<AdminUserDto> {
    return this.admin.disable(admin, id);
  }

  @AdminOnly()
  @Post('admin/users/:id/enable')
  @HttpCode(HttpStatus.OK)
  enable(@CurrentUser() admin: AuthUser, @Param('id', uuid) id: string): Promise<AdminUserDto> {
    return this.admin.enable(admin, id);
  }

  /** Grants or revokes the instance admin role. */
  @AdminOnly()
  @Put('admin/users/:id/admin')
  setAdmin(
    @CurrentUser() admin: AuthUser,
    @Param('id', uuid) id: string,
    @Body() dto: SetAdminDto,
  ): Promise<AdminUserDto> {
    return this.admin.setAdmin(admin, id, dto.isAdmin);
  }

  /** For instances without SMTP: an admin hands the link to the person. */
  @AdminOnly()
  @Post('admin/users/:id/reset-link')
  resetLink(@CurrentUser() admin: AuthUser, @Param('id', uuid) id: string): Promise<ResetLinkResponse> {
    return this.admin.resetLink(admin, id);
  }

  @AdminOnly()
  @Get('admin/audit')
  async audit(
    @Query() q: AdminAuditQueryDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AdminAuditDto[]> {
    return sendPage(req, res, await this.admin.audit(q));
  }

  /** Everything the hub keeps about the person: data.json and their files, in a zip. */
  @AdminOnly()
  @Get('admin/users/:id/export')
  @ApiProduces('application/zip')
  async export(@CurrentUser() admin: AuthUser, @Param('id', uuid) id: string, @Res() res: Response): Promise<void> {
    await this.admin.find(id);
    await this.admin.log(admin, AdminAction.Export, id);
    await this.personData.export(id, res);
  }

  /** Erases the person's data (see README, "A person's data"); cannot be undone. */
  @AdminOnly()
  @Post('admin/users/:id/erase')
  @HttpCode(HttpStatus.OK)
  async erase(
    @CurrentUser() admin: AuthUser,
    @Param('id', uuid) id: string,
    @Body() dto: EraseUserDto,
  ): Promise<ErasureReport> {
    return this.personData.erase(admin, id, dto.confirmEmail);
  }

  /** The signed-in person's own data, as an admin's export gives it. */
  @SignedIn()
  @Get('me/export')
  @ApiProduces('application/zip')
  async myExport(@CurrentUser() user: AuthUser, @Res() res: Response): Promise<void> {
    await this.personData.export(user.id, res);
  }
}
