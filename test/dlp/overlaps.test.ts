/**
 * Settling findings (worker/dlp/overlaps.ts): overlapping findings of one type merge to their
 * union, different types keep the better one and never lose both, PERSON spans are completed to
 * the whole name, and a compact timestamp is never a licence, passport or phone number.
 */
import { describe, expect, it } from 'vitest';
import { compileDlp, scanText } from '../../worker/dlp/index.js';
import { resolveOverlaps } from '../../worker/dlp/overlaps.js';
import { completePersonSpans } from '../../worker/dlp/person-spans.js';
import { isCompactTimestamp } from '../../worker/dlp/validators.js';
import type { Match } from '../../worker/dlp/scan.js';
import { settingsWith } from './fixtures.js';

const dlp = compileDlp(settingsWith({}));
const m = (type: string, start: number, end: number, score = 0.9, rule = `r.${type}`): Match => ({ type, rule, tier: 1, score, start, end, action: 'redact' });
const spans = (found: Match[]) => found.map(({ type, start, end }) => [type, start, end]);

describe('resolveOverlaps', () => {
  it('merges overlapping PERSON findings into the span covering both', () => {
    expect(spans(resolveOverlaps([m('PERSON', 0, 9), m('PERSON', 4, 15, 0.8)]))).toEqual([['PERSON', 0, 15]]);
  });

  it('keeps the rule of the better of two merged spans', () => {
    const kept = resolveOverlaps([m('PERSON', 0, 7, 0.8, 'a'), m('PERSON', 5, 11, 0.9, 'b')]);
    expect(spans(kept)).toEqual([['PERSON', 0, 11]]);
    expect(kept[0]!.rule).toBe('b');
  });

  it('joins two PERSON spans one space apart into one name, but not across a comma or tab', () => {
    const at = (text: string, value: string): [number, number] => [text.indexOf(value), text.indexOf(value) + value.length];
    const joined = (text: string, a: string, b: string) => spans(resolveOverlaps(completePersonSpans(text, [m('PERSON', ...at(text, a)), m('PERSON', ...at(text, b))])));
    expect(joined('To: Trần, Đức Huy', 'Trần, Đức', 'Huy')).toEqual([['PERSON', 4, 17]]);
    expect(joined('1,Dmitri,Ivanova,x', 'Dmitri', 'Ivanova')).toEqual([['PERSON', 2, 8], ['PERSON', 9, 16]]);
    expect(joined('Khalid\tHaddad', 'Khalid', 'Haddad')).toEqual([['PERSON', 0, 6], ['PERSON', 7, 13]]);
  });

  it('keeps the better of two different types and never drops both', () => {
    expect(spans(resolveOverlaps([m('PHONE', 0, 12, 0.7), m('DRIVER_LICENSE', 2, 12, 0.9)]))).toEqual([['DRIVER_LICENSE', 2, 12]]);
    expect(spans(resolveOverlaps([m('EMAIL', 0, 20, 0.95), m('PERSON', 0, 4, 0.8), m('PHONE', 30, 40)]))).toEqual([['EMAIL', 0, 20], ['PHONE', 30, 40]]);
  });

  it('leaves findings that do not touch apart', () => {
    expect(spans(resolveOverlaps([m('PERSON', 0, 5), m('PERSON', 7, 12)]))).toEqual([['PERSON', 0, 5], ['PERSON', 7, 12]]);
  });
});

describe('PERSON spans cover the whole name', () => {
  const complete = (text: string, value: string) => {
    const start = text.indexOf(value);
    const [found] = completePersonSpans(text, [m('PERSON', start, start + value.length)]);
    return text.slice(found!.start, found!.end);
  };

  it.each([
    ['Customer: von Brandt, Elke', 'Brandt, Elke', 'von Brandt, Elke'],
    ['Ask Sra. dos Reis Pinto about it.', 'Reis Pinto', 'dos Reis Pinto'],
    ['Signed by Colonel Amos Reed Jr. on Monday', 'Amos Reed Jr', 'Amos Reed Jr.'],
    ['Reviewer: Odile K. Marchetti', 'K. Marchetti', 'Odile K. Marchetti'],
    ['Reviewer: Odile K. De Santis', 'De Santis', 'Odile K. De Santis'],
    ['Theory by R. J. Colburn', 'J. Colburn', 'R. J. Colburn'],
    ['We met Iris Van Houten at noon', 'Iris Van', 'Iris Van Houten'],
    ['Named after Tobias Edmund Harrow, the founder', 'Edmund Harrow', 'Tobias Edmund Harrow'],
    ['Promoted: Colonel Dwight R. Halvorsen III, 3 May', 'Dwight R. Halvorsen', 'Dwight R. Halvorsen III'],
    ['Filed by Ines Moreau Lefebvre yesterday', 'Ines Moreau', 'Ines Moreau Lefebvre'],
  ])('%j: %s becomes %s', (text, found, whole) => {
    expect(complete(text, found)).toBe(whole);
  });

  it.each([
    ['Dr. K. Marchetti will call.', 'K. Marchetti', 'K. Marchetti'],
    ['Thanks Reviewer K. Marchetti', 'K. Marchetti', 'K. Marchetti'],
    ['Yesterday Odile Marchetti called', 'Odile Marchetti', 'Odile Marchetti'],
    ['Ask Odile Marchetti Monday', 'Odile Marchetti', 'Odile Marchetti'],
  ])('%j: %s stays %s (a title or word before the initials is not the name)', (text, found, whole) => {
    expect(complete(text, found)).toBe(whole);
  });

  it('leaves no character of a particle surname visible in a scan', () => {
    const text = 'Patient: van der Linden, Maartje\nDOB: 1961-02-03';
    const found = scanText(dlp, text).filter((f) => f.type === 'PERSON');
    expect(found.some((f) => f.start <= text.indexOf('van der') && f.end >= text.indexOf('Maartje') + 7)).toBe(true);
  });
});

describe('a timestamp is never an identifier', () => {
  it('recognises compact date-times and nothing else', () => {
    expect(isCompactTimestamp('20201019143004')).toBe(true);
    expect(isCompactTimestamp('202010191430')).toBe(true);
    expect(isCompactTimestamp('20201319143004')).toBe(false);
    expect(isCompactTimestamp('20201019243004')).toBe(false);
    expect(isCompactTimestamp('D1032414')).toBe(false);
  });

  it('drops an HL7 timestamp read as a licence number but keeps real licence numbers', () => {
    const hl7 = 'OBX|1|NM|K^Potassium||4.1|mmol/L|||||F|||20230514081522\rDriver license: 20230514081522';
    expect(scanText(dlp, hl7).filter((f) => f.type === 'DRIVER_LICENSE')).toEqual([]);
    const licence = 'Driver license number: D1032414 (CA)';
    expect(scanText(dlp, licence).some((f) => f.type === 'DRIVER_LICENSE')).toBe(true);
  });
});
