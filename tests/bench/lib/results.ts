/**
 * The bench's headline figures, kept in `tests/bench/results/latest.json` (committed): each with the command
 * that measured it, when, and the machine's load average then. A run updates the figures of the phases it ran;
 * the others keep their last values. The README's performance table is rendered from that file
 * (`npx tsx tests/bench/readme-table.ts`, checked by results.spec.ts), so the two cannot drift.
 */

export interface Figure {
  value: number | null;
  /** How it was measured, to run again. */
  command: string;
  measuredAt: string;
  /** 1, 5 and 15 minute load average when the phase ended (2 cores: above 2 means waiting for CPU). */
  loadAverage: number[];
  /** What explains the value (e.g. other processes' CPU while it ran). */
  note?: string;
}

/** The figures, in the README's order, with what each means and the aim it is held to. */
export const FIGURES = [
  { key: 'gallery.maxParticipants', label: 'Gallery: largest N with hub loss ≤ 1%', unit: '', aim: '≥', target: 150 },
  { key: 'gallery.lossAtMax', label: 'Gallery: hub loss at that N', unit: '%', aim: '≤', target: 1 },
  {
    key: 'gallery.hubOverBareCpu',
    label: 'Gallery: worker CPU hub ÷ bare at that N',
    unit: '',
    aim: '≤',
    target: 1.05,
  },
  {
    key: 'webinar.viewers',
    label: 'Webinar: receive-only viewers across both workers',
    unit: '',
    aim: '≥',
    target: 1000,
  },
  { key: 'webinar.loss', label: 'Webinar: loss at those viewers', unit: '%', aim: '≤', target: 1 },
  {
    key: 'signalling.storm200.p95Ms',
    label: 'Join storm: 200 at once, join-to-ready p95',
    unit: ' ms',
    aim: '≤',
    target: 300,
  },
  {
    key: 'rest.postgres.hotGetReqPerS',
    label: 'REST on PostgreSQL: hot GETs, req/s of the slowest',
    unit: '',
    aim: '≥',
    target: 1000,
  },
  {
    key: 'rest.postgres.hotGetP99Ms',
    label: 'REST on PostgreSQL: hot GETs, p99 of the slowest',
    unit: ' ms',
    aim: '≤',
    target: 50,
  },
] as const;

export type FigureKey = (typeof FIGURES)[number]['key'];
export type Latest = Partial<Record<FigureKey, Figure>>;
type Fresh = Partial<Record<FigureKey, { value: number | null; note?: string }>>;

/** The figures a run measured, merged over the last ones (phases not run keep theirs). */
export function mergeLatest(
  previous: Latest,
  fresh: Fresh,
  at: { command: string; measuredAt: string; loadAverage: number[] },
): Latest {
  const next: Latest = { ...previous };
  for (const { key } of FIGURES) {
    const f = fresh[key];
    if (f) next[key] = { value: f.value, ...at, ...(f.note ? { note: f.note } : {}) };
  }
  return next;
}

/** Whether a value meets its aim (null: not measured). */
export function met(key: FigureKey, value: number | null): boolean | null {
  const figure = FIGURES.find((f) => f.key === key)!;
  if (value === null) return null;
  return figure.aim === '≥' ? value >= figure.target : value <= figure.target;
}

/** 1,234 from 100 up (whole numbers), else two decimals at most (0.95, 1.05, 0.5). */
const number = (v: number) =>
  Math.abs(v) >= 100 ? Math.round(v).toLocaleString('en-GB') : String(Math.round(v * 100) / 100);

/** The README's performance table (Markdown, Prettier's table layout), one row per figure. */
export function renderTable(latest: Latest): string {
  const rows = FIGURES.map(({ key, label, unit, aim, target }) => {
    const f = latest[key];
    const value = f?.value ?? null;
    const ok = met(key, value);
    return [
      label,
      value === null ? 'not measured' : `${number(value)}${unit}`,
      `${aim} ${number(target)}${unit}`,
      ok === null ? '–' : ok ? 'met' : `**short**${f?.note ? `: ${f.note}` : ''}`,
      f ? f.measuredAt.slice(0, 16).replace('T', ' ') : '–',
      f ? f.loadAverage.map((l) => l.toFixed(1)).join(' ') : '–',
      f ? `\`${f.command}\`` : '–',
    ];
  });
  const head = ['figure', 'value', 'aim', 'result', 'measured (UTC)', 'load average', 'command'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export const TABLE_START = '<!-- bench:latest (rendered from tests/bench/results/latest.json) -->';
export const TABLE_END = '<!-- /bench:latest -->';

/** The README with its table replaced by the one rendered from `latest`. */
export function withTable(readme: string, latest: Latest): string {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${TABLE_START} … ${TABLE_END} block`);
  return `${readme.slice(0, start + TABLE_START.length)}\n\n${renderTable(latest)}\n\n${readme.slice(end)}`;
}
