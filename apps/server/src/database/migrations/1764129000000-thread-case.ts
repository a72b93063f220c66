import { type MigrationInterface, type QueryRunner, TableColumn, TableForeignKey } from 'typeorm';
import { fk, ref } from './columns';

/** A thread can point at the case it follows up (issue #23), as it can at a session. */
export class ThreadCase1764129000000 implements MigrationInterface {
  name = 'ThreadCase1764129000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('community_thread', new TableColumn(ref('case_id', true)));
    await q.createForeignKey('community_thread', new TableForeignKey(fk('case_id', 'echo_case', 'SET NULL')));
  }

  async down(q: QueryRunner): Promise<void> {
    const table = await q.getTable('community_thread');
    const caseFk = table?.foreignKeys.find((k) => k.columnNames.includes('case_id'));
    if (caseFk) await q.dropForeignKey('community_thread', caseFk);
    await q.dropColumn('community_thread', 'case_id');
  }
}
