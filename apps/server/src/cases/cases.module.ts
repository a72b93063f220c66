import { Module } from '@nestjs/common';
import { CommunityModule } from '../community/community.module';
import { CaseAttachmentsService } from './case-attachments.service';
import { CasesController } from './cases.controller';
import { CasesService } from './cases.service';

@Module({
  imports: [CommunityModule],
  controllers: [CasesController],
  providers: [CasesService, CaseAttachmentsService],
  exports: [CasesService],
})
export class CasesModule {}
