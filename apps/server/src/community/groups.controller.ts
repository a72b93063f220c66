import type { GroupMemberDto, GroupSummary, JoinRequestDto } from '@echo-hub/protocol';
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
import { Access, CurrentUser } from '../auth/access.decorators';
import type { AuthenticatedRequest, AuthUser } from '../auth/auth.types';
import { PageQueryDto, sendPage } from '../common/page';
import {
  AddGroupMemberDto,
  CreateGroupDto,
  DecideJoinRequestDto,
  JoinGroupDto,
  UpdateGroupDto,
  UpdateGroupMemberDto,
} from './dto/community.dto';
import { GroupsService } from './groups.service';

const role = (req: AuthenticatedRequest) => req.program?.role ?? null;

/**
 * Groups of a program. Routes marked community.moderate pass the guard for every program role;
 * the service then checks the caller moderates that group (facilitators and coordinators moderate all).
 */
@ApiTags('community')
@ApiBearerAuth()
@Controller()
export class GroupsController {
  constructor(private readonly groups: GroupsService) {}

  @Access('community.read')
  @Get('programs/:id/groups')
  list(
    @Param('id') id: string,
    @CurrentUser() user: AuthUser,
    @Req() req: AuthenticatedRequest,
  ): Promise<GroupSummary[]> {
    return this.groups.list(user, id, role(req));
  }

  @Access('community.manage')
  @Post('programs/:id/groups')
  create(
    @Param('id') id: string,
    @Body() dto: CreateGroupDto,
    @CurrentUser() user: AuthUser,
    @Req() req: AuthenticatedRequest,
  ): Promise<GroupSummary> {
    return this.groups.create(user, id, dto, role(req));
  }

  @Access('community.read', 'group')
  @Get('groups/:id')
  get(@Param('id') id: string, @CurrentUser() user: AuthUser, @Req() req: AuthenticatedRequest): Promise<GroupSummary> {
    return this.groups.get(user, id, role(req));
  }

  @Access('community.moderate', 'group')
  @Patch('groups/:id')
  update(
    @Param('id') id: string,
    @Body() dto: UpdateGroupDto,
    @CurrentUser() user: AuthUser,
    @Req() req: AuthenticatedRequest,
  ): Promise<GroupSummary> {
    return this.groups.update(user, id, dto, role(req));
  }

  @Access('community.read', 'group')
  @Get('groups/:id/members')
  async members(
    @Param('id') id: string,
    @Query() page: PageQueryDto,
    @CurrentUser() user: AuthUser,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<GroupMemberDto[]> {
    return sendPage(req, res, await this.groups.members(user, id, role(req), page));
  }

  @Access('community.moderate', 'group')
  @Post('groups/:id/members')
  addMember(
    @Param('id') id: string,
    @Body() dto: AddGroupMemberDto,
    @CurrentUser() user: AuthUser,
    @Req() req: AuthenticatedRequest,
  ): Promise<GroupMemberDto[]> {
    return this.groups.addMember(user, id, dto, role(req));
  }

  @Access('community.moderate', 'group')
  @Patch('groups/:id/members/:userId')
  updateMember(
    @Param('id') id: string,
    @Param('userId', ParseUUIDPipe) userId: string,
    @Body() dto: UpdateGroupMemberDto,
    @CurrentUser() user: AuthUser,
    @Req() req: AuthenticatedRequest,
  ): Promise<GroupMemberDto[]> {
    return this.groups.updateMember(user, id, userId, dto.role, role(req));
  }

  /** A moderator removes a member, or a member leaves (their own id). */
  @Access('community.read', 'group')
  @Delete('groups/:id/members/:userId')
  @HttpCode(HttpStatus.NO_CONTENT)
  removeMember(
    @Param('id') id: string,
    @Param('userId', ParseUUIDPipe) userId: string,
    @CurrentUser() user: AuthUser,
    @Req() req: AuthenticatedRequest,
  ): Promise<void> {
    return this.groups.removeMember(user, id, userId, role(req));
  }

  @Access('community.read', 'group')
  @Post('groups/:id/requests')
  join(
    @Param('id') id: string,
    @Body() dto: JoinGroupDto,
    @CurrentUser() user: AuthUser,
    @Req() req: AuthenticatedRequest,
  ): Promise<JoinRequestDto> {
    return this.groups.requestToJoin(user, id, dto, role(req));
  }

  @Access('community.moderate', 'group')
  @Get('groups/:id/requests')
  joinRequests(
    @Param('id') id: string,
    @CurrentUser() user: AuthUser,
    @Req() req: AuthenticatedRequest,
  ): Promise<JoinRequestDto[]> {
    return this.groups.joinRequests(user, id, role(req));
  }

  @Access('community.moderate', 'group')
  @Patch('groups/:id/requests/:requestId')
  decide(
    @Param('id') id: string,
    @Param('requestId', ParseUUIDPipe) requestId: string,
    @Body() dto: DecideJoinRequestDto,
    @CurrentUser() user: AuthUser,
    @Req() req: AuthenticatedRequest,
  ): Promise<JoinRequestDto> {
    return this.groups.decide(user, id, requestId, dto.status, role(req));
  }
}
