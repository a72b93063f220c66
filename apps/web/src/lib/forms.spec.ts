// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { formReader, optional, safeNext } from './forms';

describe('form helpers', () => {
  it('follows ?next= only to a path of this site', () => {
    expect(safeNext('/programs/42?tab=members', '/')).toBe('/programs/42?tab=members');
    expect(safeNext(null, '/programs')).toBe('/programs');
    expect(safeNext('', '/programs')).toBe('/programs');
    expect(safeNext('https://evil.example/', '/')).toBe('/');
    expect(safeNext('//evil.example/path', '/')).toBe('/');
    expect(safeNext('javascript:alert(1)', '/')).toBe('/');
  });

  it('turns blank optional fields into undefined and trims the rest', () => {
    expect(optional('   ')).toBeUndefined();
    expect(optional('')).toBeUndefined();
    expect(optional('  Belfast  ')).toBe('Belfast');
  });

  it('reads a submitted form’s text fields by name', () => {
    const form = document.createElement('form');
    form.innerHTML = `
      <input name="email" value="amina@example.org">
      <textarea name="note">two
lines</textarea>
      <input type="checkbox" name="agree" value="yes" checked>
      <input type="file" name="file">`;
    const read = formReader(form);
    expect(read('email')).toBe('amina@example.org');
    expect(read('note')).toBe('two\nlines');
    expect(read('agree')).toBe('yes');
    expect(read('file')).toBe('');
    expect(read('missing')).toBe('');
  });
});
