import type { AdminUsersQuery, EraseUserRequest, SetAdminRequest } from '@echo-hub/protocol';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import { Optional, Trim } from '../../common/dto';

export class AdminUsersQueryDto implements AdminUsersQuery {
  @ApiPropertyOptional({ description: 'Part of the name or e-mail address, any case', example: 'byrne' })
  @Optional()
  @Trim()
  @IsString({ message: 'q must be text' })
  @MaxLength(100, { message: 'q must be at most 100 characters' })
  q?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @Optional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number (1-200)' })
  @Min(1, { message: 'limit must be a whole number (1-200)' })
  @Max(200, { message: 'limit must be a whole number (1-200)' })
  limit?: number;
}

export class AdminAuditQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @Optional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number (1-500)' })
  @Min(1, { message: 'limit must be a whole number (1-500)' })
  @Max(500, { message: 'limit must be a whole number (1-500)' })
  limit?: number;
}

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
