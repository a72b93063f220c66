import type { AgendaItemDto, LivePhase } from '@echo-hub/protocol';

export const PHASE_LABELS: Record<LivePhase, string> = {
  lobby: 'Lobby',
  introductions: 'Introductions',
  didactic: 'Didactic',
  cases: 'Case presentations',
  'wrap-up': 'Wrap-up',
  ended: 'Ended',
};

/** 1st, 2nd, 3rd, 4th … 11th, 12th, 13th … 21st. */
export function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** Up to two initials for an avatar ("Amina Okafor" → "AO"). */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  return letters.map((w) => w[0]?.toUpperCase() ?? '').join('') || '?';
}

/** 125 → "2:05", 3725 → "1:02:05" (absolute value: the caller says "over"). */
export function clock(totalSeconds: number): string {
  const s = Math.abs(Math.trunc(totalSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

/** How an agenda slot is called in the header and the facilitator's running order. */
export function slotLabel(item: AgendaItemDto, index: number, agenda: AgendaItemDto[]): string {
  if (item.kind === 'didactic') return `Didactic: ${item.title}`;
  return item.title || `Case ${agenda.slice(0, index + 1).filter((i) => i.kind === 'case').length}`;
}

export type TextPart = { text: string; href?: undefined } | { text: string; href: string };

const URL_PATTERN = /https?:\/\/[^\s<>"']+/gi;
const TRAILING = /[.,;:!?)\]}'"]+$/;

/** Splits chat text into plain parts and links: only well-formed http(s) URLs become links. */
export function linkify(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const raw = match[0].replace(TRAILING, '');
    const start = match.index;
    let href: string | null = null;
    try {
      const url = new URL(raw);
      if (url.protocol === 'http:' || url.protocol === 'https:') href = url.href;
    } catch {
      href = null;
    }
    if (!href) continue;
    if (start > last) parts.push({ text: text.slice(last, start) });
    parts.push({ text: raw, href });
    last = start + raw.length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}
