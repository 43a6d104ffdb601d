/**
 * Structured identifiers by class (issue 14): short and rare card lengths only next to a card word,
 * IPv4-mapped IPv6 and CIDR notation, lower-case IBANs next to the word IBAN.
 */
import { describe, expect, it } from 'vitest';
import { compileDlp, scanText } from '../../worker/dlp/index.js';
import { settingsWith } from './fixtures.js';

const dlp = compileDlp(settingsWith({}));
const found = (text: string, type: string) => scanText(dlp, text).filter((m) => m.type === type).map((m) => text.slice(m.start, m.end));

describe('CREDIT_CARD lengths', () => {
  it.each([
    ['card number 630427373398 is lost', '630427373398'],
    ['Please block card no 4735110554588', '4735110554588'],
    ['I have lost my card 180016070420458.', '180016070420458'],
    ['my credit card 3590730093437731 has been lost', '3590730093437731'],
    ['Paid with 6011-0740-4288-9302', '6011-0740-4288-9302'],
  ])('finds the card in %j', (text, value) => {
    expect(found(text, 'CREDIT_CARD')).toEqual([value]);
  });

  it.each(['Batch 630427373398 shipped', 'id 4735110554588', 'ref 180016070420458'])('finds no card without a card word in %j', (text) => {
    expect(found(text, 'CREDIT_CARD')).toEqual([]);
  });
});

describe('IP_ADDRESS forms', () => {
  it.each([
    ['0:0:0:0:0:FFFF:129.144.52.38', '0:0:0:0:0:FFFF:129.144.52.38'],
    ['2001:db8:0:0:0:0:192.168.1.1', '2001:db8:0:0:0:0:192.168.1.1'],
    // Not ::1: loopback and "any" name no one's host (validators.ts nonIdentifyingAddress).
    ['allow fd00:ab::7/64', 'fd00:ab::7/64'],
    ['subnet 10.20.0.0/16', '10.20.0.0/16'],
  ])('finds the address in %j', (text, value) => {
    expect(found(text, 'IP_ADDRESS')).toEqual([value]);
  });

  it.each(['::ffff:256.0.0.1', '::ffff:192.168.1', '2001:db8::256.1.1.1', 'mask 10.20.0.0/33'])('finds no address in %j', (text) => {
    expect(found(text, 'IP_ADDRESS')).toEqual([]);
  });
});

describe('IBAN case', () => {
  it('finds a lower-case IBAN next to the word IBAN', () => {
    expect(found('my iban is gb42nawi04454264788619', 'IBAN')).toEqual(['gb42nawi04454264788619']);
  });

  it('finds no lower-case IBAN-shaped word elsewhere', () => {
    expect(found('build gb42nawi04454264788619 passed', 'IBAN')).toEqual([]);
  });
});

describe('IBAN length decided by its country', () => {
  it('finds both of two IBANs on consecutive lines (the first match reads on into the second)', () => {
    const text = 'Payees:\nGB82WEST12345698765432\nDE89370400440532013000\n';
    expect(found(text, 'IBAN')).toEqual(['GB82WEST12345698765432', 'DE89370400440532013000']);
  });
});

describe('tab-separated exports', () => {
  // The normalised text keeps a tab as the cell delimiter, so column headers give context ...
  it('reads a TSV header as column context', () => {
    const tsv = 'employee_id\tfull_name\tdate_of_birth\tstart_date\n4417\tMarta Quispe\t03/14/1987\t01/06/2020\n';
    expect(found(tsv, 'DATE_OF_BIRTH')).toEqual(['03/14/1987']);
  });

  // ... but a tab between digits reads as a space, so tabs cannot split a number out of sight.
  it.each([
    ['call 555\t123\t4567 now', 'PHONE', '555\t123\t4567'],
    ['ssn: 536\t22\t1234', 'US_SSN', '536\t22\t1234'],
    ['card 4111\t1111\t1111\t1111', 'CREDIT_CARD', '4111\t1111\t1111\t1111'],
    ['iban DE89\t3704\t0044\t0532\t0130\t00', 'IBAN', 'DE89\t3704\t0044\t0532\t0130\t00'],
  ])('finds the tab-split value in %j', (text, type, value) => {
    expect(found(text, type)).toEqual([value]);
  });
});
