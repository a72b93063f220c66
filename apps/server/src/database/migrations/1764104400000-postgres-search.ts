import type { MigrationInterface, QueryRunner } from 'typeorm';
import { SEARCH_TABLE } from './1764082800000-community';

/** The PostgreSQL text search configuration: English stemming after accents are removed ("café" finds "cafe"). */
export const SEARCH_CONFIG = 'echo_search';

/**
 * PostgreSQL searches what SQLite searches: the posts' plain text (no Markdown syntax, no link URLs) in a table of
 * its own kept in step by SearchService (which fills it at start when it is empty), with accents ignored (the unaccent dictionary, as SQLite's
 * remove_diacritics). It replaces the GIN index on the raw Markdown. SQLite is unchanged.
 */
export class PostgresSearch1764104400000 implements MigrationInterface {
  name = 'PostgresSearch1764104400000';

  async up(q: QueryRunner): Promise<void> {
    if (q.connection.options.type !== 'postgres') return;
    await q.query('CREATE EXTENSION IF NOT EXISTS unaccent');
    await q.query(
      `DO $$ BEGIN
         IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = '${SEARCH_CONFIG}') THEN
           CREATE TEXT SEARCH CONFIGURATION ${SEARCH_CONFIG} (COPY = english);
           ALTER TEXT SEARCH CONFIGURATION ${SEARCH_CONFIG}
             ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;
         END IF;
       END $$`,
    );
    await q.query(
      `CREATE TABLE "${SEARCH_TABLE}" (
         "post_id" varchar(36) PRIMARY KEY,
         "thread_id" varchar(36) NOT NULL,
         "title" text NOT NULL DEFAULT '',
         "body" text NOT NULL DEFAULT ''
       )`,
    );
    await q.query(
      `CREATE INDEX "${SEARCH_TABLE}_fts" ON "${SEARCH_TABLE}" USING GIN (${searchVector('"title"', '"body"')})`,
    );
    await q.query('DROP INDEX IF EXISTS "community_post_body_fts"');
    // Existing posts are indexed by SearchService when the hub starts (it finds the table empty).
  }

  async down(q: QueryRunner): Promise<void> {
    if (q.connection.options.type !== 'postgres') return;
    await q.query(`DROP TABLE IF EXISTS "${SEARCH_TABLE}"`);
    await q.query(`DROP TEXT SEARCH CONFIGURATION IF EXISTS ${SEARCH_CONFIG}`);
    await q.query(
      `CREATE INDEX "community_post_body_fts" ON "community_post" USING GIN (to_tsvector('english', "body"))`,
    );
  }
}

/** The weighted document searched on PostgreSQL: a match in the title weighs more than one in the text. */
export function searchVector(title: string, body: string): string {
  return `(setweight(to_tsvector('${SEARCH_CONFIG}', ${title}), 'A') || setweight(to_tsvector('${SEARCH_CONFIG}', ${body}), 'B'))`;
}
