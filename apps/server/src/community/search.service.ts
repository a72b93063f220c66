import type { SearchResult } from '@echo-hub/protocol';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SEARCH_TABLE } from '../database/migrations/1764082800000-community';
import { SEARCH_CONFIG, searchVector } from '../database/migrations/1764104400000-postgres-search';
import type { CommunityGroup } from './entities/community-group.entity';
import type { Post } from './entities/post.entity';
import type { Thread } from './entities/thread.entity';
import { plainText } from './markdown';
import { ThreadRecords } from './threads.records';

/** Marks around matches, chosen because they never occur in indexed text (stripped before indexing). */
const OPEN = '\u0002';
const CLOSE = '\u0003';
const MAX_TERMS = 12;
const MAX_RESULTS = 50;

/** The words of a query (letters and digits only), so nothing in it is FTS or tsquery syntax. */
export function queryTerms(q: string): string[] {
  return (q.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, MAX_TERMS);
}

/** An FTS5 MATCH expression: every term must match, the last one as a prefix (search as you type). */
export function ftsQuery(terms: string[]): string {
  return terms.map((t, i) => `"${t}"${i === terms.length - 1 ? '*' : ''}`).join(' ');
}

/** The same for PostgreSQL's to_tsquery: `term & term & last:*`. */
export function tsQuery(terms: string[]): string {
  return terms.map((t, i) => `${t}${i === terms.length - 1 ? ':*' : ''}`).join(' & ');
}

/** Escapes HTML, then turns the match marks into `<mark>`: the only markup a result carries. */
export function highlightHtml(marked: string): string {
  const escaped = marked.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  let open = false;
  let html = '';
  for (const ch of escaped) {
    if (ch === OPEN && !open) {
      html += '<mark>';
      open = true;
    } else if (ch === CLOSE && open) {
      html += '</mark>';
      open = false;
    } else if (ch !== OPEN && ch !== CLOSE) html += ch;
  }
  return open ? `${html}</mark>` : html;
}

/** Control characters (the match marks among them) become spaces before indexing. */
const indexable = (s: string) =>
  [...s].map((ch) => (ch.charCodeAt(0) < 32 && ch !== '\n' && ch !== '\t' && ch !== '\r' ? ' ' : ch)).join('');

interface Hit {
  postId: string;
  titleMarked: string | null;
  snippetMarked: string;
}

/**
 * Full-text search over the posts a reader may see, in the plain text of each post (no Markdown syntax, no link
 * URLs) and with accents ignored, the same on both databases: a search table kept in step here on every insert,
 * edit, hide, restore and delete. SQLite: an FTS5 table (bm25, snippet). PostgreSQL: a table with a GIN index
 * on its weighted tsvector (ts_rank, ts_headline), through a configuration that removes accents.
 */
@Injectable()
export class SearchService implements OnApplicationBootstrap {
  private readonly logger = new Logger(SearchService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly posts: ThreadRecords,
  ) {}

  private get postgres(): boolean {
    return this.db.options.type === 'postgres';
  }

  /**
   * PostgreSQL's search table came after its posts (migration PostgresSearch): when it is empty while posts exist,
   * every visible post is indexed once, at start.
   */
  async onApplicationBootstrap(): Promise<void> {
    if (!this.postgres) return;
    const [{ n }] = await this.db.query(`SELECT count(*)::int AS n FROM "${SEARCH_TABLE}"`);
    if (n > 0) return;
    const posts = await this.posts.visiblePostsWithThreads();
    for (const post of posts) await this.index(post, post.thread?.title ?? '');
    if (posts.length) this.logger.log(`search: indexed ${posts.length} posts`);
  }

  /** Adds (or replaces) a post's row; the opening post's row carries the thread title. */
  async index(post: Post, threadTitle: string): Promise<void> {
    const row = [post.id, post.threadId, post.opening ? indexable(threadTitle) : '', indexable(plainText(post.body))];
    if (this.postgres) {
      // One statement, so two requests indexing the same post at once cannot both insert it.
      await this.db.query(
        `INSERT INTO "${SEARCH_TABLE}" (post_id, thread_id, title, body) VALUES ($1, $2, $3, $4)
         ON CONFLICT (post_id) DO UPDATE SET thread_id = EXCLUDED.thread_id, title = EXCLUDED.title, body = EXCLUDED.body`,
        row,
      );
      return;
    }
    // SQLite runs one statement at a time; an FTS5 table has no upsert.
    await this.remove(post.id);
    await this.db.query(`INSERT INTO "${SEARCH_TABLE}" (post_id, thread_id, title, body) VALUES (?, ?, ?, ?)`, row);
  }

  async remove(postId: string): Promise<void> {
    await this.db.query(`DELETE FROM "${SEARCH_TABLE}" WHERE post_id = ${this.postgres ? '$1' : '?'}`, [postId]);
  }

  /** A thread was renamed: its opening post's row gets the new title. */
  async retitle(thread: Thread): Promise<void> {
    const opening = await this.posts.openingPost(thread.id);
    if (opening && !opening.hidden && !opening.deletedAt) await this.index(opening, thread.title);
  }

  async search(q: string, groups: CommunityGroup[]): Promise<SearchResult[]> {
    const terms = queryTerms(q);
    if (!terms.length || !groups.length) return [];
    const groupIds = groups.map((g) => g.id);
    let hits: Hit[];
    try {
      hits = this.postgres
        ? await this.searchPostgres(tsQuery(terms), groupIds)
        : await this.searchSqlite(terms, groupIds);
    } catch (e) {
      // A query the engine cannot parse finds nothing; it is never the reader's fault.
      this.logger.warn(`search failed for ${JSON.stringify(q)}: ${(e as Error).message}`);
      return [];
    }
    if (!hits.length) return [];
    const posts = await this.posts.postsWithThreads(hits.map((h) => h.postId));
    const byId = new Map(posts.map((p) => [p.id, p]));
    const names = new Map(groups.map((g) => [g.id, g.name]));
    return hits.flatMap((h) => {
      const p = byId.get(h.postId);
      if (!p?.thread) return [];
      return [
        {
          threadId: p.threadId,
          postId: p.id,
          groupId: p.thread.groupId,
          groupName: names.get(p.thread.groupId) ?? '',
          threadTitle: p.thread.title,
          titleHtml: highlightHtml(h.titleMarked || p.thread.title),
          snippetHtml: highlightHtml(h.snippetMarked),
          author: { id: p.authorId, displayName: p.author?.displayName ?? '' },
          createdAt: p.createdAt,
        },
      ];
    });
  }

  private async searchSqlite(terms: string[], groupIds: string[]): Promise<Hit[]> {
    const rows: { post_id: string; title_hl: string; snippet: string }[] = await this.db.query(
      `SELECT s.post_id AS post_id,
              highlight("${SEARCH_TABLE}", 2, char(2), char(3)) AS title_hl,
              snippet("${SEARCH_TABLE}", 3, char(2), char(3), '…', 24) AS snippet
         FROM "${SEARCH_TABLE}" s
         JOIN "community_thread" t ON t.id = s.thread_id
         JOIN "community_post" p ON p.id = s.post_id
        WHERE "${SEARCH_TABLE}" MATCH ?
          AND t.group_id IN (${groupIds.map(() => '?').join(', ')})
          AND t.hidden = 0 AND p.hidden = 0 AND p.deleted_at IS NULL
        ORDER BY bm25("${SEARCH_TABLE}", 0, 0, 4, 1)
        LIMIT ${MAX_RESULTS}`,
      [ftsQuery(terms), ...groupIds],
    );
    return rows.map((r) => ({ postId: r.post_id, titleMarked: r.title_hl || null, snippetMarked: r.snippet ?? '' }));
  }

  private async searchPostgres(query: string, groupIds: string[]): Promise<Hit[]> {
    const options = (words: string) => `StartSel=${OPEN}, StopSel=${CLOSE}, ${words}`;
    const vector = searchVector('s.title', 's.body');
    const rows: { post_id: string; title_hl: string | null; snippet: string }[] = await this.db.query(
      `SELECT s.post_id AS post_id,
              CASE WHEN s.title <> '' THEN ts_headline('${SEARCH_CONFIG}', s.title, query, $3) END AS title_hl,
              ts_headline('${SEARCH_CONFIG}', s.body, query, $4) AS snippet
         FROM "${SEARCH_TABLE}" s
         JOIN "community_thread" t ON t.id = s.thread_id
         JOIN "community_post" p ON p.id = s.post_id,
              to_tsquery('${SEARCH_CONFIG}', $1) query
        WHERE ${vector} @@ query
          AND t.group_id = ANY($2)
          AND t.hidden = false AND p.hidden = false AND p.deleted_at IS NULL
        -- A match in the thread's title weighs four times one in a post (as bm25's weights on SQLite).
        ORDER BY ts_rank('{0.1, 0.2, 0.25, 1.0}', ${vector}, query) DESC, p.created_at DESC
        LIMIT ${MAX_RESULTS}`,
      [query, groupIds, options('HighlightAll=true'), options('MaxWords=30, MinWords=10, MaxFragments=2')],
    );
    return rows.map((r) => ({ postId: r.post_id, titleMarked: r.title_hl, snippetMarked: r.snippet ?? '' }));
  }
}
