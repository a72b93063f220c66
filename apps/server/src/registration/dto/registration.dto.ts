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
  IsIn,
  IsInt,
  IsNotEmpty,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { Optional, Trim } from '../../common/dto';

const trimLower = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);

export class RegistrationQuestionDto implements RegistrationQuestionInput {
  @ApiProperty({ example: 'What would you most like to learn?' })
  @Trim()
  @IsString({ message: 'label must be text' })
  @IsNotEmpty({ message: 'label is required' })
  @MaxLength(300)
  label: string;

  @ApiPropertyOptional()
  @Optional()
  @IsBoolean()
  required?: boolean;

  @ApiPropertyOptional({ type: [String], description: 'Choices offered; none: a free-text answer' })
  @Optional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(100, { each: true })
  options?: string[];
}

/** `PUT /api/programs/:id/registration/form`. */
export class SaveRegistrationFormDto implements SaveRegistrationFormRequest {
  @ApiProperty({ example: 'Register for the Frailty ECHO series' })
  @Trim()
  @IsString({ message: 'title must be text' })
  @IsNotEmpty({ message: 'title is required' })
  @MaxLength(200)
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
  @Trim()
  @IsString({ message: 'answer must be text' })
  @MaxLength(2000)
  answer: string;
}

/** `POST /api/register/:programId`: public, no sign-in. */
export class RegistrationSubmitDto implements RegistrationRequest {
  @ApiProperty({ example: 'Aoife Byrne' })
  @Trim()
  @IsString({ message: 'name must be text' })
  @IsNotEmpty({ message: 'name is required' })
  @MaxLength(100, { message: 'name must be at most 100 characters' })
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
  @Trim()
  @IsString()
  @MaxLength(100, { message: 'profession must be at most 100 characters' })
  profession?: string;

  @ApiProperty({ enum: PARTICIPATION_TYPES })
  @IsIn(PARTICIPATION_TYPES, { message: `participationType must be one of ${PARTICIPATION_TYPES.join(', ')}` })
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
  @Trim()
  @IsString()
  @MaxLength(1000, { message: 'accessibilityNeeds must be at most 1000 characters' })
  accessibilityNeeds?: string;
}
