import { type MigrationInterface, type QueryRunner, Table, TableColumn, TableForeignKey } from 'typeorm';
import { createdAt, fk, id, int, ref, str, time } from './columns';

/** Images and PDFs on cases; notifications that point at a case (recommendations sent). */
export class CaseAttachments1764093600000 implements MigrationInterface {
  name = 'CaseAttachments1764093600000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'case_attachment',
        columns: [
          id(),
          createdAt(),
          ref('case_id'),
          ref('uploader_id'),
          time('confirmed_at'),
          str('stored_name', 64),
          str('original_name', 255),
          str('mime_type', 100),
          int('size'),
        ],
        indices: [{ columnNames: ['case_id'] }],
        foreignKeys: [fk('case_id', 'echo_case'), fk('uploader_id', 'user')],
      }),
    );
    await q.addColumn('notification', new TableColumn(ref('case_id', true)));
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
