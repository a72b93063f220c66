import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import { bool, createdAt, fk, id, int, ref, str, text, time } from './columns';

export class Cases1764086400000 implements MigrationInterface {
  name = 'Cases1764086400000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'echo_case',
        columns: [
          id(),
          createdAt(),
          ref('program_id'),
          ref('session_id', true),
          ref('presenter_id'),
          str('title', 200),
          text('presenting_question'),
          text('summary'),
          str('age_band', 20, { default: "''" }),
          str('sex', 20, { default: "''" }),
          text('history', { default: "''" }),
          text('medications', { default: "''" }),
          text('investigations', { default: "''" }),
          text('tried', { default: "''" }),
          text('social_context', { default: "''" }),
          text('specific_questions', { default: "''" }),
          str('status', 30),
          int('position', { isNullable: true }),
          bool('urgent', q),
          ref('follow_up_of_id', true),
          time('submitted_at', true),
        ],
        indices: [{ columnNames: ['program_id'] }, { columnNames: ['session_id', 'position'] }],
        foreignKeys: [
          fk('program_id', 'program'),
          fk('session_id', 'echo_session', 'SET NULL'),
          fk('presenter_id', 'user'),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'case_confirmation',
        columns: [
          id(),
          createdAt(),
          ref('case_id'),
          str('field', 30),
          int('start'),
          int('end'),
          str('text', 500),
          str('kind', 20),
          ref('confirmed_by_id'),
        ],
        indices: [{ columnNames: ['case_id'] }],
        foreignKeys: [fk('case_id', 'echo_case'), fk('confirmed_by_id', 'user')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'recommendation',
        columns: [id(), createdAt(), ref('case_id'), ref('author_id'), text('body')],
        indices: [{ columnNames: ['case_id'] }],
        foreignKeys: [fk('case_id', 'echo_case'), fk('author_id', 'user')],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('recommendation');
    await q.dropTable('case_confirmation');
    await q.dropTable('echo_case');
  }
}
