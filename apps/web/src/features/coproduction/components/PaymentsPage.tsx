import {
  type CoproductionPaymentDto,
  PAYMENT_KINDS,
  PAYMENT_STATUSES,
  type PaymentKind,
  type PaymentStatus,
} from '@echo-hub/protocol';
import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Field } from '../../../components/Field';
import { ErrorAlert, FormError, LoadFailure, Loading } from '../../../components/Status';
import { useAuth } from '../../../lib/auth';
import { formReader, optional } from '../../../lib/forms';
import { formatDate } from '../../../lib/time';
import { useAction } from '../../../lib/useAction';
import { useResource } from '../../../lib/useResource';
import { canManage, getProgramWithMembers, PARTICIPATION_LABELS } from '../../programs';
import { listSessions } from '../../sessions';
import { downloadPaymentsCsv, listPayments, recordPayment, setPaymentStatus } from '../api/coproduction';

const KIND_LABELS: Record<PaymentKind, string> = { payment: 'Payment for time', expenses: 'Expenses' };
const STATUS_LABELS: Record<PaymentStatus, string> = {
  pending: 'Pending',
  approved: 'Approved',
  paid: 'Paid',
  cancelled: 'Cancelled',
};
const DAY = 86_400_000;
const money = (amount: number, currency: string) =>
  new Intl.NumberFormat('en-GB', { style: 'currency', currency }).format(amount);

/** `/programs/:programId/coproduction`: payments for people's time and their expenses, exported for finance. */
export function PaymentsPage() {
  const { programId = '' } = useParams();
  const { user } = useAuth();
  const overview = useResource(`program-members:${programId}`, () => getProgramWithMembers(programId));
  const [version, setVersion] = useState(0);
  const first = useResource(`payments:${programId}:${version}`, () => listPayments(programId));
  // The sessions of the last year and the next month, newest first, to pay for.
  const sessions = useResource(`payment-sessions:${programId}`, async () =>
    (await listSessions(programId, new Date(Date.now() - 365 * DAY), new Date(Date.now() + 31 * DAY))).reverse(),
  );
  const [more, setMore] = useState<{ items: CoproductionPaymentDto[]; next: string | null } | null>(null);
  const action = useAction();
  const csv = useAction();
  const [done, setDone] = useState('');

  if (overview.status === 'loading') return <Loading>Loading the program…</Loading>;
  if (overview.status === 'error') return <LoadFailure error={overview.error} what="Program" />;
  const { program, members } = overview.data;
  if (!canManage(program.myRole, user)) return <p>Only the programme’s facilitators and coordinators see payments.</p>;

  const refresh = () => {
    setMore(null);
    setVersion((v) => v + 1);
  };
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const field = formReader(form);
    setDone('');
    void action.run(async () => {
      const p = await recordPayment(program.id, {
        userId: field('userId'),
        sessionId: optional(field('sessionId')),
        activity: optional(field('activity')),
        date: field('date'),
        hours: Number(field('hours')),
        amount: Number(field('amount')),
        currency: field('currency').toUpperCase(),
        kind: field('kind') as PaymentKind,
        note: optional(field('note')),
      });
      form.reset();
      setDone(`Recorded: ${p.displayName}, ${money(p.amount, p.currency)}.`);
      refresh();
    });
  };
  const rows = first.status === 'ready' ? [...first.data.items, ...(more?.items ?? [])] : [];
  const next = more ? more.next : first.status === 'ready' ? first.data.next : null;

  return (
    <article className="coproduction">
      <title>{`Payments and expenses · ${program.name} · ECHO Hub`}</title>
      <p className="breadcrumb">
        <Link to={`/programs/${program.id}`}>← {program.name}</Link>
      </p>
      <div className="page-header">
        <h1>Co-production payments and expenses</h1>
        <button
          type="button"
          className="button"
          disabled={csv.pending}
          onClick={() => void csv.run(() => downloadPaymentsCsv(program.id))}
        >
          Download for finance (CSV)
        </button>
      </div>
      {csv.error && <ErrorAlert error={csv.error} />}
      <p className="lede">
        Service users and carers who co-produce sessions and panels are paid for their time or have their expenses met.
        Record each payment or claim here; finance gets one row per record.
      </p>
      <section aria-labelledby="record-title" className="panel">
        <h2 id="record-title">Record a payment or expenses</h2>
        <form className="form" onSubmit={onSubmit} noValidate aria-labelledby="record-title">
          <FormError
            error={action.error}
            fields={['userId', 'sessionId', 'activity', 'date', 'hours', 'amount', 'currency', 'kind']}
          />
          <Field label="Person" error={action.fieldError('userId')}>
            {(p) => (
              <select {...p} name="userId" required>
                {members.map((m) => (
                  <option key={m.user.id} value={m.user.id}>
                    {m.user.displayName} ({PARTICIPATION_LABELS[m.participationType]})
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Kind" error={action.fieldError('kind')}>
            {(p) => (
              <select {...p} name="kind" required>
                {PAYMENT_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {KIND_LABELS[k]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Session" hint="The session it is for, if any." error={action.fieldError('sessionId')}>
            {(p) => (
              <select {...p} name="sessionId">
                <option value="">None: another activity</option>
                {sessions.status === 'ready' &&
                  sessions.data.map((x) => (
                    <option key={x.id} value={x.id}>
                      {formatDate(x.startsAt)}: {x.title}
                    </option>
                  ))}
              </select>
            )}
          </Field>
          <Field
            label="Activity"
            hint="When it is not for a session: what it was for, e.g. an interview panel, a reading group."
            error={action.fieldError('activity')}
          >
            {(p) => <input {...p} name="activity" type="text" maxLength={200} />}
          </Field>
          <Field label="Date" error={action.fieldError('date')}>
            {(p) => <input {...p} name="date" type="date" required />}
          </Field>
          <Field label="Hours" error={action.fieldError('hours')}>
            {(p) => <input {...p} name="hours" type="number" min={0} max={200} step={0.25} required />}
          </Field>
          <Field label="Amount" error={action.fieldError('amount')}>
            {(p) => <input {...p} name="amount" type="number" min={0} step={0.01} required />}
          </Field>
          <Field label="Currency" error={action.fieldError('currency')}>
            {(p) => <input {...p} name="currency" type="text" defaultValue="GBP" maxLength={3} required />}
          </Field>
          <Field label="Note" error={action.fieldError('note')}>
            {(p) => <input {...p} name="note" type="text" maxLength={500} />}
          </Field>
          <div className="actions">
            <button type="submit" className="button" disabled={action.pending}>
              Record
            </button>
          </div>
          <p role="status" className="hint">
            {done}
          </p>
        </form>
      </section>
      <section aria-labelledby="payments-title" className="panel">
        <h2 id="payments-title">Recorded</h2>
        {first.status === 'loading' && <Loading>Loading payments…</Loading>}
        {first.status === 'error' && <ErrorAlert error={first.error} />}
        {first.status === 'ready' && rows.length === 0 && <p>Nothing recorded yet.</p>}
        {rows.length > 0 && (
          <div className="table-wrap" role="region" aria-labelledby="payments-title" tabIndex={0}>
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Person</th>
                  <th scope="col">For</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Hours</th>
                  <th scope="col">Amount</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((p) => (
                  <tr key={p.id}>
                    <td>{formatDate(`${p.date}T12:00:00Z`)}</td>
                    <th scope="row">{p.displayName}</th>
                    <td>{p.sessionTitle ?? p.activity}</td>
                    <td>{KIND_LABELS[p.kind]}</td>
                    <td>{p.hours}</td>
                    <td>{money(p.amount, p.currency)}</td>
                    <td>
                      <select
                        aria-label={`Status of ${p.displayName}’s ${KIND_LABELS[p.kind].toLowerCase()} on ${p.date}`}
                        value={p.status}
                        onChange={(e) =>
                          void action.run(async () => {
                            await setPaymentStatus(program.id, p.id, e.target.value as PaymentStatus);
                            refresh();
                          })
                        }
                      >
                        {PAYMENT_STATUSES.map((s) => (
                          <option key={s} value={s}>
                            {STATUS_LABELS[s]}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {next && (
          <button
            type="button"
            className="button button-small"
            onClick={() =>
              void action.run(async () => {
                const page = await listPayments(program.id, next);
                setMore((m) => ({ items: [...(m?.items ?? []), ...page.items], next: page.next }));
              })
            }
          >
            Show more
          </button>
        )}
      </section>
    </article>
  );
}
