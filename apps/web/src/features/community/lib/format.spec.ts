import { describe, expect, it } from 'vitest';
import { ago, plural } from './format';

const now = Date.parse('2025-10-14T12:00:00Z');
const before = (seconds: number) => new Date(now - seconds * 1000).toISOString();

describe('short times for posts', () => {
  it('says how long ago, in steps people read at a glance', () => {
    expect(ago(before(10), now)).toBe('just now');
    expect(ago(before(44), now)).toBe('just now');
    expect(ago(before(50), now)).toBe('1 min ago');
    expect(ago(before(59 * 60), now)).toBe('59 min ago');
    expect(ago(before(60 * 60), now)).toBe('1 h ago');
    expect(ago(before(23 * 3600), now)).toBe('23 h ago');
    expect(ago(before(24 * 3600), now)).toBe('yesterday');
    expect(ago(before(3 * 86400), now)).toBe('3 days ago');
    expect(ago(before(6 * 86400), now)).toBe('6 days ago');
  });

  it('gives the date, with its year, for anything older than a week', () => {
    const text = ago('2024-02-03T10:00:00Z', now);
    expect(text).not.toMatch(/ago|yesterday/);
    expect(text).toContain('2024');
    expect(text).toContain('3');
  });

  it('counts things', () => {
    expect(plural(1, 'reply', 'replies')).toBe('1 reply');
    expect(plural(0, 'reply', 'replies')).toBe('0 replies');
    expect(plural(2, 'post')).toBe('2 posts');
  });
});
