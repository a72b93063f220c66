import {
  type AgendaItemKind,
  type CreateSessionRequest,
  RECURRENCES,
  type Recurrence,
  type RecurrenceRequest,
  type ReplaceAgendaRequest,
  type UpdateSessionRequest,
} from '@echo-hub/protocol';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  IsObject,
  ValidateNested,
} from 'class-validator';
import { IsTimeZone, Optional, Trim } from '../../common/dto';
import { PageQueryDto } from '../../common/page';

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class AgendaItemInputDto {
  @ApiProperty({ enum: ['didactic', 'case'] })
  @IsIn(['didactic', 'case'], { message: 'kind must be didactic or case' })
  kind: AgendaItemKind;

  @ApiPropertyOptional({
    description: 'Required for didactic slots',
    example: 'Motivational interviewing in 10 minutes',
  })
  @ValidateIf((o: AgendaItemInputDto) => o.kind === 'didactic' || o.title !== undefined)
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({ description: 'A member of the program' })
  @Optional()
  @IsEmail({}, { message: 'presenterEmail must be an email address' })
  @MaxLength(254)
  presenterEmail?: string;

  @ApiProperty({ minimum: 1, maximum: 240 })
  @IsInt()
  @Min(1)
  @Max(240)
  minutes: number;
}

export class RecurrenceDto implements RecurrenceRequest {
  @ApiProperty({ enum: RECURRENCES })
  @IsIn(RECURRENCES, { message: `frequency must be one of ${RECURRENCES.join(', ')}` })
  frequency: Recurrence;

  @ApiPropertyOptional({ minimum: 1, maximum: 104 })
  @Optional()
  @IsInt()
  @Min(1)
  @Max(104)
  count?: number;

  @ApiPropertyOptional({ example: '2026-07-14' })
  @Optional()
  @IsDateString({ strict: true }, { message: 'until must be a date YYYY-MM-DD' })
  @Matches(DATE, { message: 'until must be a date YYYY-MM-DD' })
  until?: string;

  @ApiPropertyOptional({ type: [String], example: ['2026-04-07'] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(104)
  @IsDateString({ strict: true }, { each: true, message: 'each of exceptions must be a date YYYY-MM-DD' })
  @Matches(DATE, { each: true, message: 'each of exceptions must be a date YYYY-MM-DD' })
  exceptions?: string[];
}

export class CreateSessionDto implements CreateSessionRequest {
  @ApiProperty({ example: 'Social Prescribing ECHO — session 4' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @ApiProperty({ example: '2026-03-17T12:30:00+00:00' })
  @IsString()
  @IsDateString(
    { strict: true },
    { message: 'startsAt must be ISO 8601 with an offset, e.g. 2026-03-17T12:30:00+00:00' },
  )
  @Matches(ISO_WITH_OFFSET, { message: 'startsAt must be ISO 8601 with an offset, e.g. 2026-03-17T12:30:00+00:00' })
  startsAt: string;

  @ApiProperty({ minimum: 15, maximum: 480, example: 90 })
  @IsInt()
  @Min(15)
  @Max(480)
  durationMinutes: number;

  @ApiPropertyOptional({ example: 'Europe/London' })
  @Optional()
  @IsTimeZone()
  timeZone?: string;

  @ApiPropertyOptional({ type: [AgendaItemInputDto] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => AgendaItemInputDto)
  agenda?: AgendaItemInputDto[];

  @ApiPropertyOptional({ type: RecurrenceDto })
  @Optional()
  @IsObject({ message: 'recurrence must be an object' }) // ValidateNested alone passes [] (no elements to check)
  @ValidateNested()
  @Type(() => RecurrenceDto)
  recurrence?: RecurrenceDto;

  @ApiPropertyOptional({ default: false, description: 'A dry run: counted nowhere and no survey' })
  @Optional()
  @IsBoolean({ message: 'practice must be true or false' })
  practice?: boolean;
}

export class UpdateSessionDto implements UpdateSessionRequest {
  @ApiPropertyOptional()
  @Optional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @IsDateString(
    { strict: true },
    { message: 'startsAt must be ISO 8601 with an offset, e.g. 2026-03-17T12:30:00+00:00' },
  )
  @Matches(ISO_WITH_OFFSET, { message: 'startsAt must be ISO 8601 with an offset, e.g. 2026-03-17T12:30:00+00:00' })
  startsAt?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsInt()
  @Min(15)
  @Max(480)
  durationMinutes?: number;

  @ApiPropertyOptional({ enum: ['scheduled', 'cancelled'] })
  @Optional()
  @IsIn(['scheduled', 'cancelled'], { message: 'status must be scheduled or cancelled' })
  status?: 'scheduled' | 'cancelled';

  @ApiPropertyOptional({ description: 'A dry run: counted nowhere and no survey' })
  @Optional()
  @IsBoolean({ message: 'practice must be true or false' })
  practice?: boolean;
}

export class ReplaceAgendaDto implements ReplaceAgendaRequest {
  @ApiProperty({ type: [AgendaItemInputDto] })
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => AgendaItemInputDto)
  items: AgendaItemInputDto[];
}

export class SessionRangeQuery extends PageQueryDto {
  @ApiPropertyOptional({ description: 'ISO 8601; default: now minus one day' })
  @Optional()
  @IsDateString({ strict: true }, { message: 'from must be ISO 8601 with an offset' })
  @Matches(ISO_WITH_OFFSET, { message: 'from must be ISO 8601 with an offset' })
  from?: string;

  @ApiPropertyOptional({ description: 'ISO 8601; default: no end' })
  @Optional()
  @IsDateString({ strict: true }, { message: 'to must be ISO 8601 with an offset' })
  @Matches(ISO_WITH_OFFSET, { message: 'to must be ISO 8601 with an offset' })
  to?: string;
}
