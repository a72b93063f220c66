import { type MigrationInterface, type QueryRunner, TableColumn } from 'typeorm';
import { bool } from './columns';

/** A program's setting: whether members who do not manage it see each other's e-mail addresses (issue #22). */
export class MemberEmailVisibility1764136000000 implements MigrationInterface {
  name = 'MemberEmailVisibility1764136000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('program', new TableColumn(bool('member_emails_visible', q)));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('program', 'member_emails_visible');
  }
}
