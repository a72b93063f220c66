import { type MigrationInterface, type QueryRunner, Table, TableColumn } from 'typeorm';
import { createdAt, id, ref, str, text, time } from './columns';

/** Issue 22, operations: accounts an admin disabled or whose data was erased, and the admins' audit log. */
export class AdminOperations1764118800000 implements MigrationInterface {
  name = 'AdminOperations1764118800000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('user', new TableColumn(time('disabled_at', true)));
    await q.addColumn('user', new TableColumn(time('erased_at', true)));
    await q.createTable(
      new Table({
        name: 'admin_audit',
        columns: [
          id(),
          createdAt(),
          ref('actor_id', true),
          str('action', 40),
          ref('target_user_id', true),
          text('detail', { default: "''" }),
        ],
        indices: [{ columnNames: ['created_at'] }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('admin_audit');
    await q.dropColumn('user', 'erased_at');
    await q.dropColumn('user', 'disabled_at');
  }
}
