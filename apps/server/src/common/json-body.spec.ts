import { jsonDepth } from './json-body';

describe('jsonDepth', () => {
  const depth = (text: string, max?: number) => jsonDepth(Buffer.from(text), max);

  it('counts nested arrays and objects', () => {
    expect(depth('1')).toBe(0);
    expect(depth('{"a":[1,{"b":[]}]}')).toBe(4);
    expect(depth('[[],[[]],[]]')).toBe(3);
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    expect(depth('{"a":"[[[{{{"}')).toBe(1);
    expect(depth('{"a":"\\"[[[","b":["\\\\"]}')).toBe(2);
  });

  it('stops counting past the limit', () => {
    expect(depth('['.repeat(100_000), 32)).toBe(33);
  });
});
