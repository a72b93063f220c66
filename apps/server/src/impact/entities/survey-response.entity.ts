import type { AttendanceRole, ParticipationType, SurveyAnswer } from '@echo-hub/protocol';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../database/columns';
import { Survey } from './survey.entity';

/** One set of answers. No user id: only the respondent's role, site and participation type, for the figures. */
@Entity('survey_response')
export class SurveyResponse extends BaseEntity {
  @Index()
  @Column({ type: 'varchar', length: 36 })
  surveyId: string;

  @ManyToOne(() => Survey, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'survey_id' })
  survey?: Survey;

  @Column({ type: 'varchar', length: 20 })
  role: AttendanceRole;

  @Column({ type: 'varchar', length: 36, nullable: true })
  siteId: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  participationType: ParticipationType | null;

  @Column({ type: 'simple-json' })
  answers: SurveyAnswer[];
}
