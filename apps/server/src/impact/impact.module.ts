import { Module } from '@nestjs/common';
import { SessionsModule } from '../sessions';
import { AttendanceCorrectionsService } from './attendance-corrections.service';
import { CertificatesController } from './certificates.controller';
import { CertificatesService } from './certificates.service';
import { Clock } from './clock';
import { ImpactController } from './impact.controller';
import { ImpactRecords } from './impact.records';
import { ImpactService } from './impact.service';
import { ImpactReportCache } from './report-cache';
import { SurveysController } from './surveys.controller';
import { SurveysService } from './surveys.service';

/** Attendance figures, learning experiences, surveys, certificates and the reports built on them. */
@Module({
  imports: [SessionsModule],
  controllers: [ImpactController, SurveysController, CertificatesController],
  providers: [
    Clock,
    ImpactRecords,
    ImpactReportCache,
    ImpactService,
    AttendanceCorrectionsService,
    SurveysService,
    CertificatesService,
  ],
  exports: [ImpactService, SurveysService],
})
export class ImpactModule {}
