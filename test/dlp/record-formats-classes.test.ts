/**
 * Dates of birth, phones, SSNs, passports and licences in record formats and languages the
 * detectors had missed (issue 14): SQL dumps (values under CREATE TABLE / INSERT column names),
 * HL7 v2 messages (PID-7 birth date, PID-13 phone, PID-19 SSN), German and Dutch long dates,
 * compact dates with the year last, Spanish/Portuguese birth abbreviations, passport cues (PPT,
 * Reisepass, pasaporte, passeport), "call me" in several languages; and the hard negatives of the
 * same shapes: timestamps, ordinary dates, order and invoice ids, card digits, units.
 * Values are made up for these tests.
 */
import { describe, expect, it } from 'vitest';
import { compileDlp, scanText } from '../../worker/dlp/index.js';
import { hl7FieldAt } from '../../worker/dlp/detectors/context/hl7-fields.js';
import { sqlColumnAt } from '../../worker/dlp/detectors/context/sql-columns.js';
import { settingsWith } from './fixtures.js';

const dlp = compileDlp(settingsWith({}));
const found = (text: string, type: string) => scanText(dlp, text).filter((m) => m.type === type).map((m) => text.slice(m.start, m.end));

const DUMP = [
  'CREATE TABLE `patients` (',
  '  `id` int NOT NULL,',
  '  `full_name` varchar(120),',
  '  `mobile` varchar(40),',
  '  `dob` date,',
  '  `tax_ssn` char(11),',
  '  `visited_at` datetime,',
  '  PRIMARY KEY (`id`)',
  ');',
  'INSERT INTO `patients` VALUES (4410,\'Rosa O\'\'Neill\',\'7185550143\',\'1961-05-30\',NULL,\'2024-02-11 09:30:00\'),',
  '(4411,\'Ivo Marek\',\'(212) 555-0188\',\'1979-12-02\',\'NULL\',\'2023-10-01 17:05:44\');',
  'INSERT INTO orders (order_id, placed_on, phone) VALUES (88120, \'2024-03-09\', \'6465550127\');',
].join('\n');

describe('SQL dumps: values read under their columns', () => {
  it('names the column of a value from CREATE TABLE or the INSERT column list', () => {
    const at = (value: string) => {
      const start = DUMP.indexOf(value);
      return sqlColumnAt(DUMP, start, start + value.length);
    };
    expect(at('1961-05-30')).toBe('dob');
    expect(at('1979-12-02')).toBe('dob');
    expect(at('2024-02-11 09:30:00')).toBe('visited_at');
    expect(at('2024-03-09')).toBe('placed_on');
    expect(at('6465550127')).toBe('phone');
    // Part of a value is not the value.
    const part = DUMP.indexOf('1961-05');
    expect(sqlColumnAt(DUMP, part, part + 7)).toBeUndefined();
    expect(sqlColumnAt('no sql here 1961-05-30', 12, 22)).toBeUndefined();
  });

  it('finds birth dates and phones by column, and no other date of the dump', () => {
    expect(found(DUMP, 'DATE_OF_BIRTH')).toEqual(['1961-05-30', '1979-12-02']);
    expect(found(DUMP, 'PHONE')).toEqual(expect.arrayContaining(['7185550143', '(212) 555-0188', '6465550127']));
    expect(found(DUMP, 'PHONE')).not.toContain('88120');
  });
});

const HL7 = [
  'MSH|^~\\&|ADT1|GOOD HEALTH|GHH LAB|ELAB|20250314081522||ADT^A01|MSG00417|P|2.5.1',
  'PID|1||PATID4471^^^GH^MR||KOWALSKA^ANNA^M||19680922|F|||12 Elm St^^Dayton^OH^45402||9375550161|||||ACCT88213|536228712',
  'OBX|1|NM|GLU^Glucose||104|mg/dL|||||F|||20250314081000',
].join('\r');

describe('HL7 v2 messages: fields read by their standard meaning', () => {
  it('names PID-7, PID-13, PID-19 and OBX-14', () => {
    const at = (value: string) => {
      const start = HL7.indexOf(value);
      return hl7FieldAt(HL7, start, start + value.length);
    };
    expect(at('19680922')).toBe('date of birth');
    expect(at('9375550161')).toBe('home phone');
    expect(at('536228712')).toBe('ssn');
    expect(at('20250314081000')).toBe('observation date/time');
    // MSH-7 counts from the field separator itself.
    expect(at('20250314081522')).toBe('message date/time');
    expect(at('ACCT88213')).toBeUndefined();
  });

  it('finds the birth date, phone and SSN, and reads no timestamp as a licence', () => {
    expect(found(HL7, 'DATE_OF_BIRTH')).toEqual(['19680922']);
    expect(found(HL7, 'PHONE')).toEqual(['9375550161']);
    expect(found(HL7, 'US_SSN')).toEqual(['536228712']);
    expect(found(HL7, 'DRIVER_LICENSE')).toEqual([]);
  });
});

describe('DATE_OF_BIRTH in more layouts and languages', () => {
  it.each([
    ['Geburtsdatum: 7. März 1984', '7. März 1984'],
    ['geboren am 3. September 1963 in Graz', '3. September 1963'],
    ['Geboortedatum: 12. november 1990', '12. november 1990'],
    ['DOB: 24. April 1987 (age 38)', '24. April 1987'],
    ['date_of_birth=07031984', '07031984'],
    ['DOB 19840307', '19840307'],
    ['Birth date on ID: Mar 15, 1958', 'Mar 15, 1958'],
    ['Datos de Ruiz, Marta (F. nac.: 10 de marzo de 1981).', '10 de marzo de 1981'],
    ['cadastro de Lucas Prado (nasc. 04/08/1979).', '04/08/1979'],
    ['los datos de Ana Gil (nacida el 20/06/2001).', '20/06/2001'],
    ['o cadastro de Rui Faria (nascido em 1988-02-10).', '1988-02-10'],
  ])('finds the birth date in %j', (text, value) => {
    expect(found(text, 'DATE_OF_BIRTH')).toEqual([value]);
  });

  it.each([
    'Der Vertrag beginnt am 7. März 2024 und läuft ein Jahr.',
    'Invoice 20240307 paid on 07032024.',
    'Order placed 2024-03-07, shipped 8. April 2024.',
    'Birth date on ID checked; renewal due 03/15/2026.',
  ])('reports no ordinary date as a birth date in %j', (text) => {
    expect(found(text, 'DATE_OF_BIRTH')).toEqual([]);
  });
});

describe('US_PASSPORT after travel and foreign cues', () => {
  it.each([
    ['1. NOWAK/EWA MRS   DOB 1980-05-24   PPT 530912874 USA', '530912874'],
    ['Passenger PPT C03005988, seat 14C', 'C03005988'],
    ['Reisepass Nr. 530912874', '530912874'],
    ['Número de pasaporte: C03005988', 'C03005988'],
    ['Numéro de passeport : 530912874', '530912874'],
  ])('finds the passport number in %j', (text, value) => {
    expect(found(text, 'US_PASSPORT')).toEqual([value]);
  });

  it.each([
    'See slides.ppt for invoice 530912874',
    'PPT deck v2, order 530912874 shipped',
    'Passport office ref 2024 530912874',
  ])('reports no passport in %j', (text) => {
    expect(found(text, 'US_PASSPORT')).toEqual([]);
  });
});

describe('bare SSNs under tax id keys', () => {
  it('finds a valid nine-digit SSN under tax_id / taxId', () => {
    expect(found('{"tax_id": "536228712", "order_number": "881204552"}', 'US_SSN')).toEqual(['536228712']);
    expect(found('{"taxId": "536228712"}', 'US_SSN')).toEqual(['536228712']);
  });

  it('refuses invalid SSNs and other ids', () => {
    expect(found('{"tax_id": "666228712"}', 'US_SSN')).toEqual([]);
    expect(found('{"order_id": "536228712"}', 'US_SSN')).toEqual([]);
  });
});

describe('PHONE cues and hard negatives', () => {
  it.each([
    ['Puede llamarme al 937 41 94 26.', '937 41 94 26'],
    ['Contact: D. Brandt, 3489923908', '3489923908'],
    ['Emergency contact: G. Colombo, 212 555 0188.', '212 555 0188'],
    ['Next of kin: Ama Owusu (2125550188)', '2125550188'],
    ['Office: 2125550188', '2125550188'],
    ['Direct line: 601 25 02 05', '601 25 02 05'],
  ])('finds the phone in %j', (text, value) => {
    expect(found(text, 'PHONE')).toEqual([value]);
  });

  it.each([
    'FOR OFFICE USE: APP 5074271102',
    "Note: Mia's work anniversary lunch is on 20200218, not related.",
    'The card on file ending in 4352 0574 0059 3483 was declined.',
    'home improvement order 2125550188 shipped',
  ])('reports no phone in %j', (text) => {
    expect(found(text, 'PHONE')).toEqual([]);
  });
});

describe('DRIVER_LICENSE: timestamps are not licences', () => {
  it('ignores a YYYYMMDDhhmmss run after a mg/dL unit and keeps a labelled licence', () => {
    expect(found('Glucose 104 mg/dL at 20250314081000', 'DRIVER_LICENSE')).toEqual([]);
    expect(found('Result 5.1 mg/dL|||20250314081000', 'DRIVER_LICENSE')).toEqual([]);
    expect(found("Driver's license: 123456789", 'DRIVER_LICENSE')).toEqual(['123456789']);
    expect(found('Log written 202503140810 by the licence server', 'DRIVER_LICENSE')).toEqual([]);
  });
});

describe('US_PASSPORT in a passport machine-readable zone', () => {
  it('finds the number when the check digits agree, and nothing when one does not', () => {
    const mrz = 'P<USANOWAK<<EWA<<<<<<<<<<<<<<<<<<<<<<<<<<<<<\n5303005985USA8001014F3002289<<<<<<<<<<<<<<02';
    expect(found(mrz, 'US_PASSPORT')).toEqual(['530300598']);
    expect(found(mrz.replace('5303005985', '5303005986'), 'US_PASSPORT')).toEqual([]);
    expect(found('C030059887USA7506143M3101012', 'US_PASSPORT')).toEqual(['C03005988']);
    expect(found('Batch 4471200913USA1234567X1234567 shipped', 'US_PASSPORT')).toEqual([]);
  });
});
