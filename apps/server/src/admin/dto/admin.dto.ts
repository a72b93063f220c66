import type { AdminUsersQuery, EraseUserRequest, SetAdminRequest } from '@echo-hub/protocol';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsString, MaxLength } from 'class-validator';
import { Optional, Trim } from '../../common/dto';
import { PageQueryDto } from '../../common/page';

/** Pages (limit, cursor: common/page.ts) of the accounts, oldest first. */
export class AdminUsersQueryDto extends PageQueryDto implements AdminUsersQuery {
  @ApiPropertyOptional({ description: 'Part of the name or e-mail address, any case', example: 'byrne' })
  @Optional()
  @Trim()
  @IsString({ message: 'q must be text' })
  @MaxLength(100, { message: 'q must be at most 100 characters' })
  q?: string;
}

/** Pages (limit, cursor: common/page.ts) of the audit log, newest first. */
export class AdminAuditQueryDto extends PageQueryDto {}

export class SetAdminDto implements SetAdminRequest {
  @ApiProperty()
  @IsBoolean({ message: 'isAdmin must be true or false' })
  isAdmin: boolean;
}

export class EraseUserDto implements EraseUserRequest {
  @ApiProperty({ description: "The account's e-mail address, typed again" })
  @Trim()
  @IsString({ message: 'confirmEmail must be text' })
  @MaxLength(254, { message: 'confirmEmail must be at most 254 characters' })
  confirmEmail: string;
}
