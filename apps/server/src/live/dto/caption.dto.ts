import { CaptionLimits, type CaptionRequest } from '@echo-hub/protocol';
import { IsBoolean, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';

export class CaptionDto implements CaptionRequest {
  @IsString()
  @MaxLength(CaptionLimits.textMaxLength)
  text: string;

  @IsOptional()
  @IsBoolean()
  final?: boolean;
}

export class CaptionerDto {
  /** null: nobody captions any more. */
  @ValidateIf((_, v) => v !== null)
  @IsUUID('4', { message: 'userId must be a UUID or null' })
  userId: string | null;
}
