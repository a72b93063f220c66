import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { IsDay, IsOneOf, IsText, IsTextList, Optional } from './dto';

class Sut {
  @IsText(10)
  title: string;

  @Optional()
  @IsText(20, { allowEmpty: true })
  note?: string;

  @IsOneOf(['payment', 'expenses'])
  kind: string;

  @Optional()
  @IsTextList(2, 5)
  options?: string[];

  @Optional()
  @IsDay()
  on?: string;
}

const valid = { title: 'Panel', kind: 'payment' };
const messages = (body: object) =>
  validateSync(plainToInstance(Sut, body)).flatMap((e) => Object.values(e.constraints ?? {}));

describe('shared DTO validators', () => {
  it('accept what fits, trimming text', () => {
    const sut = plainToInstance(Sut, { ...valid, title: '  Panel  ', note: '', options: ['a', 'b'], on: '2026-06-09' });
    expect(validateSync(sut)).toEqual([]);
    expect(sut.title).toBe('Panel');
  });

  it('name the field in every refusal', () => {
    expect(messages({ ...valid, title: '   ' })).toEqual(['title is required']);
    expect(messages({ ...valid, title: 'A very long title' })).toEqual(['title must be at most 10 characters']);
    expect(messages({ ...valid, title: 7 })).toContain('title must be text');
    expect(messages({ ...valid, note: 'x'.repeat(21) })).toEqual(['note must be at most 20 characters']);
    expect(messages({ ...valid, kind: 'gift' })).toEqual(['kind must be one of payment, expenses']);
    expect(messages({ ...valid, options: ['a', 'b', 'c'] })).toEqual(['options must have at most 2 entries']);
    expect(messages({ ...valid, options: ['a', ''] })).toEqual(['no entry of options may be empty']);
    expect(messages({ ...valid, options: ['abcdef'] })).toEqual(['each of options must be at most 5 characters']);
    expect(messages({ ...valid, options: 'a' })).toContain('options must be a list');
    expect(messages({ ...valid, on: '2026-02-30' })).toEqual(['on must be a date (YYYY-MM-DD)']);
    expect(messages({ ...valid, on: '2026-06-09T10:00:00Z' })).toEqual(['on must be a date (YYYY-MM-DD)']);
  });
});
