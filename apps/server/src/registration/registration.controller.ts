import type {
  RegistrationResponse,
  RegistrationDto,
  RegistrationFormDto,
  RegistrationFunnel,
} from '@echo-hub/protocol';
import { Body, Controller, Get, Ip, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Access, CurrentUser, Public } from '../auth/access.decorators';
import type { AuthUser } from '../auth/auth.types';
import { RegistrationSubmitDto, SaveRegistrationFormDto } from './dto/registration.dto';
import { RegistrationService } from './registration.service';

@ApiTags('registration')
@Controller()
export class RegistrationController {
  constructor(private readonly registration: RegistrationService) {}

  /** Public: the program's registration form, while it is open. */
  @Public()
  @Get('register/:programId')
  publicForm(@Param('programId', ParseUUIDPipe) programId: string): Promise<RegistrationFormDto> {
    return this.registration.form(programId);
  }

  /** Public, no sign-in, limited per address: registers and sends an invitation to the program. */
  @Public()
  @Post('register/:programId')
  register(
    @Param('programId', ParseUUIDPipe) programId: string,
    @Body() dto: RegistrationSubmitDto,
    @Ip() ip: string,
  ): Promise<RegistrationResponse> {
    return this.registration.register(programId, dto, ip);
  }

  @ApiBearerAuth()
  @Access('enrolment.manage')
  @Get('programs/:id/registration/form')
  form(@Param('id') id: string): Promise<RegistrationFormDto> {
    return this.registration.form(id, true);
  }

  @ApiBearerAuth()
  @Access('enrolment.manage')
  @Put('programs/:id/registration/form')
  saveForm(
    @Param('id') id: string,
    @Body() dto: SaveRegistrationFormDto,
    @CurrentUser() user: AuthUser,
  ): Promise<RegistrationFormDto> {
    return this.registration.saveForm(id, dto, user);
  }

  /** Everyone who registered, newest first, with their accessibility needs and whether they joined. */
  @ApiBearerAuth()
  @Access('enrolment.manage')
  @Get('programs/:id/registrations')
  list(@Param('id') id: string): Promise<RegistrationDto[]> {
    return this.registration.list(id);
  }

  /** Registered → attended at least one session → completed the series → certified, with the drop-off. */
  @ApiBearerAuth()
  @Access('impact.read')
  @Get('programs/:id/registration/funnel')
  funnel(@Param('id') id: string): Promise<RegistrationFunnel> {
    return this.registration.funnel(id);
  }
}
