import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { createSecretKey } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { RightsService } from '../realtime/rights.service';
import { AccessGuard } from './access.guard';
import { resolveAuthSecret } from './auth-secret';
import { AuthController } from './auth.controller';
import { AuthRecords } from './auth.records';
import { AuthService } from './auth.service';
import { ProgramMemberships } from './program-memberships';
import { ProgramScopes } from './program-scope';

@Global()
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      // A key object, not a string: given a string, jsonwebtoken first tries to parse it as a public key
      // on every verification, a tenth of the CPU a signed-in request costs.
      useFactory: (config: AppConfig) => ({
        secret: createSecretKey(Buffer.from(resolveAuthSecret(config))),
        signOptions: { expiresIn: '30d' },
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [
    AuthService,
    AuthRecords,
    ProgramScopes,
    ProgramMemberships,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [AuthService, ProgramScopes, ProgramMemberships, JwtModule],
})
export class AuthModule {
  constructor(rights: RightsService, auth: AuthService) {
    rights.provideReader((user, programId) => auth.rightsOf(user, programId));
  }
}
