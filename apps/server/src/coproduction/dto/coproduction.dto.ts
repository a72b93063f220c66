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
import { IsNumber, IsUUID, Matches, Max, Min } from 'class-validator';
import { IsDay, IsOneOf, IsText, Optional } from '../../common/dto';

export class AssignRoleDto implements AssignCoproductionRoleRequest {
  @ApiProperty({ format: 'uuid', description: 'A member of the program' })
  @IsUUID('4', { message: 'userId must be a UUID' })
  userId: string;

  @ApiProperty({ enum: COPRODUCTION_ROLES })
  @IsOneOf(COPRODUCTION_ROLES)
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
  @IsText(200)
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
  @IsOneOf(PAYMENT_KINDS)
  kind: PaymentKind;

  @ApiPropertyOptional({ enum: PAYMENT_STATUSES, default: 'pending' })
  @Optional()
  @IsOneOf(PAYMENT_STATUSES)
  status?: PaymentStatus;

  @ApiPropertyOptional({ example: 'Train fare Wakefield–Leeds' })
  @Optional()
  @IsText(500, { allowEmpty: true })
  note?: string;
}

export class PaymentStatusDto implements PaymentStatusRequest {
  @ApiProperty({ enum: PAYMENT_STATUSES })
  @IsOneOf(PAYMENT_STATUSES)
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
