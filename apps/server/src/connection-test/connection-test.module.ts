import { Module } from '@nestjs/common';
import { MediaModule } from '../media';
import { ConnectionTestController } from './connection-test.controller';
import { ConnectionTestService } from './connection-test.service';

/** "Test my connection": the hub's reachability, speed and media path as a clinic's network sees them. */
@Module({
  imports: [MediaModule],
  controllers: [ConnectionTestController],
  providers: [ConnectionTestService],
})
export class ConnectionTestModule {}
