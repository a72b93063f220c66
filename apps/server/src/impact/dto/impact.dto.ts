import {
  type AttendanceRole,
  type CorrectAttendanceRequest,
  type CreateSurveyRequest,
  type ImpactFilters,
  PARTICIPATION_TYPES,
  type ParticipationType,
  PROGRAM_ROLES,
  SURVEY_QUESTION_KINDS,
  type SubmitSurveyRequest,
  type SurveyAnswer,
  type SurveyAudience,
  type SurveyQuestionInput,
  type SurveyQuestionKind,
} from '@echo-hub/protocol';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDateString,
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
import { IsOneOf, IsText, IsTextList, Optional } from '../../common/dto';

const ROLES: AttendanceRole[] = [...PROGRAM_ROLES, 'admin'];
const AUDIENCES: SurveyAudience[] = ['participants', 'everyone'];

/** Query of the impact report and the attendance export. */
export class ImpactQueryDto implements ImpactFilters {
  @ApiPropertyOptional({ example: '2026-01-01', description: 'YYYY-MM-DD (program time zone) or ISO 8601' })
  @Optional()
  @IsDateString({ strict: true }, { message: 'from must be a date (YYYY-MM-DD) or an ISO 8601 time' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-06-30', description: 'Inclusive date, or an ISO 8601 time (exclusive)' })
  @Optional()
  @IsDateString({ strict: true }, { message: 'to must be a date (YYYY-MM-DD) or an ISO 8601 time' })
  to?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID('4', { message: 'siteId must be a UUID' })
  siteId?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @Optional()
  @IsOneOf(ROLES)
  role?: AttendanceRole;

  @ApiPropertyOptional({ enum: PARTICIPATION_TYPES })
  @Optional()
  @IsOneOf(PARTICIPATION_TYPES)
  participationType?: ParticipationType;
}

export class SurveyQuestionInputDto implements SurveyQuestionInput {
  @ApiProperty({ enum: SURVEY_QUESTION_KINDS })
  @IsOneOf(SURVEY_QUESTION_KINDS)
  kind: SurveyQuestionKind;

  @ApiProperty({ example: 'Structuring conversations to enable behaviour change' })
  @IsText(300)
  text: string;

  @ApiPropertyOptional({ description: 'Default: true for rating and confidence, false for text and choice' })
  @Optional()
  @IsBoolean()
  required?: boolean;

  @ApiPropertyOptional({ type: [String], description: 'The options of a choice question (2–20)' })
  @Optional()
  @IsTextList(20, 100)
  options?: string[];

  @ApiPropertyOptional({ type: [String], example: ['Poor', 'Excellent'], description: 'Words for 1 and 5' })
  @Optional()
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(2)
  @IsString({ each: true })
  @MaxLength(40, { each: true })
  scale?: [string, string];
}

export class CreateSurveyDto implements CreateSurveyRequest {
  @ApiProperty({ example: 'Mid-programme survey' })
  @IsText(200)
  title: string;

  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @MaxLength(2000)
  intro?: string;

  @ApiProperty({ type: [SurveyQuestionInputDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(40)
  @ValidateNested({ each: true })
  @Type(() => SurveyQuestionInputDto)
  questions: SurveyQuestionInputDto[];

  @ApiPropertyOptional({ enum: AUDIENCES, description: 'Default: participants' })
  @Optional()
  @IsOneOf(AUDIENCES)
  audience?: SurveyAudience;

  @ApiPropertyOptional({ example: '2026-12-31T23:59:00Z' })
  @Optional()
  @IsDateString({ strict: true }, { message: 'closesAt must be an ISO 8601 time' })
  closesAt?: string;
}

export class SurveyAnswerDto implements SurveyAnswer {
  @ApiProperty({ example: 'q1' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  questionId: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 5, description: 'A rating, or confidence now' })
  @Optional()
  @IsInt()
  @Min(1)
  @Max(5)
  value?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 5, description: 'Confidence before the session' })
  @Optional()
  @IsInt()
  @Min(1)
  @Max(5)
  before?: number;

  @ApiPropertyOptional({ description: 'A text answer, or the option chosen' })
  @Optional()
  @IsString()
  @MaxLength(4000)
  text?: string;
}

export class SubmitSurveyDto implements SubmitSurveyRequest {
  @ApiProperty({ type: [SurveyAnswerDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => SurveyAnswerDto)
  answers: SurveyAnswerDto[];
}

/** `GET /api/programs/:id/certificate.pdf?period=2026-11[&userId=…]`. */
export class CertificateQueryDto {
  @ApiProperty({ example: '2026-11', description: 'A month (YYYY-MM) or a year (YYYY), program time zone' })
  @IsString()
  @Matches(/^\d{4}(-(0[1-9]|1[0-2]))?$/, { message: 'period must be a month (YYYY-MM) or a year (YYYY)' })
  period: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Another member (facilitators and coordinators only)' })
  @Optional()
  @IsUUID('4', { message: 'userId must be a UUID' })
  userId?: string;
}

export class CertificatesQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Another member (facilitators and coordinators only)' })
  @Optional()
  @IsUUID('4', { message: 'userId must be a UUID' })
  userId?: string;
}

/** `POST /api/sessions/:id/attendance/corrections`: a person's minutes at the session, as corrected, and why. */
export class CorrectAttendanceDto implements CorrectAttendanceRequest {
  @ApiProperty({ format: 'uuid', description: 'The person whose attendance is corrected' })
  @IsUUID('4', { message: 'userId must be a UUID' })
  userId: string;

  @ApiProperty({ example: 55, minimum: 0, maximum: 1440, description: 'Minutes the person attended' })
  @IsInt({ message: 'minutes must be a whole number from 0 to 1440' })
  @Min(0, { message: 'minutes must be a whole number from 0 to 1440' })
  @Max(1440, { message: 'minutes must be a whole number from 0 to 1440' })
  minutes: number;

  @ApiProperty({ example: 'Joined on a colleague’s device for the first 40 minutes', maxLength: 500 })
  @IsText(500)
  reason: string;
}
