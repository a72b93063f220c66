import type { ProgramRole } from '@echo-hub/protocol';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type DeepPartial, IsNull } from 'typeorm';
import { User } from '../auth/entities/user.entity';
import { keyset, type Page, type PageQueryDto, type SortKey, toPage } from '../common/page';
import { Invitation } from './entities/invitation.entity';
import { Membership } from './entities/membership.entity';
import { Program } from './entities/program.entity';
import { Site } from './entities/site.entity';

/** A program's members by name (the membership id breaks ties): the keys of its pages. */
const MEMBER_KEYS: SortKey<Membership>[] = [
  { expr: 'u.displayName', dir: 'ASC', of: (m) => m.user?.displayName ?? '' },
  { expr: 'm.id', dir: 'ASC', of: (m) => m.id },
];

/** The programs feature's data access: every query it makes is here, so PostgreSQL specifics have one home. */
@Injectable()
export class ProgramRecords {
  private readonly programs;
  private readonly sites;
  private readonly members;
  private readonly invitations;

  constructor(@InjectDataSource() private readonly db: DataSource) {
    this.programs = db.getRepository(Program);
    this.sites = db.getRepository(Site);
    this.members = db.getRepository(Membership);
    this.invitations = db.getRepository(Invitation);
  }

  // ---- programs ----

  /** Every program, by name. */
  allPrograms(): Promise<Program[]> {
    return this.programs.find({ order: { name: 'ASC' } });
  }

  /** These programs, by name. */
  programsByIds(ids: string[]): Promise<Program[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.programs.find({ where: ids.map((id) => ({ id })), order: { name: 'ASC' } });
  }

  async programExists(id: string): Promise<string | undefined> {
    return (await this.programs.findOne({ where: { id }, select: ['id'] }))?.id;
  }

  programOrFail(id: string): Promise<Program> {
    return this.programs.findOneByOrFail({ id });
  }

  addProgram(row: DeepPartial<Program>): Promise<Program> {
    return this.programs.save(this.programs.create(row));
  }

  async updateProgram(id: string, patch: Partial<Program>): Promise<void> {
    await this.programs.update({ id }, patch);
  }

  /** Deletes the program (its rows cascade); false when there was none. */
  async removeProgram(id: string): Promise<boolean> {
    return !!(await this.programs.delete({ id })).affected;
  }

  // ---- sites ----

  sitesOf(programId: string): Promise<Site[]> {
    return this.sites.find({ where: { programId }, order: { organisation: 'ASC' } });
  }

  addSite(row: DeepPartial<Site>): Promise<Site> {
    return this.sites.save(this.sites.create(row));
  }

  hasSite(programId: string, id: string): Promise<boolean> {
    return this.sites.exist({ where: { id, programId } });
  }

  // ---- members ----

  membershipsOf(userId: string): Promise<Membership[]> {
    return this.members.find({ where: { userId } });
  }

  /** The person's role in the program (null: not a member). */
  async roleOf(programId: string, userId: string): Promise<ProgramRole | null> {
    return (await this.members.findOne({ where: { programId, userId }, select: ['role'] }))?.role ?? null;
  }

  /** The programs the person belongs to, with their role, first joined first. */
  async programsOf(userId: string): Promise<{ programId: string; programName: string; role: ProgramRole }[]> {
    const rows = await this.members.find({
      where: { userId },
      relations: { program: true },
      order: { createdAt: 'ASC' },
    });
    return rows.map((m) => ({ programId: m.programId, programName: m.program?.name ?? '', role: m.role }));
  }

  /** A page of the program's members with their accounts, by name. */
  async memberPage(programId: string, page: PageQueryDto): Promise<Page<Membership>> {
    const qb = this.members
      .createQueryBuilder('m')
      .innerJoinAndSelect('m.user', 'u')
      .where('m.programId = :programId', { programId });
    const q = keyset(qb, MEMBER_KEYS, page);
    // One account per membership: a plain LIMIT is exact, where take() sends a DISTINCT query before the page's.
    return toPage(await q.limit(q.expressionMap.take).take(undefined).getMany(), MEMBER_KEYS, page);
  }

  membersOnly(programId: string): Promise<Membership[]> {
    return this.members.findBy({ programId });
  }

  membership(programId: string, userId: string): Promise<Membership | null> {
    return this.members.findOneBy({ programId, userId });
  }

  /** The member (by membership id) in this program, with their account when asked. */
  member(programId: string, id: string, withUser = false): Promise<Membership | null> {
    return this.members.findOne({ where: { id, programId }, relations: { user: withUser } });
  }

  addMember(row: DeepPartial<Membership>): Promise<Membership> {
    return this.members.save(this.members.create(row));
  }

  saveMember(member: Membership): Promise<Membership> {
    return this.members.save(member);
  }

  /** Deletes the membership; false when there was none. */
  async removeMember(programId: string, id: string): Promise<boolean> {
    return !!(await this.members.delete({ id, programId })).affected;
  }

  // ---- accounts and invitations ----

  userByEmail(email: string): Promise<User | null> {
    return this.db.getRepository(User).findOne({ where: { email } });
  }

  userOrFail(id: string): Promise<User> {
    return this.db.getRepository(User).findOneByOrFail({ id });
  }

  addInvitation(row: DeepPartial<Invitation>): Promise<Invitation> {
    return this.invitations.save(this.invitations.create(row));
  }

  invitationsOf(programId: string): Promise<Invitation[]> {
    return this.invitations.find({ where: { programId }, order: { createdAt: 'DESC' } });
  }

  /** The invitation with this token hash not yet accepted. */
  openInvitation(tokenHash: string): Promise<Invitation | null> {
    return this.invitations.findOne({ where: { tokenHash, acceptedAt: IsNull() } });
  }

  async markAccepted(id: string, at: string): Promise<void> {
    await this.invitations.update({ id }, { acceptedAt: at });
  }
}
