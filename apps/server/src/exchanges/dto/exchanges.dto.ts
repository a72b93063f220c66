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
  IsInt,
  IsNumber,
  IsUUID,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsDay, IsOneOf, IsText, Optional } from '../../common/dto';

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
  @IsOneOf(LEARNING_ACTIVITY_KINDS)
  kind: LearningActivityKind;

  @ApiProperty({ example: 'Job-shadowing the frailty team' })
  @IsText(200)
  title: string;

  @ApiProperty({ example: 'Osakidetza, Bilbao' })
  @IsText(200)
  place: string;

  @ApiProperty({ example: '2026-05-12' })
  @IsDay()
  startsOn: string;

  @ApiProperty({ example: '2026-05-14' })
  @IsDay()
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
  @IsText(2000, { allowEmpty: true })
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
  @IsText(1000, { allowEmpty: true })
  goals?: string;
}
