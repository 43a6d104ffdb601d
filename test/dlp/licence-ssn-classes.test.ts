/**
 * Driver licences by state layout, SSNs and passports by label (issue 14): the label nearest the
 * number decides its type, and a label reaches only its own line or the line right after it.
 */
import { describe, expect, it } from 'vitest';
import { compileDlp, scanText } from '../../worker/dlp/index.js';
import { settingsWith } from './fixtures.js';

const dlp = compileDlp(settingsWith({}));
const found = (text: string, type: string) => scanText(dlp, text).filter((m) => m.type === type).map((m) => text.slice(m.start, m.end));

describe('DRIVER_LICENSE state layouts', () => {
  it.each([
    ['Driver license (NJ): C2904 84766 07916', 'C2904 84766 07916'],
    ['MI driver license T 202 995 562 893', 'T 202 995 562 893'],
    ['Driver license (FL): X802-713-78-574-5', 'X802-713-78-574-5'],
    ['WI licence no. S123-4567-8901-23', 'S123-4567-8901-23'],
    ['MD DL A-123-456-789-012', 'A-123-456-789-012'],
    ['WA driver license WDLRVWEJYUXW', 'WDLRVWEJYUXW'],
    ['Driver license (WA): FHWHRR*228NZ', 'FHWHRR*228NZ'],
    ["my driver's license number is 2270-66-1551", '2270-66-1551'],
    ["My driver's license number is LH329609T", 'LH329609T'],
    ['OH DL: AB123456', 'AB123456'],
    ['NH license 12ABC34567', '12ABC34567'],
    ['Driver license:\nD1234567', 'D1234567'],
  ])('finds the licence in %j', (text, value) => {
    expect(found(text, 'DRIVER_LICENSE')).toEqual([value]);
  });

  it('reads a licence column after a quoted "Last, First" cell', () => {
    const csv = 'id,full_name,DOB,driver_license,state\n31789,"Abubakar, Chidi",July 22 1998,G6671 01920 80594,NJ\n';
    expect(found(csv, 'DRIVER_LICENSE')).toEqual(['G6671 01920 80594']);
  });

  it.each([
    'ID: WA driver license WDL4B46ZTA2G\nToday\'s date: 2025-02-19',
    'Driver license on file.\nOrder 12345678 shipped',
    'license plate 7ABC123',
    'Software license key expires 2025-02-19',
    'license: MIT, version 2.14.3, build 20231104',
    'Licence renewed after the audit; the team then filed report 48213377',
  ])('finds no licence but the labelled one in %j', (text) => {
    expect(found(text, 'DRIVER_LICENSE').filter((v) => !v.startsWith('WDL'))).toEqual([]);
  });
});

describe('US_SSN and US_PASSPORT labels', () => {
  it.each([
    ['Account ref 1649437260\nSSN: 685-35-9522', '685-35-9522'],
    ['Ref c1dc1a0. Soc. Sec. #410-87-4886', '410-87-4886'],
    ['SSN 536-22 1234', '536-22 1234'],
  ])('finds the SSN in %j', (text, value) => {
    expect(found(text, 'US_SSN')).toEqual([value]);
  });

  it.each(['693-09.4444', 'ticket 536-22-8712', 'order ref 536 22 8712'])('finds no SSN in %j', (text) => {
    expect(found(text, 'US_SSN')).toEqual([]);
  });

  it('keeps a passport label to its own line', () => {
    expect(found('Passport #C90584746\nClaim #547963861', 'US_PASSPORT')).toEqual(['C90584746']);
  });
});
