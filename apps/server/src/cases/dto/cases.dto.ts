import {
  AGE_BANDS,
  CASE_TEXT_FIELDS,
  type CaseAttachmentUploadFields,
  type CaseTextField,
  type ConfirmedSpan,
  type MoveCaseRequest,
  type RecommendationRequest,
  type ReorderCasesRequest,
  SEXES,
  type SubmitCaseRequest,
} from '@echo-hub/protocol';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  Equals,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { Optional, Trim } from '../../common/dto';
import { FileGateFieldsDto, SpanDto } from '../../deid';

const LONG = 10_000;

export class ConfirmedSpanDto extends SpanDto implements ConfirmedSpan {
  @ApiProperty({ enum: CASE_TEXT_FIELDS })
  @IsIn(CASE_TEXT_FIELDS, { message: `field must be one of ${CASE_TEXT_FIELDS.join(', ')}` })
  field: CaseTextField;
}

/** The case presentation form (modelled on ECHO case forms). Free text is checked by the de-identification gate. */
export class SubmitCaseDto implements SubmitCaseRequest {
  @ApiProperty({ example: 'Low mood and isolation after a bereavement' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @ApiProperty({ example: 'How can we help her reconnect with community groups she used to enjoy?' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(LONG)
  presentingQuestion: string;

  @ApiProperty({ example: 'Woman in her seventies, widowed last year, referred by her GP for social prescribing.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(LONG)
  summary: string;

  @ApiPropertyOptional({ enum: AGE_BANDS, description: 'An age band, never a date of birth' })
  @Optional()
  @IsIn(AGE_BANDS, { message: `ageBand must be one of ${AGE_BANDS.join(', ')}` })
  ageBand?: string;

  @ApiPropertyOptional({ enum: SEXES })
  @Optional()
  @IsIn(SEXES, { message: `sex must be one of ${SEXES.join(', ')}` })
  sex?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @MaxLength(LONG)
  history?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @MaxLength(LONG)
  medications?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @MaxLength(LONG)
  investigations?: string;

  @ApiPropertyOptional({ description: 'What has been tried so far' })
  @Optional()
  @IsString()
  @MaxLength(LONG)
  tried?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @MaxLength(LONG)
  socialContext?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @MaxLength(LONG)
  specificQuestions?: string;

  @ApiPropertyOptional({ type: [ConfirmedSpanDto] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => ConfirmedSpanDto)
  confirmedSpans?: ConfirmedSpanDto[];

  @ApiPropertyOptional({ description: 'Save as a draft instead of submitting' })
  @Optional()
  @IsBoolean()
  draft?: boolean;
}

export class UpdateCaseDto extends PartialType(SubmitCaseDto, { skipNullProperties: false }) {}

export class ReorderCasesDto implements ReorderCasesRequest {
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('4', { each: true, message: 'each of caseIds must be a UUID' })
  caseIds: string[];
}

export class MoveCaseDto implements MoveCaseRequest {
  @ApiProperty()
  @IsUUID('4', { message: 'sessionId must be a UUID' })
  sessionId: string;
}

export class UrgentDto {
  @ApiProperty()
  @IsBoolean()
  urgent: boolean;
}

export class RecommendationRequestDto implements RecommendationRequest {
  @ApiProperty({ example: 'Try a warm handover to the local befriending scheme; review in 4 weeks.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(LONG)
  body: string;
}

export class FollowUpDto extends SubmitCaseDto {
  @ApiProperty({ description: 'The later session to present the follow-up in' })
  @IsUUID('4', { message: 'sessionId must be a UUID' })
  sessionId: string;
}

/** The multipart fields of a case attachment upload besides `file` (form values arrive as text). */
export class CaseAttachmentFieldsDto extends FileGateFieldsDto implements CaseAttachmentUploadFields {
  @ApiProperty({
    enum: [true],
    description: 'The uploader removed or covered everything that identifies the patient (recorded with who and when)',
  })
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value))
  @Equals(true, {
    message:
      'confirmIdentifiersRemoved must be true: confirm you removed or covered everything that identifies the patient',
  })
  confirmIdentifiersRemoved: true;
}
