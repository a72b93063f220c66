import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import { bool, createdAt, fk, id, int, ref, str, text, time } from './columns';

export class AccountsProgramsSessions1764072000000 implements MigrationInterface {
  name = 'AccountsProgramsSessions1764072000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'user',
        columns: [
          id(),
          createdAt(),
          str('email', 254, { isUnique: true }),
          str('display_name', 100),
          str('password_hash', 255),
          bool('is_admin', q),
          str('calendar_token', 64),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'auth_session',
        columns: [
          id(),
          createdAt(),
          ref('user_id'),
          time('revoked_at', true),
          str('user_agent', 255, { isNullable: true }),
        ],
        indices: [{ columnNames: ['user_id'] }],
        foreignKeys: [fk('user_id', 'user')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'password_reset',
        columns: [
          id(),
          createdAt(),
          ref('user_id'),
          str('token_hash', 64, { isUnique: true }),
          time('expires_at'),
          time('used_at', true),
        ],
        foreignKeys: [fk('user_id', 'user')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'program',
        columns: [
          id(),
          createdAt(),
          str('name', 200),
          text('description', { default: "''" }),
          str('topic', 200, { default: "''" }),
          str('target_audience', 500, { default: "''" }),
          int('learning_target', { isNullable: true }),
          str('time_zone', 64),
          str('calendar_token', 64),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'site',
        columns: [
          id(),
          createdAt(),
          ref('program_id'),
          str('organisation', 200),
          str('locality', 200, { default: "''" }),
          str('country', 100, { default: "''" }),
        ],
        indices: [{ columnNames: ['program_id'] }],
        foreignKeys: [fk('program_id', 'program')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'membership',
        columns: [
          id(),
          createdAt(),
          ref('program_id'),
          ref('user_id'),
          str('role', 20),
          ref('site_id', true),
          str('profession', 100, { isNullable: true }),
          str('participation_type', 20, { default: "'staff'" }),
        ],
        uniques: [{ columnNames: ['program_id', 'user_id'] }],
        foreignKeys: [fk('program_id', 'program'), fk('user_id', 'user'), fk('site_id', 'site', 'SET NULL')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'invitation',
        columns: [
          id(),
          createdAt(),
          ref('program_id'),
          str('token_hash', 64, { isUnique: true }),
          str('role', 20),
          str('email', 254, { isNullable: true }),
          ref('site_id', true),
          ref('created_by_id'),
          time('expires_at'),
          time('accepted_at', true),
        ],
        indices: [{ columnNames: ['program_id'] }],
        foreignKeys: [fk('program_id', 'program')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'session_series',
        columns: [
          id(),
          createdAt(),
          ref('program_id'),
          str('frequency', 20),
          int('count', { isNullable: true }),
          str('until', 10, { isNullable: true }),
          text('exceptions'),
          str('time_zone', 64),
        ],
        foreignKeys: [fk('program_id', 'program')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'echo_session',
        columns: [
          id(),
          createdAt(),
          ref('program_id'),
          ref('series_id', true),
          str('title', 200),
          time('starts_at'),
          int('duration_minutes'),
          str('time_zone', 64),
          str('status', 20, { default: "'scheduled'" }),
          int('revision', { default: 0 }),
        ],
        indices: [{ columnNames: ['program_id', 'starts_at'] }],
        foreignKeys: [fk('program_id', 'program'), fk('series_id', 'session_series', 'SET NULL')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'agenda_item',
        columns: [
          id(),
          createdAt(),
          ref('session_id'),
          int('position'),
          str('kind', 10),
          str('title', 200),
          int('minutes'),
          ref('presenter_id', true),
          str('slides_file', 255, { isNullable: true }),
          str('slides_name', 255, { isNullable: true }),
        ],
        indices: [{ columnNames: ['session_id'] }],
        foreignKeys: [fk('session_id', 'echo_session'), fk('presenter_id', 'user', 'SET NULL')],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'agenda_item',
      'echo_session',
      'session_series',
      'invitation',
      'membership',
      'site',
      'program',
      'password_reset',
      'auth_session',
      'user',
    ]) {
      await q.dropTable(table);
    }
  }
}
