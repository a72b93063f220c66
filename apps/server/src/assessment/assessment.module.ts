import { Module } from '@nestjs/common';
import { AssessmentController } from './assessment.controller';
import { AssessmentRecords } from './assessment.records';
import { AssessmentService } from './assessment.service';

/** Self-assessment → priorities → learning plan (issue #20 A). */
@Module({
  controllers: [AssessmentController],
  providers: [AssessmentService, AssessmentRecords],
  exports: [AssessmentService],
})
export class AssessmentModule {}
