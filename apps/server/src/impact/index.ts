// The impact feature's public surface: attendance figures, surveys and certificates.
export { AttendanceCorrection } from './entities/attendance-correction.entity';
export { Certificate } from './entities/certificate.entity';
export { SurveyRecipient } from './entities/survey-recipient.entity';
export { SurveyResponse } from './entities/survey-response.entity';
export { Survey } from './entities/survey.entity';
export { ImpactModule } from './impact.module';
export { type CoproductionProvider, ImpactService, type PersonSession } from './impact.service';
