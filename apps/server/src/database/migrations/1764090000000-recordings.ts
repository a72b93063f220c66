import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import { createdAt, fk, id, int, ref, str, text, time } from './columns';

export class Recordings1764090000000 implements MigrationInterface {
  name = 'Recordings1764090000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'recording',
        columns: [
          id(),
          createdAt(),
          ref('program_id'),
          ref('session_id'),
          str('title', 200),
          str('presenter_name', 100, { default: "''" }),
          str('kind', 20),
          str('status', 20),
          str('file', 255),
          time('started_at'),
          time('ended_at', true),
          int('size_bytes', { default: 0 }),
          text('consent', { isNullable: true }),
          str('error', 500, { isNullable: true }),
        ],
        indices: [{ columnNames: ['program_id', 'started_at'] }],
        foreignKeys: [fk('program_id', 'program'), fk('session_id', 'echo_session')],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('recording');
  }
}
