import { Global, Module } from '@nestjs/common';
import { RedisService } from './redis.service';

/** The shared Redis connection (REDIS_URL) for every module that scales out with it. */
@Global()
@Module({ providers: [RedisService], exports: [RedisService] })
export class RedisModule {}
