import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { createSecretKey } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { AccessGuard } from './access.guard';
import { resolveAuthSecret } from './auth-secret';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
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
  providers: [AuthService, ProgramScopes, { provide: APP_GUARD, useClass: AccessGuard }],
  exports: [AuthService, ProgramScopes, JwtModule],
})
export class AuthModule {}
