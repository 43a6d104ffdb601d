/**
 * PERSON where the structure of the text says "a name goes here" (issue 14, fourth round), class by
 * class, each with negatives of the same shape: HL7 v2 XPN/XCN name components; quoted SQL and CSV
 * cells; markdown emphasis; JSON arrays of given names; sign-offs inside quoted replies and in other
 * languages; email display names; lowercase names in chat speakers, mail headers, author lines,
 * greetings and introductions; capitals after form labels; @-mentions made of names; dialogue
 * speakers and JSON-escaped line breaks.
 */
import { describe, expect, it } from 'vitest';
import { compileDlp, scanText } from '../../worker/dlp/index.js';
import { hl7NameValid } from '../../worker/dlp/detectors/person-hl7.js';
import { handleNameValid } from '../../worker/dlp/detectors/person-handles.js';
import { speakerTurnAt } from '../../worker/dlp/detectors/person-transcript.js';
import { listedNativeName, unfoldToken } from '../../worker/dlp/detectors/person-native-lists.js';
import { settingsWith } from './fixtures.js';

const dlp = compileDlp(settingsWith({}));
const people = (text: string) => scanText(dlp, text).filter((m) => m.type === 'PERSON').map((m) => text.slice(m.start, m.end));

describe('PERSON in HL7 v2 name components', () => {
  const message = (pid5: string, pv1 = 'CLINIC^^^WARD3') =>
    `MSH|^~\\&|LAB|NORTHSIDE|||202501020304||ADT^A08|MSG00417|P|2.5.1\rPID|1||PT40771^^^NS^MR||${pid5}||19720314|M|||12 ELM ST^^SPRINGFIELD^IL^62704\rPV1|1|I|${pv1}||||0421^WALSH^BRENDAN^^^DR\r`;
  it.each([
    ['OKAFOR^CHIDINMA', 'OKAFOR^CHIDINMA'],
    ['Lindqvist^Astrid^M', 'Lindqvist^Astrid^M'],
    ['NAKAMURA^HIROSHI^K', 'NAKAMURA^HIROSHI^K'],
    ['van der Berg^Maaike', 'van der Berg^Maaike'],
    ['PARK^SEOYEON', 'PARK^SEOYEON'],
  ])('finds %s in PID-5 and the attending doctor in PV1-7', (pid5, expected) => {
    const found = people(message(pid5));
    expect(found).toContain(expected);
    expect(found).toContain('WALSH^BRENDAN');
  });
  it('leaves coded values, wards and addresses alone', () => {
    const text = 'OBX|1|CE|GLUCOSE^BLOOD^LN||HIGH^ABNORMAL|mg/dL\rPV1|1|O|CLINIC^^^WARD3\rPID|1||X^^^^||||||||12 ELM ST^^SPRINGFIELD^IL\r';
    expect(people(text)).toEqual([]);
  });
  it('needs a segment line (a caret pair in prose is no HL7 name)', () => {
    expect(hl7NameValid({ value: 'OKAFOR^CHIDINMA', text: 'see |OKAFOR^CHIDINMA| in the wiki', start: 5, end: 20 })).toBe(false);
  });
});

describe('PERSON in quoted cells, markdown emphasis and JSON arrays', () => {
  it.each([
    ["INSERT INTO staff VALUES (4102,'Renata Kowalczyk','rk@example.org');", 'Renata Kowalczyk'],
    ["INSERT INTO staff VALUES (4103,'Brennan, Siobhan','sb@example.org');", 'Brennan, Siobhan'],
    ['Escalated.\n\n_Owner: Tobias_ · due Friday', 'Tobias'],
    ['{"name": [{"family": "Adeyemi", "given": ["Folasade", "Titi"]}]}', 'Folasade'],
  ])('finds the name in %j', (text, expected) => {
    expect(people(text)).toContain(expected);
  });
  it.each([
    "INSERT INTO offices VALUES (7,'Lisbon, Portugal','HQ');",
    "INSERT INTO products VALUES (9,'Quantum Router','QR-9');",
    "log.info('Request timed out', 'retrying');",
    'Use _snake_case_ for keys and _Main_ as entry.',
    '{"tags": ["Billing", "Refund"]}',
    "It's the customer's fault, don't worry 'bout it.",
  ])('finds no person in %j', (text) => {
    expect(people(text)).toEqual([]);
  });
});

describe('PERSON after sign-offs in quoted replies and other languages, and as email display names', () => {
  it.each([
    ['> Thanks for the update.\n>\n> Best regards,\n> R. Castellanos\n', 'R. Castellanos'],
    ['Gracias por todo.\n\nAtentamente,\nValentina\n', 'Valentina'],
    ['Bis bald.\n\nMit freundlichen Grüßen\nFriedrich\nMüller Logistik GmbH', 'Friedrich'],
    ['Estimada Lucía,\n\nle escribo por la factura.', 'Lucía'],
    ['committed by K. Abernathy <kabernathy@example.net>', 'K. Abernathy'],
    ['- Action: Henrik to circulate the draft by Monday.', 'Henrik'],
    ['Reporter: Priyanka R. Menon <pmenon@example.com>', 'Priyanka R. Menon'],
  ])('finds the name in %j', (text, expected) => {
    expect(people(text)).toContain(expected);
  });
  it.each([
    ['> Best regards,\n> Customer Support\n'],
    ['Atentamente,\nDepartamento Comercial\n'],
    ['Sent by Billing Team <billing@example.com>'],
    ['- Action: Deploy to follow the release checklist.'],
  ])('finds no person in %j', (text) => {
    expect(people(text)).toEqual([]);
  });
});

describe('PERSON in lowercase where the line says name', () => {
  it.each([
    ['[10:02] oksana petrenko: can someone review my PR?', 'oksana petrenko'],
    ['[10:03] wiebke: on it', 'wiebke'],
    ['From: Ops <ops@example.com>\nCc: tomasz wierzbicki\nSubject: rota', 'tomasz wierzbicki'],
    ['Hello anneliese brandt,\n\nyour order shipped.', 'anneliese brandt'],
    ['# hotfix — author ingrid halvorsen <ih@example.org>', 'ingrid halvorsen'],
    ['hey this is dorotea about the refund', 'dorotea'],
  ])('finds the name in %j', (text, expected) => {
    expect(people(text)).toContain(expected);
  });
  it.each([
    '[10:04] deploy: finished in 42s',
    '[10:05] noreply: digest attached',
    'hello world,\nhi all,\nhey team!',
    'Cc: legal\nCc: billing',
    'this is fine, hello there',
    'i am here',
    "i'm done with the config:",
  ])('finds no person in %j', (text) => {
    expect(people(text)).toEqual([]);
  });
});

describe('PERSON in capitals after form labels', () => {
  it.each([
    ['Pt: HALVORSEN, INGRID  DOB 03/14/1961', 'HALVORSEN, INGRID'],
    ['SUBJECT: RODRIGO MENDONÇA\nNATIONALITY: BR', 'RODRIGO MENDONÇA'],
    ['REFERENCE: FATOUMATA DIALLO — former manager', 'FATOUMATA DIALLO'],
  ])('finds the name in %j', (text, expected) => {
    expect(people(text)).toContain(expected);
  });
  it.each(['Subject: RE: QUARTERLY REVIEW', 'REFERENCE: PARIS OFFICE', 'Subject: ACME CORP RENEWAL'])('finds no person in %j', (text) => {
    expect(people(text)).toEqual([]);
  });
});

describe('PERSON in @-mentions made of names', () => {
  it.each([
    ['thanks @mateus.oliveira for the fix', 'mateus.oliveira'],
    ['@fatima can you take this one?', 'fatima'],
    ['cc @jonas_lindgren', 'jonas_lindgren'],
  ])('finds the handle in %j', (text, expected) => {
    expect(people(text)).toContain(expected);
  });
  it.each([
    '@here the build is red',
    'npm i @types/node @babel/core lodash@latest',
    '@Override\npublic void run() {}',
    '@app.route("/health")',
    'mail ops@example.com or git@github.com:org/repo.git',
    'via @nytimes and @devops',
    'smtp://relay:pw@smtp.example.net:587',
  ])('finds no handle in %j', (text) => {
    expect(people(text).filter((p) => !p.includes(' '))).toEqual([]);
  });
  it('rejects a name handle used as a decorator or a host', () => {
    expect(handleNameValid({ value: 'maria', text: '@maria(', start: 1, end: 6 })).toBe(false);
    expect(handleNameValid({ value: 'maria', text: 'x @maria:5432', start: 3, end: 8 })).toBe(false);
  });
});

describe('PERSON as dialogue speakers and after JSON-escaped line breaks', () => {
  it('finds both speakers of a dialogue, one of them a rare name', () => {
    const text = 'Beatriz: "Are you coming?"\nOlawumi: "In ten minutes."';
    expect(people(text)).toEqual(['Beatriz', 'Olawumi']);
  });
  it('still finds a time-stamped speaker opening the text (no escaped line break before it)', () => {
    expect(people('[08:15] Annegret: lgtm')).toEqual(['Annegret']);
  });
  it('finds a speaker after a literal backslash-n', () => {
    const text = 'Greta: We need the keys.\\nMatteo: They are on the desk.';
    expect(people(text)).toEqual(expect.arrayContaining(['Greta', 'Matteo']));
  });
  it.each([
    'Requester: Jane Roe\nAssignee: Tier 2',
    'Notes: Check this\nStatus: Open',
    'Carrier: UPS\nTracking: Pending',
  ])('takes no field label for a speaker in %j', (text) => {
    expect(speakerTurnAt(text, text.lastIndexOf('\n') + 1, text.indexOf(':', text.lastIndexOf('\n')))).toBe(false);
  });
});

describe('PERSON in Cyrillic and Greek checked against the name lists', () => {
  it('unfolds the normaliser\'s Latin look-alikes back to the word\'s script', () => {
    expect(unfoldToken('Oльгa')).toBe('Ольга');
    expect(unfoldToken('Eλένη')).toBe('Ελένη');
    expect(unfoldToken('Maria')).toBe('Maria');
  });
  it.each([
    ['Friday cover Ольга Соколова then standup', 'Ольга Соколова'],
    ['Friday cover Ελένη Παπαδόπουλος then standup', 'Ελένη Παπαδόπουλος'],
  ])('finds a listed given name and surname without any cue in %j', (text, expected) => {
    expect(people(text)).toContain(expected);
  });
  it.each(['Friday cover Новая Версия then standup', 'Новая Версия вышла вчера', 'Привет Мир', 'Θερινή Ώρα ξεκινά'])('finds no person in %j', (text) => {
    expect(people(text)).toEqual([]);
  });
  it('needs two words', () => {
    expect(listedNativeName('Oльгa')).toBe(false);
  });
});
