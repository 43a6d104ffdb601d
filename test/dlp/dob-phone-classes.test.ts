/**
 * Dates of birth and phones by class of failure (issue 14): every layout in forms, CSV rows with
 * quoted "Last, First" cells, JSON keys, labels with format hints, age statements, phones with
 * extensions, 001 prefixes, labels after the number, local numbers after a phone word, national
 * numbers in their plan's groups; and hard negatives of the same shapes.
 */
import { describe, expect, it } from 'vitest';
import { compileDlp, scanText } from '../../worker/dlp/index.js';
import { settingsWith } from './fixtures.js';

const dlp = compileDlp(settingsWith({}));
const found = (text: string, type: string) => scanText(dlp, text).filter((m) => m.type === type).map((m) => text.slice(m.start, m.end));

describe('DATE_OF_BIRTH classes', () => {
  it.each([
    ['Birth date (MM/DD/YYYY): 12/01/2002', '12/01/2002'],
    ['DOB [dd.mm.yyyy]: 14.08.1942', '14.08.1942'],
    ['Patient DOB Jul. 20, 1958, age 63', 'Jul. 20, 1958'],
    ['Born: May. 15, 1950', 'May. 15, 1950'],
    ['"dateOfBirth": "Jul. 3 2004"', 'Jul. 3 2004'],
    ['<dob>1985-03-14</dob>', '1985-03-14'],
    ['| DOB | 3/14/85 |', '3/14/85'],
    ['date of birth - 14-Mar-85', '14-Mar-85'],
    ['age 39, 03/14/1985', '03/14/1985'],
    ['Ana Lima (41 years old), 1983-02-11', '1983-02-11'],
    ['1983-02-11 (DOB)', '1983-02-11'],
    ['19830211, age 41', '19830211'],
    ['Date of birth:\n03/14/1985', '03/14/1985'],
  ])('finds the birth date in %j', (text, value) => {
    expect(found(text, 'DATE_OF_BIRTH')).toEqual([value]);
  });

  it('reads the birth column of a CSV whose quoted name cells hold the delimiter', () => {
    const csv = 'name,email,date_of_birth,ssn\n"Moradi, Tamar",t@x.org,28-03-1965,511-06-8366\n"Haile, Kwame",k@x.org,October 25 1946,057-49-6745\n';
    expect(found(csv, 'DATE_OF_BIRTH')).toEqual(['28-03-1965', 'October 25 1946']);
  });

  it.each([
    'Policy effective 4/9/22\nDOB: unknown',
    'Review due 07/18/2025\nbirthdate: on file',
    'Birth certificate on file.\n2024-03-14 copy received',
    'birth date on file, age 56\nShipped 01-04-2022.',
    'name,signup_date\n"Moradi, Tamar",2024-02-17\n',
    'Meeting on March 12, 2024 with the team (30 attendees).',
  ])('reports no ordinary date as a birth date in %j', (text) => {
    expect(found(text, 'DATE_OF_BIRTH')).toEqual([]);
  });
});

describe('PHONE classes', () => {
  it.each([
    ['Fax: 345-899-3560x4587', '345-899-3560x4587'],
    ['Desk: +1-903-140-4508 ext. 769', '+1-903-140-4508 ext. 769'],
    ['001-518-640-0854 mobile', '001-518-640-0854'],
    ['781 1704 office', '781 1704'],
    ['082 490 1693-Office', '082 490 1693'],
    ['Phone:\n467 3395', '467 3395'],
    ['Please call me back on 560 1234 after 3pm.', '560 1234'],
    ['WhatsApp (11) 96123-4567', '(11) 96123-4567'],
    ['Mobile: 8 (771) 000 9998', '8 (771) 000 9998'],
    ['M: 99 577450', '99 577450'],
    ['Emergency contact: Maëlys Pelletier 3317046644', '3317046644'],
    ['Reach Priya at prahman@fenwick-law.com or 2535080974.', '2535080974'],
    ['Home phone: +1 211 874 5180', '+1 211 874 5180'],
    ['Mobile +290 8999', '+290 8999'],
    ['020 7946 0018', '020 7946 0018'],
    ['06 03 12 34 48', '06 03 12 34 48'],
    ['<a href="tel:+14155552671">', '+14155552671'],
    ['Phone:415-555-2671', '415-555-2671'],
  ])('finds the phone in %j', (text, value) => {
    expect(found(text, 'PHONE')).toEqual([value]);
  });

  it('reads the phone column of a CSV whose quoted name cells hold the delimiter, next to a digit cell', () => {
    const csv = 'customer,birthdate,mobile,created_at\n"Rosenblatt, Golnar",Jul. 17 1968,5625087372,2024-11-12T17:55:45Z\n"Kang, Takeshi",11/03/1984,(575) 599-7053,2023-09-28T05:13:31Z\n';
    expect(found(csv, 'PHONE')).toEqual(['5625087372', '(575) 599-7053']);
  });

  it('gives a phone word to the nearest number only', () => {
    expect(found('Mobile: (687) 572-5768\nts=4584707174', 'PHONE')).toEqual(['(687) 572-5768']);
  });

  it.each([
    'Tim called about the refund. Case number 042889164',
    'Tim called about the invoice. Re: ticket 4580847750',
    'Batch 043058323 was paid.',
    'Zip 01501-8160',
    'total 1,234,567 units',
    'Phone: 2024-03-01',
    'Cell 1111111',
    'at 12:30:4155552671',
  ])('finds no phone in %j', (text) => {
    expect(found(text, 'PHONE')).toEqual([]);
  });
});
