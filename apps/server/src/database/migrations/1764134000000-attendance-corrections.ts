import { type MigrationInterface, type QueryRunner, Table, TableColumn } from 'typeorm';
import { createdAt, fk, id, int, ref, text } from './columns';

/** Issue 20: coordinators' attendance corrections, and each program's certificate rule. */
export class AttendanceCorrections1764134000000 implements MigrationInterface {
  name = 'AttendanceCorrections1764134000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('program', [
      new TableColumn({ name: 'certificate_share', type: 'real', default: 0.8 }),
      new TableColumn(int('certificate_min_sessions', { default: 1 })),
    ]);
    await q.createTable(
      new Table({
        name: 'attendance_correction',
        columns: [
          id(),
          createdAt(),
          ref('session_id'),
          ref('user_id'),
          int('minutes_before'),
          int('minutes_after'),
          text('reason'),
          ref('corrected_by', true),
        ],
        indices: [{ columnNames: ['session_id', 'user_id', 'created_at'] }],
        foreignKeys: [fk('session_id', 'echo_session')],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('attendance_correction');
    await q.dropColumn('program', 'certificate_min_sessions');
    await q.dropColumn('program', 'certificate_share');
  }
}
