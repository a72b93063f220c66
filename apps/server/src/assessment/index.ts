// The assessment feature's public surface: maturity self-assessment, priorities and the learning plan.
export { AssessmentModule } from './assessment.module';
export { AssessmentService } from './assessment.service';
export { AssessmentAnswer, AssessmentRound } from './entities/assessment-round.entity';
export { AssessmentTemplate } from './entities/assessment-template.entity';
export { PlannedActivity, Priority } from './entities/priority.entity';
