import { type MigrationInterface, type QueryRunner, TableColumn } from 'typeorm';
import { bool } from './columns';

/** Sessions can be practice runs, which count nowhere. */
export class PracticeSessions1764100800000 implements MigrationInterface {
  name = 'PracticeSessions1764100800000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('echo_session', new TableColumn(bool('practice', q)));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('echo_session', 'practice');
  }
}
