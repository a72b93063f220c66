import { type MigrationInterface, type QueryRunner, Table, TableColumn, type TableColumnOptions } from 'typeorm';

// Schema API, not raw SQL, so the same migration runs on SQLite and PostgreSQL.
const id = (): TableColumnOptions => ({ name: 'id', type: 'varchar', length: '36', isPrimary: true });
const createdAt = (): TableColumnOptions => ({ name: 'created_at', type: 'varchar', length: '30' });
const ref = (name: string, isNullable = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: '36',
  isNullable,
});
const str = (name: string, length: number, isNullable = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable,
});
const time = (name: string, isNullable = false): TableColumnOptions => str(name, 30, isNullable);
const int = (name: string): TableColumnOptions => ({ name, type: 'integer' });
const fk = (column: string, table: string, onDelete: 'CASCADE' | 'SET NULL' = 'CASCADE') => ({
  columnNames: [column],
  referencedTableName: table,
  referencedColumnNames: ['id'],
  onDelete,
});

/** Impact: program settings for learning experiences, surveys, their recipients and responses, certificates. */
export class Impact1764079200000 implements MigrationInterface {
  name = 'Impact1764079200000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('program', [
      new TableColumn({ name: 'learning_target_date', type: 'varchar', length: '10', isNullable: true }),
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
          { name: 'intro', type: 'text', default: "''" },
          { name: 'questions', type: 'text' },
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
          str('participation_type', 20, true),
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
          str('participation_type', 20, true),
          { name: 'answers', type: 'text' },
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
          { ...str('code', 20), isUnique: true },
          ref('program_id'),
          ref('user_id'),
          str('period', 7),
          str('holder_name', 100),
          str('program_name', 200),
          int('sessions'),
          int('minutes'),
          { name: 'session_list', type: 'text' },
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
