import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import { bool, createdAt, fk, id, int, ref, str, text, time } from './columns';

/** Issue 20: programs' public registration forms and the registrations sent through them. */
export class Registration1764134000001 implements MigrationInterface {
  name = 'Registration1764134000001';

  async up(q: QueryRunner): Promise<void> {
    const yes = q.connection.options.type === 'postgres' ? 'true' : '1';
    await q.createTable(
      new Table({
        name: 'registration_form',
        columns: [
          id(),
          createdAt(),
          str('program_id', 36, { isUnique: true }),
          ref('series_id', true),
          str('title', 200),
          text('intro', { default: "''" }),
          text('questions'),
          { ...bool('ask_accessibility', q), default: yes },
          int('completion_sessions', { default: 6 }),
          { ...bool('open', q), default: yes },
          ref('created_by_id'),
        ],
        foreignKeys: [fk('program_id', 'program')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'registration',
        columns: [
          id(),
          createdAt(),
          ref('program_id'),
          str('name', 100),
          str('email', 254),
          ref('site_id', true),
          str('profession', 100, { isNullable: true }),
          str('participation_type', 20),
          text('answers'),
          bool('consent_to_contact', q),
          text('accessibility_needs', { default: "''" }),
          ref('reminded_session_id', true),
          time('reminded_at', true),
        ],
        indices: [{ columnNames: ['program_id', 'email'] }],
        foreignKeys: [fk('program_id', 'program')],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('registration');
    await q.dropTable('registration_form');
  }
}
