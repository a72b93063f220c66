import { ProgramRole } from './auth';
import { can, type Permission, PERMISSIONS } from './permissions';

const roles = Object.values(ProgramRole);
const permissions = Object.keys(PERMISSIONS) as Permission[];
const holders = (role: ProgramRole) => permissions.filter((p) => can({ role, isAdmin: false }, p));

describe('the permission table', () => {
  it('lets an instance admin do everything, member or not', () => {
    for (const p of permissions) {
      expect(can({ role: null, isAdmin: true }, p)).toBe(true);
      expect(can({ role: 'participant', isAdmin: true }, p)).toBe(true);
    }
  });

  it('lets someone who is not a member of the program do nothing', () => {
    expect(permissions.filter((p) => can({ role: null, isAdmin: false }, p))).toEqual([]);
  });

  it('names only program roles, each at most once', () => {
    for (const p of permissions) {
      expect(PERMISSIONS[p].every((r) => roles.includes(r))).toBe(true);
      expect(new Set(PERMISSIONS[p]).size).toBe(PERMISSIONS[p].length);
    }
  });

  it('gives a facilitator every permission', () => {
    expect(holders('facilitator')).toEqual(permissions);
  });

  it('keeps management to the hub managers: a participant reads, submits cases and posts', () => {
    expect(holders('participant')).toEqual([
      'program.read',
      'members.read',
      'sessions.read',
      'cases.submit',
      'community.read',
      'community.post',
      'community.moderate',
      // issue 20 A: answer the self-assessment, read its results and the plan, log their own exchanges.
      'assessment.read',
      'assessment.answer',
      'exchanges.read',
      'exchanges.log',
      // issue 20: see who co-facilitates (roles on sessions and in groups).
      'coproduction.read',
    ]);
  });

  it('keeps payments and accessibility needs to the hub managers (issue 20)', () => {
    for (const role of ['participant', 'expert'] as const) {
      expect(holders(role)).not.toEqual(expect.arrayContaining(['payments.manage']));
      expect(holders(role)).not.toContain('accessibility.read');
      expect(holders(role)).not.toContain('coproduction.manage');
    }
    for (const role of ['facilitator', 'coordinator'] as const) {
      expect(holders(role)).toEqual(
        expect.arrayContaining(['payments.manage', 'accessibility.read', 'coproduction.manage']),
      );
    }
  });

  it('lets an expert recommend and write live notes, but not run the room or manage cases', () => {
    const expert = holders('expert');
    expect(expert).toEqual(expect.arrayContaining(['cases.recommend', 'live.write-notes', 'live.join-closed']));
    expect(expert).not.toEqual(expect.arrayContaining(['live.host']));
    expect(expert).not.toContain('cases.manage');
    expect(expert).not.toContain('attendance.read');
  });

  it('lets a coordinator run the room and manage, but not write recommendations on a case', () => {
    const coordinator = holders('coordinator');
    expect(coordinator).toEqual(expect.arrayContaining(['live.host', 'cases.manage', 'attendance.read']));
    expect(coordinator).not.toContain('cases.recommend');
  });
});
