import { type MigrationInterface, type QueryRunner, Table, TableColumn } from 'typeorm';
import { createdAt, fk, id, int, ref, str, text, time } from './columns';

/** Impact: program settings for learning experiences, surveys, their recipients and responses, certificates. */
export class Impact1764079200000 implements MigrationInterface {
  name = 'Impact1764079200000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('program', [
      new TableColumn(str('learning_target_date', 10, { isNullable: true })),
      new TableColumn({ name: 'min_attendance_share', type: 'real', default: 0.5 }),
    ]);
    await q.createTable(
      new Table({
        name: 'survey',
        columns: [
          id(),
          createdAt(),
          ref('program_id'),
          ref('session_id', true),
          str('title', 200),
          text('intro', { default: "''" }),
          text('questions'),
          str('audience', 20),
          ref('created_by_id', true),
          time('closes_at', true),
        ],
        indices: [{ columnNames: ['program_id'] }, { columnNames: ['session_id'], isUnique: true }],
        foreignKeys: [fk('program_id', 'program'), fk('session_id', 'echo_session')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'survey_recipient',
        columns: [
          id(),
          createdAt(),
          ref('survey_id'),
          ref('user_id'),
          str('role', 20),
          ref('site_id', true),
          str('participation_type', 20, { isNullable: true }),
          time('responded_at', true),
        ],
        uniques: [{ columnNames: ['survey_id', 'user_id'] }],
        indices: [{ columnNames: ['user_id'] }],
        foreignKeys: [fk('survey_id', 'survey'), fk('user_id', 'user')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'survey_response',
        columns: [
          id(),
          createdAt(),
          ref('survey_id'),
          str('role', 20),
          ref('site_id', true),
          str('participation_type', 20, { isNullable: true }),
          text('answers'),
        ],
        indices: [{ columnNames: ['survey_id'] }],
        foreignKeys: [fk('survey_id', 'survey')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'certificate',
        columns: [
          id(),
          createdAt(),
          str('code', 20, { isUnique: true }),
          ref('program_id'),
          ref('user_id'),
          str('period', 7),
          str('holder_name', 100),
          str('program_name', 200),
          int('sessions'),
          int('minutes'),
          text('session_list'),
        ],
        indices: [{ columnNames: ['program_id', 'user_id', 'period'] }],
        foreignKeys: [fk('program_id', 'program'), fk('user_id', 'user')],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['certificate', 'survey_response', 'survey_recipient', 'survey']) await q.dropTable(table);
    await q.dropColumn('program', 'min_attendance_share');
    await q.dropColumn('program', 'learning_target_date');
  }
}
