import { Module } from '@nestjs/common';
import { CommunityModule } from '../community';
import { ImpactModule } from '../impact';
import { LiveModule } from '../live';
import { CoproductionController } from './coproduction.controller';
import { CoproductionRecords } from './coproduction.records';
import { CoproductionService } from './coproduction.service';
import { PaymentsService } from './payments.service';

/** Co-production (issue #20): roles on sessions and in groups, payments and expenses, representation by role. */
@Module({
  imports: [ImpactModule, LiveModule, CommunityModule],
  controllers: [CoproductionController],
  providers: [CoproductionRecords, CoproductionService, PaymentsService],
})
export class CoproductionModule {}
