import { Module } from '@nestjs/common';
import { ImpactModule } from '../impact';
import { ExchangesController } from './exchanges.controller';
import { ExchangeRecords } from './exchanges.records';
import { ExchangesService } from './exchanges.service';

/** Learning outside the sessions: exchanges, study visits, mentoring (issue #20 A); counted in the impact report. */
@Module({
  imports: [ImpactModule],
  controllers: [ExchangesController],
  providers: [ExchangesService, ExchangeRecords],
  exports: [ExchangesService],
})
export class ExchangesModule {}
