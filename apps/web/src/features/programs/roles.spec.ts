import { PERMISSIONS, PROGRAM_ROLES, type UserDto } from '@echo-hub/protocol';
import { describe, expect, it } from 'vitest';
import { canManage, userCan } from './roles';

const user = (isAdmin: boolean): UserDto => ({
  id: 'u1',
  email: 'u1@example.org',
  displayName: 'U1',
  isAdmin,
  createdAt: '2026-01-01T00:00:00.000Z',
});

describe('the web asks the permission table', () => {
  it('offers what the table grants each role, everything to an admin, nothing to a non-member or signed-out', () => {
    for (const permission of Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]) {
      for (const role of PROGRAM_ROLES) {
        const granted = (PERMISSIONS[permission] as readonly string[]).includes(role);
        expect([permission, role, userCan(role, user(false), permission)]).toEqual([permission, role, granted]);
      }
      expect(userCan(null, user(true), permission)).toBe(true);
      expect(userCan(null, user(false), permission)).toBe(false);
      expect(userCan('facilitator', null, permission)).toBe(false);
      expect(userCan('not-a-role', user(false), permission)).toBe(false);
    }
  });

  it('lets those who manage the program manage it', () => {
    expect(PROGRAM_ROLES.filter((r) => canManage(r, user(false)))).toEqual(['facilitator', 'coordinator']);
  });
});
