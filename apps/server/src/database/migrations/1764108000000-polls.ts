import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import { bool, createdAt, fk, id, ref, str, text, time } from './columns';

/** Polls and knowledge checks of a session, and their answers (issue #19). */
export class Polls1764108000000 implements MigrationInterface {
  name = 'Polls1764108000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'poll',
        columns: [
          id(),
          createdAt(),
          ref('session_id'),
          ref('agenda_item_id', true),
          ref('created_by'),
          str('kind', 20),
          text('question'),
          text('options', { default: "'[]'" }),
          text('correct', { default: "'[]'" }),
          { ...bool('anonymous', q), default: q.connection.options.type === 'postgres' ? 'true' : '1' },
          str('status', 20),
          bool('shared', q),
          time('opened_at', true),
          time('closed_at', true),
        ],
        indices: [{ columnNames: ['session_id', 'created_at'] }],
        foreignKeys: [fk('session_id', 'echo_session')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'poll_answer',
        columns: [
          id(),
          createdAt(),
          ref('poll_id'),
          ref('user_id'),
          str('display_name', 100),
          text('choices', { default: "'[]'" }),
          text('text', { isNullable: true }),
          { ...bool('correct', q), isNullable: true, default: undefined },
          text('confirmed_findings', { default: "'[]'" }),
        ],
        indices: [{ columnNames: ['poll_id', 'user_id'], isUnique: true }],
        foreignKeys: [fk('poll_id', 'poll')],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('poll_answer');
    await q.dropTable('poll');
  }
}
