import { ibanValid, luhnValid, mod11Valid, ppsnValid, vinCheckValid } from './checksums';

describe('mod11Valid (NHS, H&C and CHI numbers)', () => {
  it.each(['9434765919', '4010232137', '3202458116', '1203491549'])('accepts %s', (n) => {
    expect(mod11Valid(n)).toBe(true);
  });

  it('rejects a single mistyped digit and a transposition', () => {
    expect(mod11Valid('9434765918')).toBe(false);
    expect(mod11Valid('9434756919')).toBe(false);
  });

  it('rejects numbers whose check digit would be 10, and wrong lengths', () => {
    // 123456789: weighted sum 210, 210 mod 11 = 1, check 10: never issued
    expect([...'0123456789'].some((d) => mod11Valid(`123456789${d}`))).toBe(false);
    expect(mod11Valid('943476591')).toBe(false);
    expect(mod11Valid('94347659190')).toBe(false);
  });
});

describe('other check-digit schemes', () => {
  it('validates Irish PPS numbers', () => {
    expect(ppsnValid('1234567T')).toBe(true);
    expect(ppsnValid('8765432EA')).toBe(true);
    expect(ppsnValid('1234567A')).toBe(false);
  });

  it('validates IBANs', () => {
    expect(ibanValid('IE29 AIBK 9311 5212 3456 78')).toBe(true);
    expect(ibanValid('GB29NWBK60161331926819')).toBe(true);
    expect(ibanValid('IE29 AIBK 9311 5212 3456 79')).toBe(false);
  });

  it('validates card numbers (Luhn) and VIN check digits', () => {
    expect(luhnValid('4532015112830366')).toBe(true);
    expect(luhnValid('4532015112830367')).toBe(false);
    expect(vinCheckValid('1HGCM82633A004352')).toBe(true);
    expect(vinCheckValid('1HGCM82643A004352')).toBe(false);
  });
});
