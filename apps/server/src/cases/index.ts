// The cases feature's public surface: case presentations and their queue, and what happens to a case.
export { CaseEvents, type RecommendationsSent } from './case-events';
export { CasesModule } from './cases.module';
export { caseReadableBy, CasesService } from './cases.service';
export { CaseAttachment } from './entities/case-attachment.entity';
export { CaseConfirmation } from './entities/case-confirmation.entity';
export { EchoCase } from './entities/echo-case.entity';
export { Recommendation } from './entities/recommendation.entity';
