/**
 * PERSON in passenger-name-record form, SURNAME/GIVEN (issue 14, fourth round): particle surnames
 * ("DE LA FUENTE/VALENTINA") and names no list holds in a booking's place (a numbered passenger
 * line, a passenger code after). Negatives: airport pairs, band names and unit pairs with a slash.
 */
import { describe, expect, it } from 'vitest';
import { compileDlp, scanText } from '../../worker/dlp/index.js';
import { settingsWith } from './fixtures.js';

const dlp = compileDlp(settingsWith({}));
const people = (text: string) => scanText(dlp, text).filter((m) => m.type === 'PERSON').map((m) => text.slice(m.start, m.end));

describe('PERSON as SURNAME/GIVEN', () => {
  it.each([
    ['Valid until 17JUN2022\n2. DE LUCA/MATTEO MR ADT\n3. FAIRBANKS/HEATHER MS', 'DE LUCA/MATTEO'],
    ['Issued Jun 6, 2025 by Fernbank Travel\n\n1. DE LA FUENTE/VALENTINA MRS ADT\n   Passport V58403704', 'DE LA FUENTE/VALENTINA'],
    ['2. MCCARTHY/EOIN MRS ADT\n3. DOS SANTOS/CAIO ADT\n   Passport 942837582', 'DOS SANTOS/CAIO'],
    ['Issued 03/02/2027 by Skyway Tours\n\n1. CHAIYAPORN/KANOKWAN MRS\n   Passport C25080651', 'CHAIYAPORN/KANOKWAN'],
    ['DOB 1984-08-18  Exp 2021-08-03\n2. NGATA/WIREMU MS\n   Passport G06952466', 'NGATA/WIREMU'],
  ])('%j', (text, expected) => {
    expect(people(text)).toContain(expected);
  });

  it.each([
    'Route LHR/JFK then JFK/SFO on Monday.',
    'We played AC/DC and then some R&B.',
    'Set TCP/IP and HTTP/HTTPS in the proxy.',
    '1. ALPHA/BETA release notes',
    'Rates: USD/EUR 1.08, GBP/USD 1.27',
  ])('%j has no person', (text) => {
    expect(people(text)).toEqual([]);
  });
});
