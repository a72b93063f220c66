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

/** A case the session ended on before it was discussed: where it waits now, for its presenter. */
export interface CaseReturned {
  caseId: string;
  programId: string;
  presenterId: string;
  title: string;
  by: { id: string; displayName: string };
  /** Where it waits, in words ("queued for …"). */
  where: string;
}

/**
 * What happens to a case that other features react to, without the cases feature knowing them: the community
 * feature notifies the presenter of recommendations, and of a case returned to the queue.
 */
@Injectable()
export class CaseEvents {
  readonly recommendationsSent = new Listeners<RecommendationsSent>(
    new Logger('CaseEvents'),
    (e) => `recommendations on case ${e.caseId}`,
  );
  readonly returned = new Listeners<CaseReturned>(new Logger('CaseEvents'), (e) => `case ${e.caseId} returned`);
}
