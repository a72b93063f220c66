import {
  type AcceptInvitationRequest,
  type AddMemberRequest,
  type CreateInvitationRequest,
  type CreateProgramRequest,
  type CreateSiteRequest,
  PARTICIPATION_TYPES,
  type ParticipationType,
  PROGRAM_ROLES,
  type ProgramRole,
  type UpdateMemberRequest,
} from '@echo-hub/protocol';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsDateString,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsNotEmpty,
  IsNumber,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { IsTimeZone, Optional, Trim } from '../../common/dto';

export class CreateProgramDto implements CreateProgramRequest {
  @ApiProperty({ example: 'Social Prescribing ECHO' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @ApiPropertyOptional({ example: 'Social prescribing and community wellbeing' })
  @Optional()
  @Trim()
  @IsString()
  @MaxLength(200)
  topic?: string;

  @ApiPropertyOptional({ example: 'Link workers, GPs, community and voluntary sector staff' })
  @Optional()
  @IsString()
  @MaxLength(500)
  targetAudience?: string;

  @ApiPropertyOptional({ example: 1020 })
  @Optional()
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  learningTarget?: number;

  @ApiPropertyOptional({
    example: '2027-03-31',
    description: 'Date the learning target should be met by; null clears it',
    nullable: true,
  })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsDateString({ strict: true }, { message: 'learningTargetDate must be a date (YYYY-MM-DD)' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'learningTargetDate must be a date (YYYY-MM-DD)' })
  learningTargetDate?: string | null;

  @ApiPropertyOptional({
    example: 0.5,
    minimum: 0,
    maximum: 1,
    description: 'Share of the scheduled duration a person must attend for a learning experience',
  })
  @Optional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'minAttendanceShare must be a number from 0 to 1' })
  @Min(0, { message: 'minAttendanceShare must be a number from 0 to 1' })
  @Max(1, { message: 'minAttendanceShare must be a number from 0 to 1' })
  minAttendanceShare?: number;

  @ApiPropertyOptional({
    example: 0.8,
    minimum: 0,
    maximum: 1,
    description: 'Certificate rule: share of the scheduled duration attended for a session to count on a certificate',
  })
  @Optional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'certificateShare must be a number from 0 to 1' })
  @Min(0, { message: 'certificateShare must be a number from 0 to 1' })
  @Max(1, { message: 'certificateShare must be a number from 0 to 1' })
  certificateShare?: number;

  @ApiPropertyOptional({ example: 1, minimum: 1, description: 'Certificate rule: sessions needed in a period' })
  @Optional()
  @IsInt({ message: 'certificateMinSessions must be a whole number from 1 to 100' })
  @Min(1, { message: 'certificateMinSessions must be a whole number from 1 to 100' })
  @Max(100, { message: 'certificateMinSessions must be a whole number from 1 to 100' })
  certificateMinSessions?: number;

  @ApiPropertyOptional({ example: 'Europe/London' })
  @Optional()
  @IsTimeZone()
  timeZone?: string;

  @ApiPropertyOptional({ description: "Whether every member sees the other members' e-mail addresses (default false)" })
  @Optional()
  @IsBoolean({ message: 'memberEmailsVisible must be true or false' })
  memberEmailsVisible?: boolean;
}

export class UpdateProgramDto extends PartialType(CreateProgramDto, { skipNullProperties: false }) {}

export class CreateSiteDto implements CreateSiteRequest {
  @ApiProperty({ example: 'Ards Community Health Centre' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  organisation: string;

  @ApiPropertyOptional({ example: 'Newtownards' })
  @Optional()
  @Trim()
  @IsString()
  @MaxLength(200)
  locality?: string;

  @ApiPropertyOptional({ example: 'Northern Ireland' })
  @Optional()
  @Trim()
  @IsString()
  @MaxLength(100)
  country?: string;
}

class MemberFields {
  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID('4', { message: 'siteId must be a UUID' })
  siteId?: string;

  @ApiPropertyOptional({ example: 'Practice nurse' })
  @Optional()
  @Trim()
  @IsString()
  @MaxLength(100)
  profession?: string;

  @ApiPropertyOptional({ enum: PARTICIPATION_TYPES })
  @Optional()
  @IsIn(PARTICIPATION_TYPES, { message: `participationType must be one of ${PARTICIPATION_TYPES.join(', ')}` })
  participationType?: ParticipationType;
}

export class AddMemberDto implements AddMemberRequest {
  @ApiProperty()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ enum: PROGRAM_ROLES })
  @IsIn(PROGRAM_ROLES, { message: `role must be one of ${PROGRAM_ROLES.join(', ')}` })
  role: ProgramRole;

  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID('4', { message: 'siteId must be a UUID' })
  siteId?: string;
}

export class UpdateMemberDto extends MemberFields implements UpdateMemberRequest {
  @ApiPropertyOptional({ enum: PROGRAM_ROLES })
  @Optional()
  @IsIn(PROGRAM_ROLES, { message: `role must be one of ${PROGRAM_ROLES.join(', ')}` })
  role?: ProgramRole;
}

export class CreateInvitationDto implements CreateInvitationRequest {
  @ApiProperty({ enum: PROGRAM_ROLES })
  @IsIn(PROGRAM_ROLES, { message: `role must be one of ${PROGRAM_ROLES.join(', ')}` })
  role: ProgramRole;

  @ApiPropertyOptional()
  @Optional()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID('4', { message: 'siteId must be a UUID' })
  siteId?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 90 })
  @Optional()
  @IsInt()
  @Min(1)
  @Max(90)
  expiresInDays?: number;
}

export class AcceptInvitationDto implements AcceptInvitationRequest {
  @ApiPropertyOptional()
  @Optional()
  @Trim()
  @IsString()
  @MaxLength(100)
  profession?: string;

  @ApiPropertyOptional({ enum: PARTICIPATION_TYPES })
  @Optional()
  @IsIn(PARTICIPATION_TYPES, { message: `participationType must be one of ${PARTICIPATION_TYPES.join(', ')}` })
  participationType?: ParticipationType;
}
