/**
 * US passport numbers in the machine-readable zone of a passport (ICAO Doc 9303, TD3): the second
 * MRZ line starts with the document number (9 characters, `<`-padded), its check digit, the
 * nationality, the birth date and its check digit, the sex, the expiry date and its check digit:
 *   P<USAHOLLOWAY<<MEGAN<<<<<<<<<<<<<<<<<<<<<<<<
 *   5303005985USA8001014F3002289<<<<<<<<<<<<<<02
 * Three check digits (weights 7, 3, 1 over digits, letters as 10-35 and `<` as 0) must agree, so a
 * run of letters and digits of the same length is not taken. Only nationality USA is reported as
 * US_PASSPORT (other countries' numbers have no type of their own here). The layout and check-digit
 * rule are those of ICAO Doc 9303 part 3 and 4, written here from the specification.
 */
import type { Candidate, Detector } from '../detector.js';

/** ICAO 9303 character values: 0-9 as themselves, A-Z as 10-35, the filler `<` as 0. */
function mrzValue(ch: string): number {
  const c = ch.charCodeAt(0);
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 90) return c - 55;
  return 0;
}

/**
 * The ICAO 9303 check digit of a field.
 * @example
 * mrzCheckDigit('L898902C3'); // 6
 */
export function mrzCheckDigit(field: string): number {
  const weights = [7, 3, 1];
  let sum = 0;
  for (let i = 0; i < field.length; i++) sum += mrzValue(field[i]!) * weights[i % 3]!;
  return sum % 10;
}

/** Whether the TD3 second line starting at `start` has valid number, birth-date and expiry check digits. */
function mrzLineValid({ text, start }: Candidate): boolean {
  const line = text.slice(start, start + 28);
  if (line.length < 28) return false;
  return (
    mrzCheckDigit(line.slice(0, 9)) === Number(line[9]) &&
    mrzCheckDigit(line.slice(13, 19)) === Number(line[19]) &&
    mrzCheckDigit(line.slice(21, 27)) === Number(line[27])
  );
}

export const PASSPORT_MRZ_DETECTOR: Detector = {
  id: 'tier1.us_passport_mrz',
  type: 'US_PASSPORT',
  description: 'US passport numbers in a passport machine-readable zone (ICAO 9303 TD3 line 2), with the number, birth-date and expiry check digits',
  // Number (group 1), its check digit, USA, birth date + check, sex, expiry + check.
  pattern: /(?<![A-Z0-9<])([A-Z0-9]{6}[A-Z0-9<]{3})\dUSA\d{7}[MFX<]\d{7}/dg,
  group: 1,
  keywords: ['USA'],
  validator: mrzLineValid,
  score: 0.95,
  examples: ['5303005985USA8001014F3002289<<<<<<<<<<<<<<02'],
};
