import {
  type AnswerRoundRequest,
  type AssessmentDimension,
  type AssessmentTemplateRequest,
  type OpenRoundRequest,
  PLANNED_ACTIVITY_KINDS,
  type PlannedActivityKind,
  type PlannedActivityRequest,
  type PriorityRequest,
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
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Optional, Trim } from '../../common/dto';

export class AssessmentDimensionDto implements AssessmentDimension {
  @ApiProperty({ example: 'Readiness to change' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @ApiProperty({ example: 'Shared vision, urgency and a plan for integrated care.' })
  @Trim()
  @IsString()
  @MaxLength(500)
  description: string;
}

export class TemplateBodyDto implements AssessmentTemplateRequest {
  @ApiProperty({ example: 'Integrated care maturity (our wording)' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ type: [AssessmentDimensionDto] })
  @IsArray()
  @ArrayMinSize(3)
  @ArrayMaxSize(24)
  @ValidateNested({ each: true })
  @Type(() => AssessmentDimensionDto)
  dimensions: AssessmentDimensionDto[];
}

export class OpenRoundDto implements OpenRoundRequest {
  @ApiProperty({ example: 'Baseline self-assessment 2026' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @ApiProperty({ example: 'scirocco-b3', description: '`scirocco-b3` or the id of one of the program’s templates' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(36)
  templateId: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A re-assessment: the round to compare with' })
  @Optional()
  @IsUUID('4', { message: 'previousRoundId must be a UUID' })
  previousRoundId?: string;
}

export class AnswerRoundDto implements AnswerRoundRequest {
  @ApiProperty({ type: [Number], example: [2, 3, 1, 2, 1, 2, 1, 2, 1, 2, 2, 3], description: 'One 0–5 per dimension' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(24)
  @IsInt({ each: true, message: 'scores must be whole numbers from 0 to 5' })
  @Min(0, { each: true, message: 'scores must be whole numbers from 0 to 5' })
  @Max(5, { each: true, message: 'scores must be whole numbers from 0 to 5' })
  scores: number[];
}

export class RecordPriorityDto implements PriorityRequest {
  @ApiProperty({ example: 2, description: 'Index of the dimension in the round' })
  @IsInt({ message: 'dimension must be the index of one of the round’s dimensions' })
  @Min(0, { message: 'dimension must be the index of one of the round’s dimensions' })
  dimension: number;

  @ApiProperty({ example: 'One shared care record across the two trusts' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @ApiPropertyOptional()
  @Optional()
  @Trim()
  @IsString()
  @MaxLength(2000)
  description?: string;
}

export class PlanActivityDto implements PlannedActivityRequest {
  @ApiProperty({ enum: PLANNED_ACTIVITY_KINDS })
  @IsIn(PLANNED_ACTIVITY_KINDS, { message: `kind must be one of ${PLANNED_ACTIVITY_KINDS.join(', ')}` })
  kind: PlannedActivityKind;

  @ApiProperty({ example: 'Study visit to the Basque Country' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'kind session: the planned session' })
  @Optional()
  @IsUUID('4', { message: 'sessionId must be a UUID' })
  sessionId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'kind series: the planned series' })
  @Optional()
  @IsUUID('4', { message: 'seriesId must be a UUID' })
  seriesId?: string;

  @ApiProperty({ format: 'uuid', description: 'A member of the program' })
  @IsUUID('4', { message: 'ownerId must be a UUID' })
  ownerId: string;

  @ApiProperty({ example: '2026-09-30' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'dueOn must be a date (YYYY-MM-DD)' })
  @IsDateString({ strict: true }, { message: 'dueOn must be a date (YYYY-MM-DD)' })
  dueOn: string;
}
