const pad = (n: number) => String(n).padStart(2, '0');

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

let zones: string[] | null = null;

/** IANA zones for a select, always including the browser's own and UTC. */
export function timeZones(): string[] {
  zones ??= [...new Set([...Intl.supportedValuesOf('timeZone'), browserTimeZone(), 'UTC'])].sort();
  return zones;
}

/** A local calendar date as YYYY-MM-DD (for date inputs and day keys). */
export function dateKey(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Minutes east of UTC that `timeZone` is at `instant`. */
function offsetMinutes(timeZone: string, instant: Date): number {
  const name =
    new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
      .formatToParts(instant)
      .find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /([+-])(\d{2}):?(\d{2})?/.exec(name);
  if (!match) return 0;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3] ?? 0));
}

/** Wall-clock date (YYYY-MM-DD) and time (HH:mm) in `timeZone` as ISO 8601 with that zone's offset. */
export function zonedIso(date: string, time: string, timeZone: string): string {
  const [year, month, day] = date.split('-').map(Number);
  const [hours, minutes] = time.split(':').map(Number);
  const wall = Date.UTC(year, month - 1, day, hours, minutes);
  // The offset at the wall time read as UTC is close; asking again at the corrected instant settles DST edges.
  const guess = offsetMinutes(timeZone, new Date(wall));
  const offset = offsetMinutes(timeZone, new Date(wall - guess * 60_000));
  const abs = Math.abs(offset);
  return `${date}T${time}:00${offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

const dateTime: Intl.DateTimeFormatOptions = {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
};

/** "Tue 14 Oct 2025, 14:00 – 15:30", in the viewer's zone or the given one. */
export function formatRange(startsAt: string, endsAt: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(undefined, { ...dateTime, timeZone }).formatRange(
    new Date(startsAt),
    new Date(endsAt),
  );
}

export function formatTime(iso: string): string {
  return new Date(iso).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}

export function formatDate(iso: string): string {
  return new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'long', year: 'numeric' });
}
