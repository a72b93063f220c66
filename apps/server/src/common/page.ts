import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import type { Request, Response } from 'express';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { invalidField } from './domain-error';
import { Optional } from './dto';

/**
 * Cursor (keyset) pagination for lists that grow. A list answers a page of `limit` rows (default 50) as its
 * usual JSON array; when more follow, the answer carries `Link: <…&cursor=…>; rel="next"` (RFC 8288, as
 * GitHub's API does) and the same opaque cursor in `X-Next-Cursor`. The cursor holds the last row's sort key,
 * so a page never repeats or skips rows when others are added meanwhile (unlike an offset).
 */
export const PAGE_DEFAULT = 50;
export const PAGE_MAX = 200;

export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: PAGE_MAX, default: PAGE_DEFAULT })
  @Optional()
  @Type(() => Number)
  @IsInt({ message: `limit must be a whole number (1-${PAGE_MAX})` })
  @Min(1, { message: `limit must be a whole number (1-${PAGE_MAX})` })
  @Max(PAGE_MAX, { message: `limit must be a whole number (1-${PAGE_MAX})` })
  limit?: number;

  @ApiPropertyOptional({ description: "The previous page's X-Next-Cursor (or its Link rel=next)" })
  @Optional()
  @IsString({ message: 'cursor must be text' })
  @MaxLength(512, { message: 'cursor must be at most 512 characters' })
  cursor?: string;
}

/** Sort values: times are ISO strings here (database/columns.ts), so these cover every key. */
type KeyValue = string | number | boolean;

/** One sort key: the query builder's expression, its direction and how to read it from a row. */
export interface SortKey<T> {
  expr: string;
  dir: 'ASC' | 'DESC';
  of: (row: T) => KeyValue;
}

export interface Page<T> {
  items: T[];
  /** The cursor of the page after this one; absent on the last page. */
  next?: string;
}

function encode(values: KeyValue[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

function decode(cursor: string, arity: number): KeyValue[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const isKey = (v: unknown) => ['string', 'number', 'boolean'].includes(typeof v);
  if (!Array.isArray(parsed) || parsed.length !== arity || !parsed.every(isKey)) {
    throw invalidField('cursor', 'cursor is not one this list gave out');
  }
  return parsed as KeyValue[];
}

/**
 * Orders `qb` by `keys` (the last key must be unique, e.g. the id), continues after `page.cursor` and fetches
 * one row more than the page so `toPage` knows whether another follows. Sort on NOT NULL columns (or COALESCE
 * them in `expr`): a null key would end the list early.
 */
export function keyset<E extends ObjectLiteral, T = E>(
  qb: SelectQueryBuilder<E>,
  keys: SortKey<T>[],
  page: PageQueryDto,
): SelectQueryBuilder<E> {
  keys.forEach((k, i) => (i === 0 ? qb.orderBy(k.expr, k.dir) : qb.addOrderBy(k.expr, k.dir)));
  if (page.cursor) {
    const values = decode(page.cursor, keys.length);
    // (a, b, c) after (va, vb, vc) = a > va OR (a = va AND (b > vb OR (b = vb AND c > vc))), each key in its own direction
    const params: Record<string, KeyValue> = {};
    const clause = keys.reduceRight<string>((inner, k, i) => {
      const name = `keyset_${i}`;
      params[name] = values[i];
      const after = `${k.expr} ${k.dir === 'ASC' ? '>' : '<'} :${name}`;
      return inner ? `(${after} OR (${k.expr} = :${name} AND ${inner}))` : `(${after})`;
    }, '');
    qb.andWhere(clause, params);
  }
  return qb.take((page.limit ?? PAGE_DEFAULT) + 1);
}

/** The page out of the rows `keyset` fetched (one more than the limit when another page follows). */
export function toPage<T>(rows: T[], keys: SortKey<T>[], page: PageQueryDto): Page<T> {
  const limit = page.limit ?? PAGE_DEFAULT;
  if (rows.length <= limit) return { items: rows };
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, next: encode(keys.map((k) => k.of(last))) };
}

/**
 * A page of a list computed in memory (e.g. merged from several tables), in `keys` order after `page.cursor`:
 * the same cursors and answers as `keyset` + `toPage` give for a query.
 */
export function pageOf<T>(rows: T[], keys: SortKey<T>[], page: PageQueryDto): Page<T> {
  const compare = (x: KeyValue[], y: KeyValue[]) => {
    for (let i = 0; i < keys.length; i++) {
      const order = x[i] < y[i] ? -1 : x[i] > y[i] ? 1 : 0;
      if (order) return keys[i].dir === 'ASC' ? order : -order;
    }
    return 0;
  };
  const keyed = rows.map((row) => ({ row, key: keys.map((k) => k.of(row)) })).sort((a, b) => compare(a.key, b.key));
  const after = page.cursor ? decode(page.cursor, keys.length) : undefined;
  const rest = after ? keyed.filter((r) => compare(r.key, after) > 0) : keyed;
  return toPage(
    rest.slice(0, (page.limit ?? PAGE_DEFAULT) + 1).map((r) => r.row),
    keys,
    page,
  );
}

/** Puts the next page's address on the answer (Link rel=next and X-Next-Cursor) and gives the rows to return. */
export function sendPage<T>(req: Request, res: Response, page: Page<T>): T[] {
  if (page.next) {
    const url = new URL(req.originalUrl, 'http://local');
    url.searchParams.set('cursor', page.next);
    res.setHeader('Link', `<${url.pathname}${url.search}>; rel="next"`);
    res.setHeader('X-Next-Cursor', page.next);
  }
  return page.items;
}
