import type { AgendaItemDto, MemberDto, SessionDto } from '@echo-hub/protocol';
import { type FormEvent, useState } from 'react';
import { ErrorAlert, FormError, Loading } from '../../../components/Status';
import { useAction } from '../../../lib/useAction';
import { useResource } from '../../../lib/useResource';
import { SlotPolls } from '../../polls';
import { listMembers } from '../../programs';
import { agendaFieldPaths, slotsFromAgenda, toAgendaInput } from '../agenda';
import { replaceAgenda } from '../api/sessions';
import { AgendaEditor } from './AgendaEditor';
import { AgendaView } from './AgendaView';
import { SlidesUpload } from './SlidesUpload';

interface AgendaManagerProps {
  session: SessionDto;
  onSessionChange: (session: SessionDto) => void;
}

/** The agenda editor for managers. Members are loaded first: the agenda names presenters but not their emails. */
export function AgendaManager({ session, onSessionChange }: AgendaManagerProps) {
  const members = useResource(`members:${session.programId}`, () => listMembers(session.programId));
  if (members.status === 'loading') return <Loading>Loading the agenda editor…</Loading>;
  if (members.status === 'error')
    return (
      <>
        <ErrorAlert error={members.error} />
        <AgendaView agenda={session.agenda} />
      </>
    );
  return <AgendaForm session={session} members={members.data} onSessionChange={onSessionChange} />;
}

function AgendaForm({ session, members, onSessionChange }: AgendaManagerProps & { members: MemberDto[] }) {
  const emailOf = (userId: string) => members.find((m) => m.user.id === userId)?.user.email ?? undefined;
  const [slots, setSlots] = useState(() => slotsFromAgenda(session.agenda, emailOf));
  const [saved, setSaved] = useState(false);
  const action = useAction();
  const savedInput = JSON.stringify(toAgendaInput(slotsFromAgenda(session.agenda, emailOf)));
  const dirty = JSON.stringify(toAgendaInput(slots)) !== savedInput;

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setSaved(false);
    void action.run(async () => {
      const next = await replaceAgenda(session.id, toAgendaInput(slots));
      onSessionChange(next);
      setSlots(slotsFromAgenda(next.agenda, emailOf));
      setSaved(true);
    });
  };

  const onUploaded = (item: AgendaItemDto) => {
    onSessionChange({ ...session, agenda: session.agenda.map((i) => (i.id === item.id ? item : i)) });
    setSlots((current) => current.map((slot) => (slot.item?.id === item.id ? { ...slot, item } : slot)));
  };

  return (
    <form className="form card" onSubmit={onSubmit} aria-label="Agenda" noValidate>
      <FormError error={action.error} fields={agendaFieldPaths('items', slots)} />
      <AgendaEditor
        slots={slots}
        onChange={(next) => {
          setSaved(false);
          setSlots(next);
        }}
        durationMinutes={session.durationMinutes}
        fieldError={action.fieldError}
        errorPrefix="items"
        presenterEmails={members.flatMap((m) => (m.user.email ? [m.user.email] : []))}
        renderSlotExtra={(slot, label) => (
          <>
            {slot.kind === 'didactic' &&
              (slot.item ? (
                <SlidesUpload
                  sessionId={session.id}
                  item={slot.item}
                  slotLabel={label}
                  disabled={dirty}
                  onUploaded={onUploaded}
                />
              ) : (
                <p className="hint">Save the agenda, then upload slides for this slot.</p>
              ))}
            {slot.item && <SlotPolls sessionId={session.id} agendaItemId={slot.item.id} slotLabel={label} />}
          </>
        )}
      />
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={action.pending}>
          Save agenda
        </button>
        <p role="status" className="hint">
          {saved ? 'Agenda saved.' : dirty ? 'Unsaved changes.' : ''}
        </p>
      </div>
    </form>
  );
}
