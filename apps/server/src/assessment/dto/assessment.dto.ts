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
  IsInt,
  IsNotEmpty,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsDay, IsOneOf, IsText, Optional } from '../../common/dto';

export class AssessmentDimensionDto implements AssessmentDimension {
  @ApiProperty({ example: 'Readiness to change' })
  @IsText(100)
  name: string;

  @ApiProperty({ example: 'Shared vision, urgency and a plan for integrated care.' })
  @IsText(500, { allowEmpty: true })
  description: string;
}

export class TemplateBodyDto implements AssessmentTemplateRequest {
  @ApiProperty({ example: 'Integrated care maturity (our wording)' })
  @IsText(200)
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
  @IsText(200)
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
  @IsText(200)
  title: string;

  @ApiPropertyOptional()
  @Optional()
  @IsText(2000, { allowEmpty: true })
  description?: string;
}

export class PlanActivityDto implements PlannedActivityRequest {
  @ApiProperty({ enum: PLANNED_ACTIVITY_KINDS })
  @IsOneOf(PLANNED_ACTIVITY_KINDS)
  kind: PlannedActivityKind;

  @ApiProperty({ example: 'Study visit to the Basque Country' })
  @IsText(200)
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
  @IsDay()
  dueOn: string;
}
