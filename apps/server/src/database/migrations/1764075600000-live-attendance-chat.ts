import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';

export class LiveAttendanceChat1764075600000 implements MigrationInterface {
  name = 'LiveAttendanceChat1764075600000';

  async up(q: QueryRunner): Promise<void> {
    const ref = (name: string, isNullable = false) => ({ name, type: 'varchar', length: '36', isNullable });
    const time = (name: string, isNullable = false) => ({ name, type: 'varchar', length: '30', isNullable });
    const fk = (column: string, table: string) => ({
      columnNames: [column],
      referencedTableName: table,
      referencedColumnNames: ['id'],
      onDelete: 'CASCADE',
    });
    await q.createTable(
      new Table({
        name: 'attendance',
        columns: [
          { ...ref('id'), isPrimary: true },
          time('created_at'),
          ref('session_id'),
          ref('user_id'),
          { name: 'role', type: 'varchar', length: '20' },
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
        columns: [
          { ...ref('id'), isPrimary: true },
          time('created_at'),
          ref('session_id'),
          ref('user_id'),
          { name: 'display_name', type: 'varchar', length: '100' },
          { name: 'text', type: 'text' },
        ],
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
