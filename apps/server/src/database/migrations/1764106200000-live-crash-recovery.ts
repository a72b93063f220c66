import { type MigrationInterface, type QueryRunner, Table, TableColumn } from 'typeorm';
import { text, time } from './columns';

/**
 * A crash loses no live session: each open room's state is kept in live_room_snapshot (one instance without
 * Redis), and attendance rows carry a heartbeat, so rows left open by a crash are closed when it was last seen.
 */
export class LiveCrashRecovery1764106200000 implements MigrationInterface {
  name = 'LiveCrashRecovery1764106200000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'live_room_snapshot',
        columns: [
          { name: 'session_id', type: 'varchar', length: '36', isPrimary: true },
          text('room'),
          time('updated_at'),
        ],
      }),
    );
    await q.addColumn('attendance', new TableColumn(time('last_seen_at', true)));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('attendance', 'last_seen_at');
    await q.dropTable('live_room_snapshot');
  }
}
