import { Global, Module } from '@nestjs/common';
import { JobsService } from './jobs.service';

/** Scheduled jobs that run once across instances (BullMQ with REDIS_URL, a timer otherwise). */
@Global()
@Module({ providers: [JobsService], exports: [JobsService] })
export class JobsModule {}
