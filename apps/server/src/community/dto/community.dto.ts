import {
  type AddGroupMemberRequest,
  CommunityLimits,
  type CreateGroupRequest,
  type CreatePostRequest,
  type CreateThreadRequest,
  type DecideJoinRequest,
  FLAG_REASONS,
  type FlagReason,
  type FlagRequest,
  GROUP_ROLES,
  type GroupRole,
  type HideRequest,
  type JoinGroupRequest,
  type MarkNotificationsReadRequest,
  type MoveThreadRequest,
  type PreviewRequest,
  type ReactRequest,
  REACTIONS,
  type UpdateGroupMemberRequest,
  type UpdateGroupRequest,
  type UpdatePostRequest,
  type UpdateThreadRequest,
  type WatchRequest,
  type ConfirmedSpan,
} from '@echo-hub/protocol';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { Type } from 'class-transformer';
import { Optional, Trim } from '../../common/dto';
import { PageQueryDto } from '../../common/page';
import { SpanDto } from '../../deid';

const L = CommunityLimits;

export class CreateGroupDto implements CreateGroupRequest {
  @ApiProperty({ example: "Carers' peer support" })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(L.groupName)
  name: string;

  @ApiPropertyOptional({ description: 'Private groups have their own members; others ask to join', default: false })
  @Optional()
  @IsBoolean()
  private?: boolean;

  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @MaxLength(L.groupDescription)
  description?: string;
}

export class UpdateGroupDto implements UpdateGroupRequest {
  @ApiPropertyOptional()
  @Optional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(L.groupName)
  name?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @MaxLength(L.groupDescription)
  description?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsBoolean()
  private?: boolean;
}

export class AddGroupMemberDto implements AddGroupMemberRequest {
  @ApiProperty({ format: 'uuid', description: 'A member of the program' })
  @IsUUID('4', { message: 'userId must be a UUID' })
  userId: string;

  @ApiPropertyOptional({ enum: GROUP_ROLES, default: 'member' })
  @Optional()
  @IsIn(GROUP_ROLES, { message: `role must be one of ${GROUP_ROLES.join(', ')}` })
  role?: GroupRole;
}

export class UpdateGroupMemberDto implements UpdateGroupMemberRequest {
  @ApiProperty({ enum: GROUP_ROLES })
  @IsIn(GROUP_ROLES, { message: `role must be one of ${GROUP_ROLES.join(', ')}` })
  role: GroupRole;
}

export class JoinGroupDto implements JoinGroupRequest {
  @ApiPropertyOptional({ example: 'I care for my mother and would value talking with other carers.' })
  @Optional()
  @IsString()
  @MaxLength(500)
  message?: string;
}

export class DecideJoinRequestDto implements DecideJoinRequest {
  @ApiProperty({ enum: ['approved', 'declined'] })
  @IsIn(['approved', 'declined'], { message: 'status must be approved or declined' })
  status: 'approved' | 'declined';
}

/** A possible identifier in a title or post the author confirms identifies nobody. */
export class PostSpanDto extends SpanDto implements ConfirmedSpan {
  @ApiProperty({ enum: ['title', 'body'] })
  @IsIn(['title', 'body'], { message: 'field must be title or body' })
  field: 'title' | 'body';
}

/** The gate's findings the author confirms (a property decorator set shared by posts and titles). */
class Confirmable {
  @ApiPropertyOptional({
    type: [PostSpanDto],
    description:
      'Possible identifiers (from a 422 IDENTIFIERS_FOUND) the author confirms identify nobody; any other finding is refused',
  })
  @Optional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => PostSpanDto)
  confirmedSpans?: PostSpanDto[];
}

export class CreateThreadDto extends Confirmable implements CreateThreadRequest {
  @ApiProperty({ example: 'Keeping motivation going after the first appointment' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(L.title)
  title: string;

  @ApiProperty({ description: 'Markdown' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(L.body)
  body: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A session of the same program ("continue the discussion")' })
  @Optional()
  @IsUUID('4', { message: 'sessionId must be a UUID' })
  sessionId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A case of the same program the author may read ("follow up")' })
  @Optional()
  @IsUUID('4', { message: 'caseId must be a UUID' })
  caseId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Client-generated: a retry with the same one creates nothing new',
  })
  @Optional()
  @IsUUID('4', { message: 'clientId must be a UUID' })
  clientId?: string;
}

export class UpdateThreadDto extends Confirmable implements UpdateThreadRequest {
  @ApiPropertyOptional()
  @Optional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(L.title)
  title?: string;

  @ApiPropertyOptional({ description: 'Moderators only' })
  @Optional()
  @IsBoolean()
  pinned?: boolean;

  @ApiPropertyOptional({ description: 'Moderators only' })
  @Optional()
  @IsBoolean()
  locked?: boolean;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsUUID('4', { message: 'sessionId must be a UUID or null' })
  sessionId?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsUUID('4', { message: 'caseId must be a UUID or null' })
  caseId?: string | null;
}

export class MoveThreadDto implements MoveThreadRequest {
  @ApiProperty({ format: 'uuid', description: 'A group of the same program' })
  @IsUUID('4', { message: 'groupId must be a UUID' })
  groupId: string;
}

export class CreatePostDto extends Confirmable implements CreatePostRequest {
  @ApiProperty({ description: 'Markdown; @mentions of program members notify them' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(L.body)
  body: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The post replied to (omit: a reply to the thread)' })
  @Optional()
  @IsUUID('4', { message: 'parentId must be a UUID' })
  parentId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Client-generated: a retry with the same one returns the same post',
  })
  @Optional()
  @IsUUID('4', { message: 'clientId must be a UUID' })
  clientId?: string;
}

export class PreviewDto implements PreviewRequest {
  @ApiProperty({ description: 'Markdown' })
  @IsString()
  @MaxLength(L.body)
  body: string;
}

export class UpdatePostDto extends Confirmable implements UpdatePostRequest {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(L.body)
  body: string;
}

export class ReactDto implements ReactRequest {
  @ApiProperty({ enum: REACTIONS })
  @IsIn(REACTIONS, { message: `emoji must be one of ${REACTIONS.join(' ')}` })
  emoji: string;

  @ApiProperty({ description: 'true adds the reaction, false takes it back' })
  @IsBoolean()
  active: boolean;
}

export class FlagDto implements FlagRequest {
  @ApiProperty({ enum: FLAG_REASONS })
  @IsIn(FLAG_REASONS, { message: `reason must be one of ${FLAG_REASONS.join(', ')}` })
  reason: FlagReason;

  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class HideDto implements HideRequest {
  @ApiProperty({ example: 'Contains a patient identifier' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason: string;
}

export class MarkNotificationsReadDto implements MarkNotificationsReadRequest {
  @ApiPropertyOptional({ type: [String], description: 'Omit to mark all read' })
  @Optional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('4', { each: true, message: 'each of ids must be a UUID' })
  ids?: string[];
}

export class SearchQueryDto {
  @ApiProperty({ example: 'goal setting' })
  @IsString()
  @IsNotEmpty({ message: 'q must not be empty' })
  @MaxLength(L.searchQuery)
  q: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only this group' })
  @Optional()
  @IsUUID('4', { message: 'groupId must be a UUID' })
  groupId?: string;
}

export class AuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID('4', { message: 'groupId must be a UUID' })
  groupId?: string;
}

/** Socket payload of community:watch / community:unwatch. */
export class WatchDto implements WatchRequest {
  @Optional()
  @IsUUID('4', { message: 'threadId must be a UUID' })
  threadId?: string;

  @Optional()
  @IsUUID('4', { message: 'groupId must be a UUID' })
  groupId?: string;
}
