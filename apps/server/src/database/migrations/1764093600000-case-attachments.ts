import { type MigrationInterface, type QueryRunner, Table, TableColumn, TableForeignKey } from 'typeorm';

/** Images and PDFs on cases; notifications that point at a case (recommendations sent). */
export class CaseAttachments1764093600000 implements MigrationInterface {
  name = 'CaseAttachments1764093600000';

  async up(q: QueryRunner): Promise<void> {
    const ref = (name: string) => ({ name, type: 'varchar', length: '36' });
    const fk = (column: string, table: string) => ({
      columnNames: [column],
      referencedTableName: table,
      referencedColumnNames: ['id'],
      onDelete: 'CASCADE',
    });
    await q.createTable(
      new Table({
        name: 'case_attachment',
        columns: [
          { ...ref('id'), isPrimary: true },
          { name: 'created_at', type: 'varchar', length: '30' },
          ref('case_id'),
          ref('uploader_id'),
          { name: 'confirmed_at', type: 'varchar', length: '30' },
          { name: 'stored_name', type: 'varchar', length: '64' },
          { name: 'original_name', type: 'varchar', length: '255' },
          { name: 'mime_type', type: 'varchar', length: '100' },
          { name: 'size', type: 'integer' },
        ],
        indices: [{ columnNames: ['case_id'] }],
        foreignKeys: [fk('case_id', 'echo_case'), fk('uploader_id', 'user')],
      }),
    );
    await q.addColumn('notification', new TableColumn({ ...ref('case_id'), isNullable: true }));
    await q.createForeignKey('notification', new TableForeignKey(fk('case_id', 'echo_case')));
  }

  async down(q: QueryRunner): Promise<void> {
    const table = await q.getTable('notification');
    const caseFk = table?.foreignKeys.find((k) => k.columnNames.includes('case_id'));
    if (caseFk) await q.dropForeignKey('notification', caseFk);
    await q.dropColumn('notification', 'case_id');
    await q.dropTable('case_attachment');
  }
}
