import { type MigrationInterface, type QueryRunner, TableColumn } from 'typeorm';
import { text } from './columns';

/** Live chat passes the de-identification gate: what a sender confirmed as not identifying is kept. */
export class ChatConfirmations1764097200000 implements MigrationInterface {
  name = 'ChatConfirmations1764097200000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('chat_message', new TableColumn(text('confirmed_findings', { default: "'[]'" })));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('chat_message', 'confirmed_findings');
  }
}
