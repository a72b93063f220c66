import {
  type AssignCoproductionRoleRequest,
  COPRODUCTION_ROLES,
  type CoproductionPaymentRequest,
  type CoproductionRole,
  PAYMENT_KINDS,
  PAYMENT_STATUSES,
  type PaymentKind,
  type PaymentStatus,
  type PaymentStatusRequest,
} from '@echo-hub/protocol';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsNumber, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsDay, Optional, Trim } from '../../common/dto';

export class AssignRoleDto implements AssignCoproductionRoleRequest {
  @ApiProperty({ format: 'uuid', description: 'A member of the program' })
  @IsUUID('4', { message: 'userId must be a UUID' })
  userId: string;

  @ApiProperty({ enum: COPRODUCTION_ROLES })
  @IsIn(COPRODUCTION_ROLES, { message: `role must be one of ${COPRODUCTION_ROLES.join(', ')}` })
  role: CoproductionRole;
}

export class RecordPaymentDto implements CoproductionPaymentRequest {
  @ApiProperty({ format: 'uuid', description: 'The member paid' })
  @IsUUID('4', { message: 'userId must be a UUID' })
  userId: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The session it is for (else give activity)' })
  @Optional()
  @IsUUID('4', { message: 'sessionId must be a UUID' })
  sessionId?: string;

  @ApiPropertyOptional({ example: 'Recruitment interview panel' })
  @Optional()
  @Trim()
  @IsString({ message: 'activity must be text' })
  @IsNotEmpty({ message: 'activity must not be empty' })
  @MaxLength(200, { message: 'activity must be at most 200 characters' })
  activity?: string;

  @ApiProperty({ example: '2026-05-12' })
  @IsDay()
  date: string;

  @ApiProperty({ example: 2.5 })
  @IsNumber({ maxDecimalPlaces: 2 }, { message: 'hours must be a number of hours' })
  @Min(0, { message: 'hours must be at least 0' })
  @Max(200, { message: 'hours must be at most 200' })
  hours: number;

  @ApiProperty({ example: 37.5, description: 'In the currency, at most two decimals' })
  @IsNumber({ maxDecimalPlaces: 2 }, { message: 'amount must be a sum with at most two decimals' })
  @Min(0, { message: 'amount must be at least 0' })
  @Max(100_000, { message: 'amount must be at most 100000' })
  amount: number;

  @ApiProperty({ example: 'GBP' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as GBP' })
  currency: string;

  @ApiProperty({ enum: PAYMENT_KINDS })
  @IsIn(PAYMENT_KINDS, { message: `kind must be one of ${PAYMENT_KINDS.join(', ')}` })
  kind: PaymentKind;

  @ApiPropertyOptional({ enum: PAYMENT_STATUSES, default: 'pending' })
  @Optional()
  @IsIn(PAYMENT_STATUSES, { message: `status must be one of ${PAYMENT_STATUSES.join(', ')}` })
  status?: PaymentStatus;

  @ApiPropertyOptional({ example: 'Train fare Wakefield–Leeds' })
  @Optional()
  @Trim()
  @IsString({ message: 'note must be text' })
  @MaxLength(500, { message: 'note must be at most 500 characters' })
  note?: string;
}

export class PaymentStatusDto implements PaymentStatusRequest {
  @ApiProperty({ enum: PAYMENT_STATUSES })
  @IsIn(PAYMENT_STATUSES, { message: `status must be one of ${PAYMENT_STATUSES.join(', ')}` })
  status: PaymentStatus;
}

export class PaymentsCsvQueryDto {
  @ApiPropertyOptional({ example: '2026-04-01', description: 'From this day (inclusive)' })
  @Optional()
  @IsDay()
  from?: string;

  @ApiPropertyOptional({ example: '2027-03-31', description: 'To this day (inclusive)' })
  @Optional()
  @IsDay()
  to?: string;
}
