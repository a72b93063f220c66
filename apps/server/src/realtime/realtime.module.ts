import { Global, Module } from '@nestjs/common';
import { RealtimeService } from './realtime.service';
import { RightsService } from './rights.service';

@Global()
@Module({ providers: [RealtimeService, RightsService], exports: [RealtimeService, RightsService] })
export class RealtimeModule {}
