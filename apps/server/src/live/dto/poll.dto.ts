import { type PollAnswerRequest, POLL_KINDS, type PollKind, PollLimits, type PollQuestion } from '@echo-hub/protocol';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { TextSpanDto } from './live.dto';

export class PollQuestionDto implements PollQuestion {
  @IsIn(POLL_KINDS, { message: `kind must be one of ${POLL_KINDS.join(', ')}` })
  kind: PollKind;

  @IsString()
  @MaxLength(PollLimits.questionMaxLength)
  question: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(PollLimits.maxOptions)
  @IsString({ each: true })
  @MaxLength(PollLimits.optionMaxLength, { each: true })
  options?: string[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(PollLimits.maxOptions)
  @IsInt({ each: true })
  @Min(0, { each: true })
  correct?: number[];

  @IsOptional()
  @IsBoolean()
  anonymous?: boolean;

  @IsOptional()
  @IsUUID('4', { message: 'agendaItemId must be a UUID' })
  agendaItemId?: string | null;
}

export class PollIdDto {
  @IsUUID('4', { message: 'pollId must be a UUID' })
  pollId: string;
}

export class PollAnswerDto extends PollIdDto implements PollAnswerRequest {
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(PollLimits.maxOptions)
  @IsInt({ each: true })
  @Min(0, { each: true })
  choices?: number[];

  @IsOptional()
  @IsString()
  @MaxLength(PollLimits.textMaxLength)
  text?: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => TextSpanDto)
  confirmedSpans?: TextSpanDto[];
}
