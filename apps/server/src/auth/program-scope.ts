import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isUUID } from 'class-validator';
import type { ScopeKind } from './access.decorators';

/** How a kind of route finds the program it belongs to, from its `:id` parameter (undefined: no such thing). */
export type ScopeResolver = (db: DataSource, id: string) => Promise<string | undefined>;

/**
 * The resolvers of every resource scope. Each module registers the kinds it owns (programs: `program`, cases:
 * `case`, community: `group`, `thread`, ...) from its module, so the guard never imports a feature.
 */
@Injectable()
export class ProgramScopes {
  private readonly resolvers = new Map<ScopeKind, ScopeResolver>();

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  register(kind: ScopeKind, resolver: ScopeResolver): void {
    if (this.resolvers.has(kind)) throw new Error(`program scope ${kind} is registered twice`);
    this.resolvers.set(kind, resolver);
  }

  /** The program id a scoped route acts on: 400 for a malformed id, 404 for an unknown one. */
  async programIdOf(kind: ScopeKind, id: string | undefined): Promise<string> {
    const resolver = this.resolvers.get(kind);
    if (!resolver) throw new Error(`no feature registered the program scope ${kind}`);
    if (!id || !isUUID(id)) throw new BadRequestException({ error: 'VALIDATION_FAILED', message: 'id must be a UUID' });
    const programId = await resolver(this.db, id);
    if (!programId) throw new NotFoundException({ error: 'NOT_FOUND', message: `${kind} ${id} not found` });
    return programId;
  }
}
