import {
  PARTICIPATION_TYPES,
  type ParticipationType,
  type RegistrationRequest,
  type RegistrationQuestionInput,
  type SaveRegistrationFormRequest,
} from '@echo-hub/protocol';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsInt,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsOneOf, IsText, IsTextList, Optional } from '../../common/dto';

const trimLower = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);

export class RegistrationQuestionDto implements RegistrationQuestionInput {
  @ApiProperty({ example: 'What would you most like to learn?' })
  @IsText(300)
  label: string;

  @ApiPropertyOptional()
  @Optional()
  @IsBoolean()
  required?: boolean;

  @ApiPropertyOptional({ type: [String], description: 'Choices offered; none: a free-text answer' })
  @Optional()
  @IsTextList(20, 100)
  options?: string[];
}

/** `PUT /api/programs/:id/registration/form`. */
export class SaveRegistrationFormDto implements SaveRegistrationFormRequest {
  @ApiProperty({ example: 'Register for the Frailty ECHO series' })
  @IsText(200)
  title: string;

  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @MaxLength(2000)
  intro?: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @Optional()
  @ValidateIf((_o, v) => v !== null)
  @IsUUID('4', { message: 'seriesId must be a UUID' })
  seriesId?: string | null;

  @ApiPropertyOptional({ type: [RegistrationQuestionDto] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => RegistrationQuestionDto)
  questions?: RegistrationQuestionDto[];

  @ApiPropertyOptional()
  @Optional()
  @IsBoolean()
  askAccessibility?: boolean;

  @ApiPropertyOptional({ example: 6, minimum: 1, maximum: 100 })
  @Optional()
  @IsInt({ message: 'completionSessions must be a whole number from 1 to 100' })
  @Min(1, { message: 'completionSessions must be a whole number from 1 to 100' })
  @Max(100, { message: 'completionSessions must be a whole number from 1 to 100' })
  completionSessions?: number;

  @ApiPropertyOptional()
  @Optional()
  @IsBoolean()
  open?: boolean;
}

export class RegistrationAnswerDto {
  @ApiProperty({ example: 'q1' })
  @IsString()
  @Matches(/^q\d{1,2}$/, { message: 'questionId must be a question of the form (q1, q2…)' })
  questionId: string;

  @ApiProperty()
  @IsText(2000, { allowEmpty: true })
  answer: string;
}

/** `POST /api/register/:programId`: public, no sign-in. */
export class RegistrationSubmitDto implements RegistrationRequest {
  @ApiProperty({ example: 'Aoife Byrne' })
  @IsText(100)
  name: string;

  @ApiProperty({ example: 'aoife.byrne@clinic.example' })
  @Transform(trimLower)
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID('4', { message: 'siteId must be a UUID' })
  siteId?: string;

  @ApiPropertyOptional({ example: 'Practice nurse' })
  @Optional()
  @IsText(100, { allowEmpty: true })
  profession?: string;

  @ApiProperty({ enum: PARTICIPATION_TYPES })
  @IsOneOf(PARTICIPATION_TYPES)
  participationType: ParticipationType;

  @ApiPropertyOptional({ type: [RegistrationAnswerDto] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => RegistrationAnswerDto)
  answers?: RegistrationAnswerDto[];

  @ApiProperty({ description: 'May the hub team contact them (invitation, reminders)?' })
  @IsBoolean({ message: 'consentToContact must be true or false' })
  consentToContact: boolean;

  @ApiPropertyOptional({ example: 'Live captions, please' })
  @Optional()
  @IsText(1000, { allowEmpty: true })
  accessibilityNeeds?: string;
}
