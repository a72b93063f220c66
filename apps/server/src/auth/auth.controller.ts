import type { LoginResponse, MeResponse, RegisterResponse, UserDto } from '@echo-hub/protocol';
import { Body, Controller, Get, Headers, HttpCode, HttpStatus, Ip, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Public, SignedIn } from './access.decorators';
import { AuthService } from './auth.service';
import type { AuthUser } from './auth.types';
import {
  ActivateDto,
  ChangePasswordDto,
  LoginDto,
  RegisterDto,
  ResetPasswordDto,
  ResetRequestDto,
} from './dto/auth.dto';

@ApiTags('auth')
@ApiBearerAuth()
@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  /** 202 and the same body for a new and a taken e-mail: see AuthService.signUp. */
  @Public()
  @Post('auth/register')
  @HttpCode(HttpStatus.ACCEPTED)
  register(@Body() dto: RegisterDto): Promise<RegisterResponse> {
    return this.auth.signUp(dto);
  }

  @Public()
  @Post('auth/activate')
  async activate(@Body() dto: ActivateDto): Promise<{ user: UserDto }> {
    return { user: await this.auth.activate(dto.token) };
  }

  @Public()
  @Post('auth/login')
  @HttpCode(HttpStatus.OK)
  login(@Body() dto: LoginDto, @Ip() ip: string, @Headers('user-agent') ua?: string): Promise<LoginResponse> {
    return this.auth.login(dto, ip, ua);
  }

  @SignedIn()
  @Post('auth/logout')
  @HttpCode(HttpStatus.NO_CONTENT)
  logout(@CurrentUser() user: AuthUser): Promise<void> {
    return this.auth.logout(user);
  }

  @SignedIn()
  @Post('auth/password')
  @HttpCode(HttpStatus.NO_CONTENT)
  changePassword(@CurrentUser() user: AuthUser, @Body() dto: ChangePasswordDto): Promise<void> {
    return this.auth.changePassword(user, dto.currentPassword, dto.newPassword);
  }

  @Public()
  @Post('auth/reset-request')
  @HttpCode(HttpStatus.ACCEPTED)
  requestReset(@Body() dto: ResetRequestDto, @Ip() ip: string): Promise<void> {
    return this.auth.requestReset(dto.email, ip);
  }

  @Public()
  @Post('auth/reset')
  @HttpCode(HttpStatus.NO_CONTENT)
  reset(@Body() dto: ResetPasswordDto): Promise<void> {
    return this.auth.resetPassword(dto.token, dto.newPassword);
  }

  @SignedIn()
  @Get('me')
  me(@CurrentUser() user: AuthUser): Promise<MeResponse> {
    return this.auth.me(user);
  }
}
