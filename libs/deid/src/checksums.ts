/** Check-digit schemes used to tell real identifiers from clinical numbers of the same shape. */

/**
 * NHS number (England, Wales, Isle of Man), Northern Ireland Health and Care Number and Scottish CHI
 * number share the modulus-11 scheme: weights 10..2 on the first nine digits, check = 11 - (sum mod 11),
 * 11 becomes 0 and 10 means the number can never be issued.
 */
export function mod11Valid(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i += 1) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

/**
 * Irish PPS number: seven digits, a check letter and an optional second letter ("A", "B", "W"...).
 * Weights 8..2 on the digits, 9 on the second letter (A=1 ... W=0); the remainder mod 23 indexes
 * "WABCDEFGHIJKLMNOPQRSTUV".
 */
export function ppsnValid(value: string): boolean {
  const m = /^(\d{7})([A-W])([A-IW]?)$/.exec(value.toUpperCase());
  if (!m) return false;
  let sum = 0;
  for (let i = 0; i < 7; i += 1) sum += Number(m[1][i]) * (8 - i);
  if (m[3] && m[3] !== 'W') sum += (m[3].charCodeAt(0) - 64) * 9;
  return 'WABCDEFGHIJKLMNOPQRSTUV'[sum % 23] === m[2];
}

/** IBAN: move the first four characters to the end, letters to numbers (A=10), the result mod 97 is 1. */
export function ibanValid(value: string): boolean {
  const iban = value.replace(/\s/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const n = ch >= 'A' ? String(ch.charCodeAt(0) - 55) : ch;
    for (const d of n) remainder = (remainder * 10 + Number(d)) % 97;
  }
  return remainder === 1;
}

/** Luhn check used by payment card numbers. */
export function luhnValid(digits: string): boolean {
  if (!/^\d{12,19}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

const VIN_VALUES: Record<string, number> = {
  A: 1,
  B: 2,
  C: 3,
  D: 4,
  E: 5,
  F: 6,
  G: 7,
  H: 8,
  J: 1,
  K: 2,
  L: 3,
  M: 4,
  N: 5,
  P: 7,
  R: 9,
  S: 2,
  T: 3,
  U: 4,
  V: 5,
  W: 6,
  X: 7,
  Y: 8,
  Z: 9,
};
const VIN_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

/** North American VIN check digit (position 9). European VINs often skip it, so failing is not disqualifying. */
export function vinCheckValid(vin: string): boolean {
  if (!/^[A-HJ-NPR-Z0-9]{17}$/.test(vin)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const ch = vin[i];
    sum += (/\d/.test(ch) ? Number(ch) : VIN_VALUES[ch]) * VIN_WEIGHTS[i];
  }
  const check = sum % 11;
  return vin[8] === (check === 10 ? 'X' : String(check));
}
