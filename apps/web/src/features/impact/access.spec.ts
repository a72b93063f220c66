import { ProgramRole, type UserDto } from '@echo-hub/protocol';
import { describe, expect, it } from 'vitest';
import { canReadImpact } from './access';

const user = (isAdmin: boolean) => ({ id: 'u1', isAdmin }) as UserDto;

describe('who sees a programme’s impact link', () => {
  it('is the hub team and admins, as the server’s impact.read', () => {
    expect(canReadImpact(ProgramRole.Facilitator, user(false))).toBe(true);
    expect(canReadImpact(ProgramRole.Coordinator, user(false))).toBe(true);
    expect(canReadImpact(ProgramRole.Expert, user(false))).toBe(true);
    expect(canReadImpact(ProgramRole.Participant, user(false))).toBe(false);
    expect(canReadImpact(null, user(false))).toBe(false);
    expect(canReadImpact(null, user(true))).toBe(true);
    expect(canReadImpact(ProgramRole.Participant, null)).toBe(false);
  });
});
