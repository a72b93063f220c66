import { Module } from '@nestjs/common';
import { ImpactModule } from '../impact';
import { ProgramsModule } from '../programs/programs.module';
import { RegistrationController } from './registration.controller';
import { RegistrationRecords } from './registration.records';
import { RegistrationService } from './registration.service';

/** Public registration for a program, invitations and reminders, and the registration → certificate funnel. */
@Module({
  imports: [ImpactModule, ProgramsModule],
  controllers: [RegistrationController],
  providers: [RegistrationRecords, RegistrationService],
})
export class RegistrationModule {}
