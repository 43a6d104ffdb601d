/**
 * Non-PERSON types on text the detectors were not written against, by class of failure (issue 14):
 * "Key | value" record lines, data rows that look like headers, chat replies to a line that asked,
 * phones that end at TSV and CSV cell boundaries, international numbers written with (+CC), 00 or
 * slashes, SSN words a few words back, licence layouts that are amounts, URL passwords, vendor
 * tokens typed as samples, PEM headers without key material, passwords given in chat; each class
 * with negatives of the same shape. Values are made up for these tests.
 */
import { describe, expect, it } from 'vitest';
import { compileDlp, scanText } from '../../worker/dlp/index.js';
import { settingsWith } from './fixtures.js';

const dlp = compileDlp(settingsWith({}));
const found = (text: string, type: string) => scanText(dlp, text).filter((m) => m.type === type).map((m) => text.slice(m.start, m.end));
const SECRET_TYPES = new Set(['GENERIC_SECRET', 'URL_PASSWORD', 'PRIVATE_KEY']);
const secrets = (text: string) => scanText(dlp, text).filter((m) => SECRET_TYPES.has(m.type)).map((m) => text.slice(m.start, m.end));

describe('"Key | value" record lines name their own value', () => {
  const record = [
    'Harbor Dental — staff record',
    'Staff name | Imani Okafor',
    'Staff ID | EMP-5521093',
    'Team | Billing   Site | Leeds',
    'Ph | +1-415-662-0193',
    'HOME | 628-555-0147',
    'Direct line | 6285550183',
    'Social Security No. | 417-22-8391',
    'Birthdate | 7/9/81',
    'Last review | 2024-03-02',
  ].join('\n');

  it('reads each value under its own key, not under the line above taken as a header', () => {
    expect(found(record, 'PHONE')).toEqual(['+1-415-662-0193', '628-555-0147', '6285550183']);
    expect(found(record, 'US_SSN')).toEqual(['417-22-8391']);
    expect(found(record, 'DATE_OF_BIRTH')).toEqual(['7/9/81']);
  });

  it('reads a bare number under a key that is not a phone as no phone', () => {
    expect(found('Customer | Imani Okafor\nOrder no | 6285550183\n', 'PHONE')).toEqual([]);
  });
});

describe('data rows that look like headers', () => {
  it('keeps the real header for rows after a row of letter-first cells ("Aug 26, 1972", S62975977)', () => {
    const csv = [
      'FULL NAME,DOB,DL NUMBER,STATE,EXPIRY',
      'ROWAN PIKE,"Feb 11, 1979",S41827365,MA,"May 2, 2026"',
      'TAMSIN OAKES,"October 3, 1966",204381577,GA,01/12/2027',
      'DEV MALHOTRA,1958-06-30,71-204-5598,CO,2026-08-19',
    ].join('\n');
    expect(found(csv, 'DATE_OF_BIRTH')).toEqual(['Feb 11, 1979', 'October 3, 1966', '1958-06-30']);
    expect(found(csv, 'DRIVER_LICENSE')).toEqual(['S41827365', '204381577', '71-204-5598']);
  });
});

describe('chat replies take their context from the line that asked', () => {
  it('finds the birth date and the phone given in reply', () => {
    const chat = 'Agent: can you confirm your date of birth and the phone on the account?\nVisitor: 2/17/64, 517.448.2093\nAgent: thanks';
    expect(found(chat, 'DATE_OF_BIRTH')).toEqual(['2/17/64']);
    expect(found(chat, 'PHONE')).toEqual(['517.448.2093']);
  });

  it('finds a bare number after a line that announced it', () => {
    expect(found('[09:12] kofi: heads up, I have a new number\n[09:13] kofi: 4153920188\n', 'PHONE')).toEqual(['4153920188']);
  });

  it('reads a form line under a birth date as no answer to it', () => {
    expect(found('Date of birth: 12/5/1954    Sex: M\nDate of service: 2024-02-23\n', 'DATE_OF_BIRTH')).toEqual(['12/5/1954']);
  });

  it.each([
    // A reply to a question about something else.
    'Agent: when did the order ship?\nVisitor: 3/14/85\n',
    // A JSON document: quoted keys are not speakers.
    '{\n  "dob": "n/a",\n  "createdAt": "1985-03-14"\n}',
  ])('finds no birth date in %j', (text) => {
    expect(found(text, 'DATE_OF_BIRTH')).toEqual([]);
  });
});

describe('phones at cell boundaries and in international layouts', () => {
  it.each([
    // A tab between digits reads as a space; in a TSV row it still ends the cell.
    ['name\tdob\tmobile\tjoined\nKofi Mensah\tMar 3, 1990\t+14153920188\t18.12.2019\n', '+14153920188'],
    // A CSV cell after the number that starts with one or two digits ("19 July 1949").
    ['name,email,phone,dob\nKofi Mensah,kofi@example.org,4153920188,19 July 1949\n', '4153920188'],
    ['name,email,phone,dob\nKofi Mensah,kofi@example.org,+91 98450 12763,3rd May 1988\n', '+91 98450 12763'],
    // Country code and a ten-digit group.
    ['Best callback: +91-9845012763 (mobile).', '+91-9845012763'],
    // German slash layouts.
    ['Phone: 089 / 4417 302   Email: x@example.org', '089 / 4417 302'],
    ['My phone number is +49 171/ 5523901.', '+49 171/ 5523901'],
    // (+CC), with and without an area code in its own parentheses.
    ['Tel: (+31) 20 5551234.', '(+31) 20 5551234'],
    ['Mi teléfono es (+52)(55)1234-5678.', '(+52)(55)1234-5678'],
    // The 00 international prefix, with a trunk 0 kept after the country code.
    ['Call me on 0049 171 5523901 tomorrow.', '0049 171 5523901'],
    ['My phone number is 0044 07911 123456.', '0044 07911 123456'],
    // An area code in spaced parentheses, upper-case extension.
    ['Meu telefone é ( 21 ) 38294417.', '( 21 ) 38294417'],
    ['Phone: 415.662.0193X4471', '415.662.0193X4471'],
    // Phone words as JSON keys, in other languages, and after a title in the label.
    ['{"phoneNumber":"4156620193"}', '4156620193'],
    ['Телефон: 9161234567', '9161234567'],
    ['Emergency contact: Dr. Okafor, 6285550183', '6285550183'],
    ['Tel: +44 20 7946 0018   Alt: 6285550183', '6285550183'],
  ])('finds the phone in %j', (text, value) => {
    expect(found(text, 'PHONE')).toContain(value);
  });

  it.each([
    // A NANP exchange never starts with 0 or 1.
    'my phone number is 112-3333.',
    // 00-prefixed identifiers that no numbering plan holds.
    'order 0012 3456 7890 shipped',
    'invoice 00123/2024 and 0049 items',
    // A bare ten digits under a key that is not a phone.
    '{"orderRef":"4156620193"}',
    // A US ZIP+4 after a city.
    'Bill to: Kofi Mensah\n12 Elm Street, Springfield 01105-2231\n',
  ])('finds no phone in %j', (text) => {
    expect(found(text, 'PHONE')).toEqual([]);
  });
});

describe('SSN words and licence layouts', () => {
  it('takes an SSN word a few words back in the same sentence', () => {
    expect(found('SSN on the I-9 was wrong; corrected to 417228391.', 'US_SSN')).toEqual(['417228391']);
  });

  it('does not carry an SSN word over a sentence end', () => {
    expect(found('SSN is on file. The parcel was then sent to depot 417228391.', 'US_SSN')).toEqual([]);
  });

  it('reads no licence number out of an amount on a licence line', () => {
    expect(found('SKU-ABCD-1234  License renewal  7   318244.19 USD', 'DRIVER_LICENSE')).toEqual([]);
  });
});

describe('credentials', () => {
  it.each([
    ['This FTP: ftp://deploy:pass@files.example.org includes credential.', 'pass'],
    ['const API = "https://svc:hunter2x@api.example.org/v1";', 'hunter2x'],
    ['REDIS_URL=redis://:Qm7vR2pX9@cache.internal:6379/0', 'Qm7vR2pX9'],
  ])('finds the URL password in %j', (text, value) => {
    expect(found(text, 'URL_PASSWORD')).toEqual([value]);
  });

  it.each([
    'mongodb://username:password@localhost:27017/app',
    'mysql://admin:REPLACE_WITH_PASSWORD@db.example.org:3306/app',
    'postgresql://{user}:{password}@{{host}}:5432/{db}',
    'DB_URL = postgres://$(PGUSER):$(PGPASSWORD)@$(PGHOST)/$(PGDATABASE)',
    'const MONGO_NO_AUTH = "mongodb://localhost:27017/app";',
    'DOCKER_TOKEN=not_a_real_token',
  ])('finds no credential in %j', (text) => {
    expect(secrets(text)).toEqual([]);
  });

  it.each([
    'vcp_Q1w2E3r4T5y6U7i8O9p0AsDfGhJkLzXcVbNm12',
    'gsk_aBcDeFgHiJkLmNoPqRsT1234567890abcdefghijklmnopqrstuv',
    'figd_aBcDeFgHiJkLmNoPqRsT1234567890abcdefghijklmnopqrstuvwxyz',
    'shpss_Q1w2E3r4T5y6U7i8O9p0AsDfGhJkLzXc',
  ])('finds the vendor token %j, sample-like or not', (token) => {
    expect(secrets(`TOKEN=${token}`)).toEqual([token]);
  });

  it('leaves vendor-prefixed placeholders alone', () => {
    expect(secrets('GROQ_API_KEY=gsk_your_groq_api_key_here_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx')).toEqual([]);
  });

  it('finds no private key in a PEM header without key material', () => {
    expect(found('-----BEGIN PRIVATE KEY-----', 'PRIVATE_KEY')).toEqual([]);
    expect(found('-----BEGIN PRIVATE KEY-----\n***\n-----END PRIVATE KEY-----', 'PRIVATE_KEY')).toEqual([]);
  });

  it('still finds an unterminated block with a body', () => {
    const text = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC';
    expect(found(text, 'PRIVATE_KEY')).toEqual([text]);
  });

  it('finds a password given in a chat reply to a line that asked for it', () => {
    const chat = '[11:02] Priya: can u send me the staging pw\n[11:03] Tomás: its maple-otter-42 dont share\n';
    expect(secrets(chat)).toEqual(['maple-otter-42']);
  });

  it.each([
    // Not asked for a password.
    'Priya: how did the demo go\nTomás: its maple-otter-42 lol\n',
    // Asked, but the reply is a time.
    'Priya: when is the login reset\nTomás: its 10:30am tomorrow\n',
  ])('finds no chat password in %j', (text) => {
    expect(secrets(text)).toEqual([]);
  });
});
