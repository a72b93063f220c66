import { can } from '@echo-hub/protocol';
import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { isUUID } from 'class-validator';
import { ACCESS_RULE, type AccessRule } from './access.decorators';
import { AuthError, forbidden } from './auth.errors';
import { AuthService } from './auth.service';
import type { AuthenticatedRequest } from './auth.types';
import { ProgramMemberships } from './program-memberships';
import { ProgramScopes } from './program-scope';

/** The one global guard: authenticates the bearer token, then applies the route's access rule. */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly scopes: ProgramScopes,
    private readonly memberships: ProgramMemberships,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (ctx.getType() !== 'http') return true;
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      ctx.getHandler(),
      ctx.getClass(),
    ]);
    if (rule?.kind === 'public') return true;

    const req = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
    req.user = await this.auth.authenticate(req.headers.authorization);
    if (!rule) throw forbidden(AuthError.NoAccessRule, 'This route has no access rule');
    if (rule.kind === 'signedIn') return true;
    if (rule.kind === 'admin') {
      if (!req.user.isAdmin) throw forbidden(AuthError.AdminOnly, 'Only an instance admin may do this');
      return true;
    }

    const id = typeof req.params.id === 'string' ? req.params.id : undefined;
    // On a program's own routes a member's role proves the program exists (a membership references it): one
    // query instead of two on every member's request; the existence check (404) is left for non-members.
    let role =
      rule.scope === 'program' && id && isUUID(id) ? await this.memberships.roleOf(id, req.user.id) : undefined;
    const programId = role && id ? id : await this.scopes.programIdOf(rule.scope, id);
    if (role === undefined) role = await this.memberships.roleOf(programId, req.user.id);
    req.program = { id: programId, role };
    if (req.user.isAdmin) return true;
    if (!role) throw forbidden(AuthError.NotMember, 'You are not a member of this program');
    if (!can({ role, isAdmin: false }, rule.permission)) {
      throw forbidden(AuthError.RoleNotAllowed, `A ${role} may not do this (${rule.permission})`);
    }
    return true;
  }
}
