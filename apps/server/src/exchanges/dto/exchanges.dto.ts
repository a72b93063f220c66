import {
  LEARNING_ACTIVITY_KINDS,
  type LearningActivityKind,
  type LearningActivityRequest,
  type MentoringPairRequest,
} from '@echo-hub/protocol';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDateString,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Optional, Trim } from '../../common/dto';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class ReflectionSpanDto {
  @ApiProperty()
  @IsInt()
  @Min(0)
  start: number;

  @ApiProperty()
  @IsInt()
  @Min(0)
  end: number;
}

export class LogActivityDto implements LearningActivityRequest {
  @ApiProperty({ enum: LEARNING_ACTIVITY_KINDS })
  @IsIn(LEARNING_ACTIVITY_KINDS, { message: `kind must be one of ${LEARNING_ACTIVITY_KINDS.join(', ')}` })
  kind: LearningActivityKind;

  @ApiProperty({ example: 'Job-shadowing the frailty team' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @ApiProperty({ example: 'Osakidetza, Bilbao' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  place: string;

  @ApiProperty({ example: '2026-05-12' })
  @Matches(DATE, { message: 'startsOn must be a date (YYYY-MM-DD)' })
  @IsDateString({ strict: true }, { message: 'startsOn must be a date (YYYY-MM-DD)' })
  startsOn: string;

  @ApiProperty({ example: '2026-05-14' })
  @Matches(DATE, { message: 'endsOn must be a date (YYYY-MM-DD)' })
  @IsDateString({ strict: true }, { message: 'endsOn must be a date (YYYY-MM-DD)' })
  endsOn: string;

  @ApiProperty({ example: 14, description: 'Hours of learning per participant' })
  @IsNumber({ maxDecimalPlaces: 2 }, { message: 'hours must be a number of hours' })
  @Min(0.25, { message: 'hours must be at least 0.25' })
  @Max(2000, { message: 'hours must be at most 2000' })
  hours: number;

  @ApiPropertyOptional({ type: [String], description: 'Members who took part (default: me)' })
  @Optional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsUUID('4', { each: true, message: 'participantIds must be UUIDs of members' })
  participantIds?: string[];

  @ApiPropertyOptional({ format: 'uuid', description: 'kind mentoring: the pair that met' })
  @Optional()
  @IsUUID('4', { message: 'pairId must be a UUID' })
  pairId?: string;

  @ApiPropertyOptional({ example: 'Saw how the virtual ward hands over to community nursing.' })
  @Optional()
  @Trim()
  @IsString()
  @MaxLength(2000)
  reflection?: string;

  @ApiPropertyOptional({ type: [ReflectionSpanDto] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ReflectionSpanDto)
  confirmedSpans?: ReflectionSpanDto[];
}

export class SetUpPairDto implements MentoringPairRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('4', { message: 'mentorId must be a UUID' })
  mentorId: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('4', { message: 'menteeId must be a UUID' })
  menteeId: string;

  @ApiPropertyOptional({ example: 'Lead a first teleECHO clinic on falls prevention' })
  @Optional()
  @Trim()
  @IsString()
  @MaxLength(1000)
  goals?: string;
}
