import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import { createdAt, fk, id, int, ref, str, text } from './columns';

/** Issue 20: co-production roles on sessions and in groups, and payments or expenses for people's time. */
export class Coproduction1764140000000 implements MigrationInterface {
  name = 'Coproduction1764140000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'coproduction_role',
        columns: [
          id(),
          createdAt(),
          ref('program_id'),
          ref('session_id', true),
          ref('group_id', true),
          ref('user_id'),
          str('role', 30),
          ref('assigned_by'),
        ],
        indices: [
          { columnNames: ['session_id', 'user_id'], isUnique: true },
          { columnNames: ['group_id', 'user_id'], isUnique: true },
        ],
        foreignKeys: [
          fk('program_id', 'program'),
          fk('session_id', 'echo_session'),
          fk('group_id', 'community_group'),
          fk('user_id', 'user'),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'coproduction_payment',
        columns: [
          id(),
          createdAt(),
          ref('program_id'),
          ref('user_id'),
          ref('session_id', true),
          str('activity', 200, { default: "''" }),
          str('date', 10),
          { name: 'hours', type: 'real' },
          int('amount_minor'),
          str('currency', 3),
          str('kind', 20),
          str('status', 20),
          text('note', { default: "''" }),
          ref('recorded_by'),
        ],
        indices: [{ columnNames: ['program_id', 'date'] }],
        foreignKeys: [fk('program_id', 'program'), fk('session_id', 'echo_session', 'SET NULL'), fk('user_id', 'user')],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('coproduction_payment');
    await q.dropTable('coproduction_role');
  }
}
