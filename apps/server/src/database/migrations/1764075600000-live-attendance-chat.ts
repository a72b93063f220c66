import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import { createdAt, fk, id, ref, str, text, time } from './columns';

export class LiveAttendanceChat1764075600000 implements MigrationInterface {
  name = 'LiveAttendanceChat1764075600000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'attendance',
        columns: [
          id(),
          createdAt(),
          ref('session_id'),
          ref('user_id'),
          str('role', 20),
          ref('site_id', true),
          time('joined_at'),
          time('left_at', true),
        ],
        indices: [{ columnNames: ['session_id', 'user_id'] }],
        foreignKeys: [fk('session_id', 'echo_session'), fk('user_id', 'user')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'chat_message',
        columns: [id(), createdAt(), ref('session_id'), ref('user_id'), str('display_name', 100), text('text')],
        indices: [{ columnNames: ['session_id', 'created_at'] }],
        foreignKeys: [fk('session_id', 'echo_session')],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('chat_message');
    await q.dropTable('attendance');
  }
}
