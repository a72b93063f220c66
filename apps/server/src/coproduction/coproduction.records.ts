import type { CoproductionRole } from '@echo-hub/protocol';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type DeepPartial, In, IsNull, Not } from 'typeorm';
import { User } from '../auth/entities/user.entity';
import { type PageQueryDto, type SortKey, keyset, toPage, type Page } from '../common/page';
import { Membership } from '../programs/entities/membership.entity';
import { Registration } from '../registration';
import { EchoSession } from '../sessions';
import { CoproductionPayment } from './entities/coproduction-payment.entity';
import { CoproductionRoleEntity } from './entities/coproduction-role.entity';

/** The tables the impact report's co-production figures read. */
export const FIGURE_INPUTS = [CoproductionRoleEntity, Membership];

/** Where a role is held: a session or a community group. */
export type RolePlace = { sessionId: string } | { groupId: string };

/** Payments newest day first, then newest recorded (the id keeps the order total). */
export const PAYMENT_ORDER: SortKey<CoproductionPayment>[] = [
  { expr: 'payment.date', dir: 'DESC', of: (p) => p.date },
  { expr: 'payment.createdAt', dir: 'DESC', of: (p) => p.createdAt },
  { expr: 'payment.id', dir: 'DESC', of: (p) => p.id },
];

/** The co-production feature's queries: roles, payments, and the memberships and registrations they read. */
@Injectable()
export class CoproductionRecords {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  session(id: string): Promise<EchoSession | null> {
    return this.db.getRepository(EchoSession).findOneBy({ id });
  }

  membership(programId: string, userId: string): Promise<Membership | null> {
    return this.db.getRepository(Membership).findOne({ where: { programId, userId }, relations: { user: true } });
  }

  /** The program's members by user id, with their accounts. */
  async members(programId: string, userIds?: string[]): Promise<Map<string, Membership>> {
    const rows = await this.db.getRepository(Membership).find({
      where: { programId, ...(userIds && { userId: In(userIds) }) },
      relations: { user: true },
    });
    return new Map(rows.map((m) => [m.userId, m]));
  }

  /** The roles held on a session or in a group, first assigned first. */
  roles(place: RolePlace): Promise<CoproductionRoleEntity[]> {
    return this.db
      .getRepository(CoproductionRoleEntity)
      .find({ where: place, relations: { user: true }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** Roles on any of these sessions. */
  async sessionRoles(sessionIds: string[]): Promise<CoproductionRoleEntity[]> {
    const rows: CoproductionRoleEntity[] = [];
    // In chunks: SQLite bounds the number of parameters in one statement.
    for (let i = 0; i < sessionIds.length; i += 500) {
      rows.push(
        ...(await this.db
          .getRepository(CoproductionRoleEntity)
          .findBy({ sessionId: In(sessionIds.slice(i, i + 500)) })),
      );
    }
    return rows;
  }

  /** Roles held in the program's community groups. */
  groupRoles(programId: string): Promise<CoproductionRoleEntity[]> {
    return this.db.getRepository(CoproductionRoleEntity).findBy({ programId, groupId: Not(IsNull()) });
  }

  /** Gives `userId` the role at `place` (replacing the one they had there). */
  async assign(
    row: { programId: string; userId: string; role: CoproductionRole; assignedBy: string },
    place: RolePlace,
  ): Promise<void> {
    const repo = this.db.getRepository(CoproductionRoleEntity);
    const existing = await repo.findOneBy({ ...place, userId: row.userId });
    await repo.save(
      existing
        ? repo.merge(existing, { role: row.role, assignedBy: row.assignedBy })
        : repo.create({ sessionId: null, groupId: null, ...row, ...place }),
    );
  }

  /** Whether a role was there to take away. */
  async unassign(place: RolePlace, userId: string): Promise<boolean> {
    return Boolean((await this.db.getRepository(CoproductionRoleEntity).delete({ ...place, userId })).affected);
  }

  addPayment(payment: DeepPartial<CoproductionPayment>): Promise<CoproductionPayment> {
    const repo = this.db.getRepository(CoproductionPayment);
    return repo.save(repo.create(payment));
  }

  payment(programId: string, id: string): Promise<CoproductionPayment | null> {
    return this.db.getRepository(CoproductionPayment).findOneBy({ programId, id });
  }

  savePayment(payment: CoproductionPayment): Promise<CoproductionPayment> {
    return this.db.getRepository(CoproductionPayment).save(payment);
  }

  /** One page of a program's payments, newest first. */
  async payments(programId: string, page: PageQueryDto): Promise<Page<CoproductionPayment>> {
    const qb = this.db
      .getRepository(CoproductionPayment)
      .createQueryBuilder('payment')
      .where('payment.programId = :programId', { programId });
    return toPage(await keyset(qb, PAYMENT_ORDER, page).getMany(), PAYMENT_ORDER, page);
  }

  /** Every payment of a program in a period (for the finance export), oldest day first. */
  paymentsBetween(programId: string, from?: string, to?: string): Promise<CoproductionPayment[]> {
    const qb = this.db
      .getRepository(CoproductionPayment)
      .createQueryBuilder('payment')
      .where('payment.programId = :programId', { programId });
    if (from) qb.andWhere('payment.date >= :from', { from });
    if (to) qb.andWhere('payment.date <= :to', { to });
    return qb.orderBy('payment.date', 'ASC').addOrderBy('payment.createdAt', 'ASC').addOrderBy('payment.id').getMany();
  }

  async users(ids: string[]): Promise<Map<string, User>> {
    const unique = [...new Set(ids)];
    const rows = unique.length ? await this.db.getRepository(User).findBy({ id: In(unique) }) : [];
    return new Map(rows.map((u) => [u.id, u]));
  }

  async sessionTitles(ids: string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    const rows = unique.length
      ? await this.db.getRepository(EchoSession).find({ where: { id: In(unique) }, select: ['id', 'title'] })
      : [];
    return new Map(rows.map((s) => [s.id, s.title]));
  }

  /** The accessibility needs people gave when they registered for the program, by (lower-case) e-mail, latest first. */
  async accessibilityNeeds(programId: string): Promise<Map<string, string>> {
    const rows = await this.db.getRepository(Registration).find({
      where: { programId, accessibilityNeeds: Not('') },
      order: { createdAt: 'ASC' },
    });
    // Oldest first, so the latest registration of an address wins.
    return new Map(rows.map((r) => [r.email.toLowerCase(), r.accessibilityNeeds]));
  }
}
