import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';

export class Recordings1764090000000 implements MigrationInterface {
  name = 'Recordings1764090000000';

  async up(q: QueryRunner): Promise<void> {
    const ref = (name: string) => ({ name, type: 'varchar', length: '36' });
    const time = (name: string, isNullable = false) => ({ name, type: 'varchar', length: '30', isNullable });
    const fk = (column: string, table: string) => ({
      columnNames: [column],
      referencedTableName: table,
      referencedColumnNames: ['id'],
      onDelete: 'CASCADE',
    });
    await q.createTable(
      new Table({
        name: 'recording',
        columns: [
          { ...ref('id'), isPrimary: true },
          time('created_at'),
          ref('program_id'),
          ref('session_id'),
          { name: 'title', type: 'varchar', length: '200' },
          { name: 'presenter_name', type: 'varchar', length: '100', default: "''" },
          { name: 'kind', type: 'varchar', length: '20' },
          { name: 'status', type: 'varchar', length: '20' },
          { name: 'file', type: 'varchar', length: '255' },
          time('started_at'),
          time('ended_at', true),
          { name: 'size_bytes', type: 'integer', default: 0 },
          { name: 'consent', type: 'text', isNullable: true },
          { name: 'error', type: 'varchar', length: '500', isNullable: true },
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
