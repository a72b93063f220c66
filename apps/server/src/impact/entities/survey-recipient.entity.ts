import type { AttendanceRole, ParticipationType } from '@echo-hub/protocol';
import { Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { User } from '../../auth/entities/user.entity';
import { BaseEntity, TimestampColumn } from '../../database/columns';
import { Survey } from './survey.entity';

/**
 * Someone a survey was sent to, with their role, site and participation type at the time
 * (for response rates by slice). `respondedAt` is the only link to their answer: responses
 * themselves carry no user id.
 */
@Entity('survey_recipient')
@Unique(['surveyId', 'userId'])
export class SurveyRecipient extends BaseEntity {
  @Column({ type: 'varchar', length: 36 })
  surveyId: string;

  @ManyToOne(() => Survey, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'survey_id' })
  survey?: Survey;

  @Index()
  @Column({ type: 'varchar', length: 36 })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'varchar', length: 20 })
  role: AttendanceRole;

  @Column({ type: 'varchar', length: 36, nullable: true })
  siteId: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  participationType: ParticipationType | null;

  @TimestampColumn({ nullable: true })
  respondedAt: string | null;
}
