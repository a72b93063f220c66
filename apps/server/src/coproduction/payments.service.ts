import type { CoproductionPaymentDto, PaymentStatus } from '@echo-hub/protocol';
import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth.types';
import { csvDocument } from '../common/csv';
import { invalidField, notFound } from '../common/domain-error';
import type { Page, PageQueryDto } from '../common/page';
import { CoproductionRecords } from './coproduction.records';
import type { RecordPaymentDto } from './dto/coproduction.dto';
import type { CoproductionPayment } from './entities/coproduction-payment.entity';

const toMinor = (amount: number) => Math.round(amount * 100);
const fromMinor = (minor: number) => minor / 100;

/** Payments for people's time and their expenses, recorded by the program's managers and exported for finance. */
@Injectable()
export class PaymentsService {
  constructor(private readonly records: CoproductionRecords) {}

  async list(programId: string, page: PageQueryDto): Promise<Page<CoproductionPaymentDto>> {
    const { items, next } = await this.records.payments(programId, page);
    return { items: await this.dtos(items), next };
  }

  async record(programId: string, body: RecordPaymentDto, by: AuthUser): Promise<CoproductionPaymentDto> {
    if (!(await this.records.membership(programId, body.userId))) {
      throw invalidField('userId', 'must be a member of the program');
    }
    if (body.sessionId) {
      const session = await this.records.session(body.sessionId);
      if (!session || session.programId !== programId) throw invalidField('sessionId', 'not a session of this program');
    } else if (!body.activity) {
      throw invalidField('activity', 'give the sessionId it is for, or name the activity');
    }
    const saved = await this.records.addPayment({
      programId,
      userId: body.userId,
      sessionId: body.sessionId ?? null,
      activity: body.activity ?? '',
      date: body.date,
      hours: body.hours,
      amountMinor: toMinor(body.amount),
      currency: body.currency,
      kind: body.kind,
      status: body.status ?? 'pending',
      note: body.note ?? '',
      recordedBy: by.id,
    });
    return (await this.dtos([saved]))[0];
  }

  async setStatus(programId: string, paymentId: string, status: PaymentStatus): Promise<CoproductionPaymentDto> {
    const payment = await this.records.payment(programId, paymentId);
    if (!payment) throw notFound(`payment ${paymentId}`);
    payment.status = status;
    return (await this.dtos([await this.records.savePayment(payment)]))[0];
  }

  /** For finance: one row per payment or expense claim, oldest first, cells safe from formula injection. */
  async csv(programId: string, from?: string, to?: string): Promise<string> {
    if (from && to && to < from) throw invalidField('to', 'the period ends on or after the day it starts');
    const rows = await this.dtos(await this.records.paymentsBetween(programId, from, to));
    const members = await this.records.members(
      programId,
      rows.map((r) => r.userId),
    );
    return csvDocument(
      [
        'date',
        'person',
        'email',
        'participation_type',
        'session_or_activity',
        'kind',
        'hours',
        'amount',
        'currency',
        'status',
        'note',
        'payment_id',
      ],
      rows.map((r) => [
        r.date,
        r.displayName,
        members.get(r.userId)?.user?.email ?? '',
        members.get(r.userId)?.participationType ?? '',
        r.sessionTitle ?? r.activity,
        r.kind,
        r.hours,
        r.amount.toFixed(2),
        r.currency,
        r.status,
        r.note,
        r.id,
      ]),
    );
  }

  private async dtos(rows: CoproductionPayment[]): Promise<CoproductionPaymentDto[]> {
    const users = await this.records.users(rows.map((r) => r.userId));
    const titles = await this.records.sessionTitles(rows.flatMap((r) => (r.sessionId ? [r.sessionId] : [])));
    return rows.map((r) => ({
      id: r.id,
      userId: r.userId,
      displayName: users.get(r.userId)?.displayName ?? 'Former account',
      sessionId: r.sessionId,
      sessionTitle: r.sessionId ? (titles.get(r.sessionId) ?? null) : null,
      activity: r.activity,
      date: r.date,
      hours: r.hours,
      amount: fromMinor(r.amountMinor),
      currency: r.currency,
      kind: r.kind,
      status: r.status,
      note: r.note,
      recordedBy: r.recordedBy,
      createdAt: r.createdAt,
    }));
  }
}
