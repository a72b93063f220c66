import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type DeepPartial, LessThan } from 'typeorm';
import { keyset, type Page, type PageQueryDto, type SortKey, toPage } from '../common/page';
import { Recording } from './entities/recording.entity';

/** A program's recordings, last started first (the id breaks ties): the keys of its pages. */
const RECORDING_KEYS: SortKey<Recording>[] = [
  { expr: 'r.startedAt', dir: 'DESC', of: (r) => r.startedAt },
  { expr: 'r.id', dir: 'DESC', of: (r) => r.id },
];

type RecordingPatch = Partial<Pick<Recording, 'status' | 'endedAt' | 'error' | 'sizeBytes'>>;

/** The recordings feature's data access: every query it makes is here, so PostgreSQL specifics have one home. */
@Injectable()
export class RecordingRecords {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private get rows() {
    return this.db.getRepository(Recording);
  }

  recording(id: string): Promise<Recording | null> {
    return this.rows.findOneBy({ id });
  }

  async programIdOf(id: string): Promise<string | undefined> {
    return (await this.rows.findOne({ where: { id }, select: ['programId'] }))?.programId;
  }

  add(row: DeepPartial<Recording>): Promise<Recording> {
    return this.rows.save(this.rows.create(row));
  }

  async update(id: string, patch: RecordingPatch): Promise<void> {
    await this.rows.update({ id }, patch);
  }

  async remove(id: string): Promise<void> {
    await this.rows.delete({ id });
  }

  /** Recordings in this status (of one session, or all). */
  inStatus(status: Recording['status'], sessionId?: string): Promise<Recording[]> {
    return this.rows.findBy({ status, ...(sessionId ? { sessionId } : {}) });
  }

  /** The session's last recording. */
  latest(sessionId: string): Promise<Recording | null> {
    return this.rows.findOne({ where: { sessionId }, order: { startedAt: 'DESC' } });
  }

  /** Recordings started before `cutoff`. */
  startedBefore(cutoff: string): Promise<Recording[]> {
    return this.rows.find({ where: { startedAt: LessThan(cutoff) } });
  }

  /** A page of the program's recordings, last first, with their session. */
  async ofProgram(programId: string, page: PageQueryDto): Promise<Page<Recording>> {
    const qb = this.rows
      .createQueryBuilder('r')
      .leftJoinAndSelect('r.session', 'session')
      .where('r.programId = :programId', { programId });
    return toPage(await keyset(qb, RECORDING_KEYS, page).getMany(), RECORDING_KEYS, page);
  }
}
