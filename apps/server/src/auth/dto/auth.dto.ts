import {
  type ActivateRequest,
  type ChangePasswordRequest,
  type LoginRequest,
  PASSWORD_MIN_LENGTH,
  type RegisterRequest,
  type ResetPasswordRequest,
  type ResetRequest,
} from '@echo-hub/protocol';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { NEW_PASSWORD_RULE, NewPassword } from '../password-policy';

const trimLower = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class EmailField {
  @ApiProperty({ example: 'aoife.byrne@clinic.example' })
  @Transform(trimLower)
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;
}

export class RegisterDto extends EmailField implements RegisterRequest {
  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, description: NEW_PASSWORD_RULE })
  @IsString()
  @MaxLength(200)
  @NewPassword()
  password: string;

  @ApiProperty({ example: 'Aoife Byrne' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  displayName: string;
}

export class LoginDto extends EmailField implements LoginRequest {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  password: string;
}

export class ChangePasswordDto implements ChangePasswordRequest {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  currentPassword: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, description: NEW_PASSWORD_RULE })
  @IsString()
  @MaxLength(200)
  @NewPassword()
  newPassword: string;
}

export class ResetRequestDto extends EmailField implements ResetRequest {}

export class ResetPasswordDto implements ResetPasswordRequest {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  token: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, description: NEW_PASSWORD_RULE })
  @IsString()
  @MaxLength(200)
  @NewPassword()
  newPassword: string;
}

export class ActivateDto implements ActivateRequest {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  token: string;
}
