import type { AgendaItemDto, AgendaItemInput, AgendaItemKind } from '@echo-hub/protocol';

/** One slot being edited: text as typed, plus the saved item it came from (for slides). */
export interface AgendaSlot {
  key: string;
  kind: AgendaItemKind;
  title: string;
  presenterEmail: string;
  minutes: string;
  item: AgendaItemDto | null;
}

let lastKey = 0;
const nextKey = () => `slot-${++lastKey}`;

export function newSlot(kind: AgendaItemKind): AgendaSlot {
  return {
    key: nextKey(),
    kind,
    title: '',
    presenterEmail: '',
    minutes: kind === 'didactic' ? '20' : '25',
    item: null,
  };
}

/** Slots for a saved agenda; `emailOf` finds a presenter's email, which the agenda does not carry. */
export function slotsFromAgenda(
  agenda: AgendaItemDto[],
  emailOf: (userId: string) => string | undefined,
): AgendaSlot[] {
  return agenda.map((item) => ({
    key: nextKey(),
    kind: item.kind,
    title: item.title,
    presenterEmail: (item.presenter && emailOf(item.presenter.id)) ?? '',
    minutes: String(item.minutes),
    item,
  }));
}

export function toAgendaInput(slots: AgendaSlot[]): AgendaItemInput[] {
  return slots.map((slot) => {
    const minutes = Number(slot.minutes);
    const title = slot.title.trim();
    if (slot.kind === 'case') return title ? { kind: 'case', minutes, title } : { kind: 'case', minutes };
    const presenterEmail = slot.presenterEmail.trim();
    return presenterEmail ? { kind: 'didactic', title, presenterEmail, minutes } : { kind: 'didactic', title, minutes };
  });
}

export function totalMinutes(slots: AgendaSlot[]): number {
  return slots.reduce((sum, slot) => sum + (Number(slot.minutes) || 0), 0);
}

/** Every field path the server may report for the slots (`items.0.title`), for error summaries. */
export function agendaFieldPaths(prefix: string, slots: AgendaSlot[]): string[] {
  return slots.flatMap((_, i) => ['kind', 'title', 'presenterEmail', 'minutes'].map((f) => `${prefix}.${i}.${f}`));
}
