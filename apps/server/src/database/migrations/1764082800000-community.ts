import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import { bool, createdAt, fk, id, int, ref, str, text, time } from './columns';

/**
 * Search: an FTS5 virtual table on SQLite, kept in step by CommunitySearchService (one row per
 * visible post; the opening post's row carries the thread title). It is raw SQL, not an entity.
 * On PostgreSQL, a GIN index on the posts' text serves to_tsvector/to_tsquery instead.
 */
export const SEARCH_TABLE = 'community_search';

export class Community1764082800000 implements MigrationInterface {
  name = 'Community1764082800000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'community_group',
        columns: [
          id(),
          createdAt(),
          ref('program_id'),
          str('name', 100),
          text('description', { default: "''" }),
          bool('is_private', q),
          ref('created_by_id', true),
        ],
        indices: [{ columnNames: ['program_id'] }],
        foreignKeys: [fk('program_id', 'program')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'community_group_member',
        columns: [id(), createdAt(), ref('group_id'), ref('user_id'), str('role', 20)],
        uniques: [{ columnNames: ['group_id', 'user_id'] }],
        foreignKeys: [fk('group_id', 'community_group'), fk('user_id', 'user')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'community_join_request',
        columns: [
          id(),
          createdAt(),
          ref('group_id'),
          ref('user_id'),
          str('message', 500, { default: "''" }),
          str('status', 20),
          ref('decided_by_id', true),
          time('decided_at', true),
        ],
        indices: [{ columnNames: ['group_id', 'status'] }],
        foreignKeys: [fk('group_id', 'community_group'), fk('user_id', 'user')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'community_thread',
        columns: [
          id(),
          createdAt(),
          ref('group_id'),
          ref('program_id'),
          ref('author_id'),
          str('title', 200),
          ref('session_id', true),
          bool('pinned', q),
          bool('locked', q),
          bool('hidden', q),
          int('post_count', { default: 0 }),
          int('reply_count', { default: 0 }),
          time('last_post_at'),
        ],
        indices: [{ columnNames: ['group_id', 'last_post_at'] }, { columnNames: ['program_id'] }],
        foreignKeys: [
          fk('group_id', 'community_group'),
          fk('program_id', 'program'),
          fk('session_id', 'echo_session', 'SET NULL'),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'community_post',
        columns: [
          id(),
          createdAt(),
          ref('thread_id'),
          ref('author_id'),
          ref('parent_id', true),
          int('number'),
          bool('opening', q),
          text('body'),
          text('mentioned_user_ids'),
          time('edited_at', true),
          bool('hidden', q),
          str('hidden_reason', 500, { isNullable: true }),
          ref('hidden_by_id', true),
          time('deleted_at', true),
          ref('client_id', true),
        ],
        uniques: [{ columnNames: ['thread_id', 'number'] }, { columnNames: ['author_id', 'client_id'] }],
        foreignKeys: [fk('thread_id', 'community_thread')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'community_post_revision',
        columns: [id(), createdAt(), ref('post_id'), ref('editor_id'), text('body')],
        indices: [{ columnNames: ['post_id', 'created_at'] }],
        foreignKeys: [fk('post_id', 'community_post')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'community_reaction',
        columns: [id(), createdAt(), ref('post_id'), ref('user_id'), str('emoji', 16)],
        uniques: [{ columnNames: ['post_id', 'user_id', 'emoji'] }],
        foreignKeys: [fk('post_id', 'community_post'), fk('user_id', 'user')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'community_bookmark',
        columns: [id(), createdAt(), ref('user_id'), ref('post_id')],
        uniques: [{ columnNames: ['user_id', 'post_id'] }],
        foreignKeys: [fk('user_id', 'user'), fk('post_id', 'community_post')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'community_flag',
        columns: [
          id(),
          createdAt(),
          ref('post_id'),
          ref('user_id'),
          str('reason', 20),
          str('note', 500, { default: "''" }),
          str('status', 20),
          ref('resolved_by_id', true),
          time('resolved_at', true),
        ],
        indices: [{ columnNames: ['post_id', 'status'] }],
        foreignKeys: [fk('post_id', 'community_post')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'community_attachment',
        columns: [
          id(),
          createdAt(),
          ref('group_id'),
          ref('uploader_id'),
          ref('post_id', true),
          str('stored_name', 64),
          str('original_name', 255),
          str('mime_type', 100),
          int('size'),
        ],
        indices: [{ columnNames: ['group_id'] }, { columnNames: ['post_id'] }],
        foreignKeys: [fk('group_id', 'community_group'), fk('post_id', 'community_post', 'SET NULL')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'community_read_marker',
        columns: [
          id(),
          createdAt(),
          ref('thread_id'),
          ref('user_id'),
          int('last_read_post_number'),
          time('updated_at'),
        ],
        uniques: [{ columnNames: ['thread_id', 'user_id'] }],
        foreignKeys: [fk('thread_id', 'community_thread'), fk('user_id', 'user')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'notification',
        columns: [
          id(),
          createdAt(),
          ref('user_id'),
          ref('program_id'),
          str('kind', 20),
          ref('group_id', true),
          ref('thread_id', true),
          ref('post_id', true),
          ref('actor_id', true),
          str('title', 200),
          str('excerpt', 300, { default: "''" }),
          time('read_at', true),
          time('emailed_at', true),
        ],
        indices: [{ columnNames: ['user_id', 'created_at'] }],
        foreignKeys: [fk('user_id', 'user'), fk('program_id', 'program'), fk('thread_id', 'community_thread')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'community_audit',
        columns: [
          id(),
          createdAt(),
          ref('program_id'),
          ref('group_id', true),
          ref('thread_id', true),
          ref('actor_id', true),
          str('action', 40),
          str('target_type', 20),
          ref('target_id'),
          text('detail', { default: "''" }),
        ],
        indices: [{ columnNames: ['program_id', 'created_at'] }],
        foreignKeys: [fk('program_id', 'program')],
      }),
    );
    if (q.connection.options.type === 'postgres') {
      await q.query(
        `CREATE INDEX "community_post_body_fts" ON "community_post" USING GIN (to_tsvector('english', "body"))`,
      );
    } else {
      await q.query(
        `CREATE VIRTUAL TABLE "${SEARCH_TABLE}" USING fts5(` +
          `post_id UNINDEXED, thread_id UNINDEXED, title, body, tokenize = 'porter unicode61 remove_diacritics 2')`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    if (q.connection.options.type === 'postgres') await q.query(`DROP INDEX IF EXISTS "community_post_body_fts"`);
    else await q.query(`DROP TABLE IF EXISTS "${SEARCH_TABLE}"`);
    for (const table of [
      'community_audit',
      'notification',
      'community_read_marker',
      'community_attachment',
      'community_flag',
      'community_bookmark',
      'community_reaction',
      'community_post_revision',
      'community_post',
      'community_thread',
      'community_join_request',
      'community_group_member',
      'community_group',
    ]) {
      await q.dropTable(table);
    }
  }
}
