import { type MigrationInterface, type QueryRunner, TableIndex } from 'typeorm';

/** Cursor pages of a group's threads (pinned, latest activity, id: community/threads.records.ts) read an index. */
export class CommunityPages1764141000000 implements MigrationInterface {
  name = 'CommunityPages1764141000000';

  private readonly threadPage = new TableIndex({ columnNames: ['group_id', 'pinned', 'last_post_at', 'id'] });

  async up(q: QueryRunner): Promise<void> {
    await q.createIndex('community_thread', this.threadPage);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('community_thread', this.threadPage);
  }
}
