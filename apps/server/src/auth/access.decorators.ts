import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Grantee, Permission, ResourceScope } from '@echo-hub/protocol';
import type { AuthenticatedRequest, AuthUser } from './auth.types';

/**
 * Every route declares who may call it; a route without a rule is refused (default deny).
 * `program` rules name a permission of the one table (PERMISSIONS in libs/protocol) and how the route's program
 * is found (its resource scope: see program-scope.ts).
 */
export type AccessRule =
  | { kind: 'public' }
  | { kind: 'signedIn' }
  | { kind: 'admin' }
  | { kind: 'program'; permission: Permission; scope: ScopeKind };

export type ScopeKind = ResourceScope;

export const ACCESS_RULE = 'echo-hub:access';

/** No token needed (health, docs, register, login, reset, calendar feeds with their own secret). */
export const Public = () => SetMetadata(ACCESS_RULE, { kind: 'public' } satisfies AccessRule);
/** Any signed-in account. */
export const SignedIn = () => SetMetadata(ACCESS_RULE, { kind: 'signedIn' } satisfies AccessRule);
/** Instance admins only. */
export const AdminOnly = () => SetMetadata(ACCESS_RULE, { kind: 'admin' } satisfies AccessRule);
/** Members of the route's program whose role has `permission` (and instance admins). */
export const Access = (permission: Permission, scope: ScopeKind = 'program') =>
  SetMetadata(ACCESS_RULE, { kind: 'program', permission, scope } satisfies AccessRule);

export const CurrentUser = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): AuthUser => ctx.switchToHttp().getRequest<AuthenticatedRequest>().user,
);

/** The caller of a program-scoped route, as the permission table sees them (after the guard ran). */
export const granteeOf = (req: AuthenticatedRequest): Grantee => ({
  role: req.program?.role ?? null,
  isAdmin: req.user.isAdmin,
});
