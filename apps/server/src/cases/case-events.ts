import { Injectable, Logger } from '@nestjs/common';
import { Listeners } from '../common/listeners';

/** Recommendations were written on a case for its presenter (not by the presenter). */
export interface RecommendationsSent {
  caseId: string;
  programId: string;
  presenterId: string;
  title: string;
  by: { id: string; displayName: string };
}

/**
 * What happens to a case that other features react to, without the cases feature knowing them: the community
 * feature notifies the presenter of recommendations.
 */
@Injectable()
export class CaseEvents {
  readonly recommendationsSent = new Listeners<RecommendationsSent>(
    new Logger('CaseEvents'),
    (e) => `recommendations on case ${e.caseId}`,
  );
}
