import type {
  InvitationDto,
  InvitationPreview,
  MemberDto,
  ProgramDto,
  ProgramOverview,
  SiteDto,
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
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Access, AdminOnly, CurrentUser, Public, SignedIn } from '../auth/access.decorators';
import type { AuthenticatedRequest, AuthUser } from '../auth/auth.types';
import { PageQueryDto, sendPage } from '../common/page';
import {
  AcceptInvitationDto,
  AddMemberDto,
  CreateInvitationDto,
  CreateProgramDto,
  CreateSiteDto,
  UpdateMemberDto,
  UpdateProgramDto,
} from './dto/programs.dto';
import { ProgramsService } from './programs.service';

const role = (req: AuthenticatedRequest) => req.program?.role ?? null;

@ApiTags('programs')
@ApiBearerAuth()
@Controller()
export class ProgramsController {
  constructor(private readonly programs: ProgramsService) {}

  @SignedIn()
  @Get('programs')
  list(@CurrentUser() user: AuthUser): Promise<ProgramDto[]> {
    return this.programs.list(user);
  }

  @AdminOnly()
  @Post('programs')
  create(@Body() dto: CreateProgramDto): Promise<ProgramDto> {
    return this.programs.create(dto);
  }

  @Access('program.read')
  @Get('programs/:id')
  overview(@Param('id') id: string, @Req() req: AuthenticatedRequest): Promise<ProgramOverview> {
    return this.programs.overview(id, role(req));
  }

  /** Deletes the program and everything in it; its members' sockets leave its live sessions and rooms. */
  @AdminOnly()
  @Delete('programs/:id')
  @HttpCode(HttpStatus.NO_CONTENT)
  remove(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.programs.remove(id);
  }

  @Access('program.manage')
  @Patch('programs/:id')
  update(
    @Param('id') id: string,
    @Body() dto: UpdateProgramDto,
    @Req() req: AuthenticatedRequest,
  ): Promise<ProgramDto> {
    return this.programs.update(id, dto, role(req));
  }

  @Access('program.read')
  @Get('programs/:id/sites')
  sites(@Param('id') id: string): Promise<SiteDto[]> {
    return this.programs.listSites(id);
  }

  @Access('sites.manage')
  @Post('programs/:id/sites')
  addSite(@Param('id') id: string, @Body() dto: CreateSiteDto): Promise<SiteDto> {
    return this.programs.addSite(id, dto);
  }

  /** A page of the program's members by name; the next page's address in Link rel=next (common/page.ts). */
  @Access('members.read')
  @Get('programs/:id/members')
  async members(
    @Param('id') id: string,
    @Query() page: PageQueryDto,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<MemberDto[]> {
    return sendPage(req, res, await this.programs.memberPage(id, { user: req.user, role: role(req) }, page));
  }

  @Access('members.manage')
  @Post('programs/:id/members')
  @HttpCode(HttpStatus.ACCEPTED)
  addMember(@Param('id') id: string, @Body() dto: AddMemberDto, @CurrentUser() by: AuthUser): Promise<InvitationDto> {
    return this.programs.addMember(id, dto, by);
  }

  @Access('members.manage')
  @Patch('programs/:id/members/:memberId')
  updateMember(
    @Param('id') id: string,
    @Param('memberId', ParseUUIDPipe) memberId: string,
    @Body() dto: UpdateMemberDto,
  ): Promise<MemberDto> {
    return this.programs.updateMember(id, memberId, dto);
  }

  @Access('members.manage')
  @Delete('programs/:id/members/:memberId')
  @HttpCode(HttpStatus.NO_CONTENT)
  removeMember(@Param('id') id: string, @Param('memberId', ParseUUIDPipe) memberId: string): Promise<void> {
    return this.programs.removeMember(id, memberId);
  }

  @Access('invitations.manage')
  @Post('programs/:id/invitations')
  invite(
    @Param('id') id: string,
    @Body() dto: CreateInvitationDto,
    @CurrentUser() user: AuthUser,
  ): Promise<InvitationDto> {
    return this.programs.createInvitation(id, dto, user);
  }

  @Access('invitations.manage')
  @Get('programs/:id/invitations')
  invitations(@Param('id') id: string): Promise<InvitationDto[]> {
    return this.programs.listInvitations(id);
  }

  /** Anyone holding the link may see what it is for (the token is the secret). */
  @Public()
  @Get('invitations/:token')
  preview(@Param('token') token: string): Promise<InvitationPreview> {
    return this.programs.previewInvitation(token);
  }

  @SignedIn()
  @Post('invitations/:token/accept')
  accept(
    @Param('token') token: string,
    @Body() dto: AcceptInvitationDto,
    @CurrentUser() user: AuthUser,
  ): Promise<MemberDto> {
    return this.programs.acceptInvitation(token, dto, user);
  }
}
