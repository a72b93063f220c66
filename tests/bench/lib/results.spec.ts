import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { readLatest, readmePath } from '../readme-table';
import { FIGURES, type Latest, mergeLatest, renderTable, TABLE_END, TABLE_START, withTable } from './results';

const at = (measuredAt: string) => ({ command: 'npx tsx tests/bench/run.ts', measuredAt, loadAverage: [1, 2, 3] });

describe('the bench results and the README table', () => {
  it("the README's performance table is the one latest.json gives (npx tsx tests/bench/readme-table.ts)", () => {
    const readme = readFileSync(readmePath, 'utf8');
    expect(withTable(readme, readLatest())).toBe(readme);
  });

  it('every figure in latest.json has its command, date and load average (a missing one shows as not measured)', () => {
    const latest = readLatest();
    expect(Object.keys(latest).every((key) => FIGURES.some((f) => f.key === key))).toBe(true);
    for (const f of Object.values(latest)) {
      expect(f).toEqual(
        expect.objectContaining({
          command: expect.any(String),
          measuredAt: expect.any(String),
          loadAverage: expect.any(Array),
        }),
      );
    }
  });

  it('a run updates the figures of its phases; the others keep their last values', () => {
    const before: Latest = mergeLatest(
      {},
      { 'gallery.maxParticipants': { value: 100 }, 'signalling.storm200.p95Ms': { value: 705 } },
      at('2026-12-01T10:00:00Z'),
    );
    const after = mergeLatest(before, { 'signalling.storm200.p95Ms': { value: 250 } }, at('2026-12-02T10:00:00Z'));
    expect(after['gallery.maxParticipants']).toEqual({ value: 100, ...at('2026-12-01T10:00:00Z') });
    expect(after['signalling.storm200.p95Ms']).toEqual({ value: 250, ...at('2026-12-02T10:00:00Z') });
  });

  it('says which figures fall short of their aim, and why when the run knew', () => {
    const table = renderTable(
      mergeLatest(
        {},
        {
          'signalling.storm200.p95Ms': { value: 705, note: 'others used 160% CPU' },
          'rest.postgres.hotGetReqPerS': { value: 1200 },
        },
        at('2026-12-02T10:00:00Z'),
      ),
    );
    const row = (label: string) => (table.split('\n').find((l) => l.includes(label)) ?? '').replace(/ +/g, ' ');
    expect(row('Join storm')).toContain('705 ms | ≤ 300 ms | **short**: others used 160% CPU');
    expect(row('req/s of the slowest')).toContain('1,200 | ≥ 1,000 | met');
    expect(row('Webinar: receive-only')).toContain('not measured');
  });

  it('refuses a README without the table markers', () => {
    expect(() => withTable('# Readme\n', {})).toThrow(TABLE_START);
    expect(withTable(`a\n${TABLE_START}\nold\n${TABLE_END}\nb\n`, {})).toContain(`${TABLE_START}\n\n| figure`);
  });
});
