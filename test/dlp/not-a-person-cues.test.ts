/**
 * PERSON precision (issue 14): organisation, product and place cues applied to every PERSON
 * finding (worker/dlp/detectors/not-a-person.ts). Each class has a person of the same shape in the
 * same kind of text, so a filter that simply dropped names would fail here too.
 */
import { describe, expect, it } from 'vitest';
import { compileDlp, scanText } from '../../worker/dlp/index.js';
import { notAPersonCue } from '../../worker/dlp/detectors/not-a-person.js';
import { settingsWith } from './fixtures.js';

const dlp = compileDlp(settingsWith({}));
const people = (text: string) => scanText(dlp, text).filter((m) => m.type === 'PERSON').map((m) => text.slice(m.start, m.end));
const flagged = (text: string, value: string) => people(text).some((p) => p.includes(value) || value.includes(p));

describe('organisations are not persons', () => {
  it.each([
    ['Invoice issued by Keller Transport GmbH, Hamburg.', 'Keller'],
    ['Our supplier Duarte Freight Ltd. raised prices again.', 'Duarte'],
    ['Please pay Hargreaves & Sons before the 5th.', 'Hargreaves'],
    ['The audit was done by Brennan and Associates last year.', 'Brennan'],
    ['Pricing from Whitcombe & Lowry is attached.', 'Whitcombe'],
    ['Dinner at Ottoline\'s Kitchen was booked for eight.', 'Ottoline'],
    ['Vendor: Tobias Renner\nTerms: net 30', 'Tobias Renner'],
    ['{"employer_name": "Lucia Ferraro", "start": "2021-04-01"}', 'Lucia Ferraro'],
    ['{"managingOrganization": {"display": "Desmond Achebe"}}', 'Desmond Achebe'],
    ['Remit to: Fernando Quiroga, VAT ES B12345678', 'Fernando Quiroga'],
    ['Kind regards,\nHelena Marsh\nFitzgerald Pryce\n', 'Fitzgerald Pryce'],
    ['He played bass in the band Marlow Quincey, until 2004.', 'Marlow Quincey'],
  ])('%j: %s is not flagged', (text, value) => {
    expect(flagged(text, value)).toBe(false);
  });

  it.each([
    ['Please ask Mr. Hargreaves before the 5th.', 'Hargreaves'],
    ['Kind regards,\nHelena Marsh\n', 'Helena Marsh'],
    ['Thanks Ana & Luis for the help.', 'Ana'],
    ['Contact: Tobias Renner\nTerms: net 30', 'Tobias Renner'],
    ['The company Maria Lopez founded in 2012 grew fast.', 'Maria Lopez'],
    ["Ottoline's report is due Friday.", 'Ottoline'],
  ])('%j: the person %s is still found', (text, value) => {
    expect(flagged(text, value)).toBe(true);
  });
});

describe('products are not persons', () => {
  it.each([
    ['Restock the Hugh Rellington cologne on shelf 4.', 'Hugh Rellington'],
    ['The Aurora Pro ships in May; the Aurora Lite in June.', 'Aurora'],
    ['We tested Selene 4.2 against the old build.', 'Selene'],
    ['Marcus Whitby® sauces are back in stock.', 'Marcus Whitby'],
    ['| Item | Qty |\n|---|---|\n| Alfredo Benetti | 2 |\n', 'Alfredo Benetti'],
  ])('%j: %s is not flagged', (text, value) => {
    expect(flagged(text, value)).toBe(false);
  });

  it.each([
    ['Hugh Rellington called about the invoice.', 'Hugh Rellington'],
    ['| Name | Qty |\n|---|---|\n| Alfredo Benetti | 2 |\n', 'Alfredo Benetti'],
    ['first_name\tlast_name\tdob\nKhalid\tHaddad\t26.05.1955\n', 'Haddad'],
  ])('%j: the person %s is still found', (text, value) => {
    expect(flagged(text, value)).toBe(true);
  });
});

describe('places are not persons', () => {
  it.each([
    ['The plant is based in Salem and ships nationwide.', 'Salem'],
    ['They flew from Adelaide to Perth last night.', 'Adelaide'],
    ['The team met in Kendrick Heights, Ohio last spring.', 'Kendrick'],
    ['The depot sits on Whitfield Creek near the bridge.', 'Whitfield'],
    ['Deliveries go to 42 Harbour Road, Marlow 48211 each week.', 'Marlow'],
    ['Offices in Los Angeles, California and Austin, Texas.', 'California'],
  ])('%j: %s is not flagged', (text, value) => {
    expect(flagged(text, value)).toBe(false);
  });

  it.each([
    ['I spoke to Elizabeth about the refund.', 'Elizabeth'],
    ['Attendees: Valeria, Finn, Nikola, Georgia, Susan.', 'Nikola'],
    ['Signed, Kendrick Howell', 'Kendrick Howell'],
  ])('%j: the person %s is still found', (text, value) => {
    expect(flagged(text, value)).toBe(true);
  });
});

describe('notAPersonCue names the cue', () => {
  it('reports the id of the first cue that holds', () => {
    expect(notAPersonCue('Invoice from Miller Logistics GmbH', 13, 19)).toBe('organisation.legal_form');
    expect(notAPersonCue('Hargreaves & Sons', 0, 10)).toBe('organisation.family_firm');
    expect(notAPersonCue('Procter & Gamble', 0, 7)).toBe('organisation.ampersand_pair');
    expect(notAPersonCue('Call Maria Lopez today', 5, 16)).toBeUndefined();
  });
});
