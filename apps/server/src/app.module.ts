import { type DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from './config/config';
import { AdminModule } from './admin/admin.module';
import { AssessmentModule } from './assessment';
import { CoproductionModule } from './coproduction';
import { ExchangesModule } from './exchanges';
import { AuthModule } from './auth/auth.module';
import { CasesModule } from './cases/cases.module';
import { CommunityModule } from './community/community.module';
import { ConnectionTestModule } from './connection-test/connection-test.module';
import { RateLimitModule } from './common/rate-limit.module';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { entities } from './entities';
import { DeidModule } from './deid/deid.module';
import { HealthModule } from './health/health.module';
import { ImpactModule } from './impact/impact.module';
import { JobsModule } from './jobs/jobs.module';
import { LiveModule } from './live/live.module';
import { MailModule } from './mail/mail.module';
import { MediaModule } from './media/media.module';
import { ObservabilityModule } from './observability/observability.module';
import { ProgramsModule } from './programs/programs.module';
import { RealtimeModule } from './realtime/realtime.module';
import { RecordingsModule } from './recordings/recordings.module';
import { RedisModule } from './redis/redis.module';
import { RegistrationModule } from './registration';
import { SessionsModule } from './sessions/sessions.module';
import { StorageModule } from './storage/storage.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot(entities),
        RedisModule,
        RateLimitModule,
        JobsModule,
        StorageModule,
        MailModule,
        RealtimeModule,
        AuthModule,
        MediaModule,
        HealthModule,
        ProgramsModule,
        SessionsModule,
        ImpactModule,
        LiveModule,
        DeidModule,
        CasesModule,
        CommunityModule,
        RecordingsModule,
        ConnectionTestModule,
        // issue 22, operations: logs, metrics, the admin area
        ObservabilityModule,
        AdminModule,
        // issue 20 A: self-assessment to learning plan; exchanges and mentoring
        AssessmentModule,
        ExchangesModule,
        // issue 20: public registration and the funnel
        RegistrationModule,
        // issue 20: co-production roles, payments and expenses
        CoproductionModule,
      ],
    };
  }
}
