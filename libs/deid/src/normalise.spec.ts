import { normalise, originalSpan } from './normalise';

describe('normalise', () => {
  it('leaves plain ASCII as it is, each unit mapped onto itself', () => {
    const sut = normalise('NHS 943 476 5919.');
    expect(sut.text).toBe('NHS 943 476 5919.');
    expect(originalSpan(sut, 4, 16)).toEqual({ start: 4, end: 16 });
  });

  it.each([
    ['no-break space', '943\u00a0476', '943 476'],
    ['thin and narrow no-break spaces', '943\u2009476\u202f5919', '943 476 5919'],
    ['tab', '943\t476', '943 476'],
    ['zero-width space, soft hyphen and word joiner', '94\u200b3\u00ad47\u20606', '943476'],
    ['full-width digits and letters', '\uff19\uff14\uff13 \uff2e\uff28\uff33', '943 NHS'],
    ['Arabic-Indic digits', '\u0669\u0664\u0663', '943'],
    ['Devanagari digits', '\u096f\u096a\u096b', '945'],
    ['en dash and minus sign', '943\u2013476\u22125919', '943-476-5919'],
    ['a combining accent composed', 'Sio\u0301bha\u0301n', 'Sióbhán'],
  ])('reads %s', (_, input, expected) => {
    expect(normalise(input).text).toBe(expected);
  });

  it.each([
    ['nine four three four seven six five nine one nine', '9434765919'],
    ['Nine four three, four seven six, five nine one nine', '943 476 5919'],
    ['oh seven seven double oh nine triple one', '077009111'],
  ])('writes spelled-out digits %j as %j', (input, expected) => {
    expect(normalise(input).text).toBe(expected);
  });

  it('leaves short runs of number words in prose alone', () => {
    const prose = 'Take one or two tablets, three times a day for five days.';
    expect(normalise(prose).text).toBe(prose);
  });

  it('reads a long pasted text (the gate takes up to 100,000 characters) in one go', () => {
    const filler = 'Seen in clinic\u00a0today; plan unchanged. '.repeat(2500);
    const sut = normalise(`${filler}nine four three four seven six five nine one nine`);
    expect(sut.text.endsWith('today; plan unchanged. 9434765919')).toBe(true);
    expect(sut.starts).toHaveLength(sut.text.length);
  });

  it('maps a normalised span back onto the characters it came from', () => {
    const input = 'NHS \uff19\uff14\uff13\u00a0\u200b476 five nine one nine!';
    const sut = normalise(input);
    expect(sut.text).toBe('NHS 943 476 5919!');
    const { start, end } = originalSpan(sut, 4, 16);
    expect(input.slice(start, end)).toBe('\uff19\uff14\uff13\u00a0\u200b476 five nine one nine');
  });
});
