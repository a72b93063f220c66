import type { ProgramRole } from '@echo-hub/protocol';
import { Injectable } from '@nestjs/common';

/** What the kernel below programs needs to know of program membership. */
export interface MembershipSource {
  /** The person's role in the program; null when not a member. */
  roleOf(programId: string, userId: string): Promise<ProgramRole | null>;
  /** The programs the person belongs to, with their role, first joined first. */
  programsOf(userId: string): Promise<{ programId: string; programName: string; role: ProgramRole }[]>;
}

/**
 * Program membership as auth sees it (the access guard, /me, the rights sockets re-check): auth declares it, the
 * programs module provides it (programs/programs.module.ts), so auth imports nothing of programs and the kernel
 * has no cycle (programs → auth → realtime).
 */
@Injectable()
export class ProgramMemberships implements MembershipSource {
  private source?: MembershipSource;

  provide(source: MembershipSource): void {
    if (this.source) throw new Error('program memberships are provided twice');
    this.source = source;
  }

  roleOf(programId: string, userId: string): Promise<ProgramRole | null> {
    return this.from().roleOf(programId, userId);
  }

  programsOf(userId: string): ReturnType<MembershipSource['programsOf']> {
    return this.from().programsOf(userId);
  }

  private from(): MembershipSource {
    if (!this.source) throw new Error('no module provided program memberships (the programs module does)');
    return this.source;
  }
}
