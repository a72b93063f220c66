import { type MigrationInterface, type QueryRunner, Table, type TableColumnOptions } from 'typeorm';

export class Cases1764086400000 implements MigrationInterface {
  name = 'Cases1764086400000';

  async up(q: QueryRunner): Promise<void> {
    const no = q.connection.options.type === 'postgres' ? 'false' : '0';
    const ref = (name: string, isNullable = false): TableColumnOptions => ({
      name,
      type: 'varchar',
      length: '36',
      isNullable,
    });
    const text = (name: string, withDefault = true): TableColumnOptions => ({
      name,
      type: 'text',
      ...(withDefault ? { default: "''" } : {}),
    });
    const base = [
      { ...ref('id'), isPrimary: true },
      { name: 'created_at', type: 'varchar', length: '30' },
    ];
    const fk = (column: string, table: string, onDelete = 'CASCADE') => ({
      columnNames: [column],
      referencedTableName: table,
      referencedColumnNames: ['id'],
      onDelete,
    });
    await q.createTable(
      new Table({
        name: 'echo_case',
        columns: [
          ...base,
          ref('program_id'),
          ref('session_id', true),
          ref('presenter_id'),
          { name: 'title', type: 'varchar', length: '200' },
          text('presenting_question', false),
          text('summary', false),
          { name: 'age_band', type: 'varchar', length: '20', default: "''" },
          { name: 'sex', type: 'varchar', length: '20', default: "''" },
          text('history'),
          text('medications'),
          text('investigations'),
          text('tried'),
          text('social_context'),
          text('specific_questions'),
          { name: 'status', type: 'varchar', length: '30' },
          { name: 'position', type: 'integer', isNullable: true },
          { name: 'urgent', type: 'boolean', default: no },
          ref('follow_up_of_id', true),
          { name: 'submitted_at', type: 'varchar', length: '30', isNullable: true },
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
          ...base,
          ref('case_id'),
          { name: 'field', type: 'varchar', length: '30' },
          { name: 'start', type: 'integer' },
          { name: 'end', type: 'integer' },
          { name: 'text', type: 'varchar', length: '500' },
          { name: 'kind', type: 'varchar', length: '20' },
          ref('confirmed_by_id'),
        ],
        indices: [{ columnNames: ['case_id'] }],
        foreignKeys: [fk('case_id', 'echo_case'), fk('confirmed_by_id', 'user')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'recommendation',
        columns: [...base, ref('case_id'), ref('author_id'), text('body', false)],
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
