/**
 * PERSON recall on text unlike ours (issue 14, third round), class by class: names in their own
 * script (Han, Hangul, Kana, Arabic, Hebrew, Devanagari, Thai, Cyrillic, Greek) in a name position;
 * names in capitals under a name column, after a field or a sign-off; lowercase chat speakers at a
 * line start; given names before work verbs; dash signatures; a title is not part of the name.
 * Each class comes with negatives of the same shape: the same scripts and capitals where no name
 * stands, organisations, headings, log levels and YAML keys.
 */
import { describe, expect, it } from 'vitest';
import { compileDlp, scanText } from '../../worker/dlp/index.js';
import { nativeLineCue } from '../../worker/dlp/detectors/person-native-cues.js';
import { settingsWith } from './fixtures.js';

const dlp = compileDlp(settingsWith({}));
const people = (text: string) => scanText(dlp, text).filter((m) => m.type === 'PERSON').map((m) => text.slice(m.start, m.end));

describe('PERSON in a name’s own script', () => {
  it.each([
    ['From: 伊藤健一 <anna85@example.io>\nSubject: refund', '伊藤健一'],
    ['To: 정민준 <jung@example.com>', '정민준'],
    ['> On 13.06.2027, 정민준 wrote:\n> Could you resend', '정민준'],
    ['2025-01-02 INFO profile updated by राहुल वर्मा fields=[phone]', 'राहुल वर्मा'],
    ['Hi Mr. יוסף לוי,\n\nThanks for the quick reply.', 'יוסף לוי'],
    ['Emergency contact: Mx. محمد حداد, +91 94277 36825', 'محمد حداد'],
    ['Good morning 민준,\n\nThanks for the reply.', '민준'],
    ['Kind regards,\n健一\nClaims Adjuster', '健一'],
    ['[12:45] 志强: yeah it is fixed', '志强'],
    ['## Actions\n- [ ] 서연: draft the RFC by July 6', '서연'],
    ['Attendees: Nikos Oikonomou, 渡辺健一, Agnieszka', '渡辺健一'],
    ['We met in Osaka. 이도윤 told us the plan had changed.', '이도윤'],
    ['王先生 will call back tomorrow.', '王'],
    ['佐藤さん sent the invoice.', '佐藤'],
    ['Guarantor: אמיר כהן, relationship self', 'אמיר כהן'],
    ['Patient: สมชาย วงศ์สวัสดิ์    MRN: 1234', 'สมชาย วงศ์สวัสดิ์'],
    // Cyrillic and Greek, whose Latin-looking letters the normaliser folds.
    ['## Notes\n- Сергей walked through the incident', 'Сергей'],
    ['MANAGER: АННА ИВАНОВА\nLAST REVIEW: 2022-01-31', 'АННА ИВАНОВА'],
    ['  "contact_name": "ЕЛЕНА СОКОЛОВ",', 'ЕЛЕНА СОКОЛОВ'],
    ['Co-signer: Μαρία Παπαδοπούλου, 251.341.5529', 'Μαρία Παπαδοπούλου'],
    // A family name alone in a family-name column.
    ['given_name,family_name,dob\n建国,王,1974-05-16\n', '王'],
  ])('%j -> %s', (text, name) => {
    expect(people(text)).toContain(name);
  });

  it.each([
    // The same scripts where no name stands: prose, places, products, placeholders, single characters outside a name column.
    '我们明天在北京开会，讨论新的产品计划。',
    'The 東京 office opens at nine.',
    'Error code 無 returned by the service.',
    'Hi 大家, the build is green.',
    'Dear 고객님, your order has shipped.',
    'Added the 한국어 translation to the menu.',
    'Новая версия вышла вчера, обновите клиент.',
    'Η νέα έκδοση κυκλοφόρησε χθες.',
    'The Москва branch closed.',
    'Greek letters Ω and Σ appear in the formula.',
    'Name: 未知',
  ])('%j has no PERSON', (text) => {
    expect(people(text)).toEqual([]);
  });

  it('reads To/cc/attendee lines and line-start speakers, not prose lines', () => {
    expect(nativeLineCue('Attendees: Rodrigo, 渡辺健一, Femke', 20, 24)).toBe(true);
    expect(nativeLineCue('- [ ] 서연: draft the RFC', 6, 8)).toBe(true);
    expect(nativeLineCue('We shipped the 東京 build today', 15, 17)).toBe(false);
    expect(nativeLineCue('Subject: 東京 office', 9, 11)).toBe(false);
  });
});

describe('PERSON in capitals in a name’s place', () => {
  it.each([
    ['FULL NAME,DOB,DL NUMBER\nAOI TAKAHASHI,06/27/1952,F41392798\nTHADDEUS HOLLOWAY,22.08.1971,M7531043\n', 'THADDEUS HOLLOWAY'],
    ['"FULL NAME";"DOB"\n"PIETER DE VRIES";"15 September 1948"\n', 'PIETER DE VRIES'],
    ['Kind regards,\nEZEKIEL THORNTON\nClaims Adjuster | Fernbank', 'EZEKIEL THORNTON'],
    ['PREVIOUS / MAIDEN NAME: KANOKWAN RATTANAKOSIN\nDATE OF BIRTH: 1965-09-22', 'KANOKWAN RATTANAKOSIN'],
    ['CO-SIGNER: PRIYANKA DESHPANDE, +33 6 34 33 02 96', 'PRIYANKA DESHPANDE'],
  ])('%j -> %s', (text, name) => {
    expect(people(text)).toContain(name);
  });

  it.each([
    // Capitals that are no name: headings, organisations, key-value rows, tickers, log levels.
    'FULL NAME,DOB\nNOT PROVIDED,1990-01-01\n',
    'Kind regards,\nHARBOR DENTAL GROUP\n',
    'Manager: ACME LOGISTICS\n',
    'SSN | 392 61 2218\nDOB | 04/06/1982\n',
    'PATIENT INTAKE FORM\n\nNOTES: NONE',
    'the first verse of her Reach PLC resignation letter',
    '2024-01-01 ERROR [auth] TOKEN EXPIRED',
  ])('%j has no PERSON', (text) => {
    expect(people(text)).toEqual([]);
  });
});

describe('PERSON as a lowercase chat speaker', () => {
  it('finds a given name opening transcript lines', () => {
    const chat = 'me: hey\nélodie: omg you got a new number\nme: saved it\ntariq: no lol\n';
    expect(people(chat)).toEqual(expect.arrayContaining(['élodie', 'tariq']));
  });

  it.each([
    // Line-start words with a colon that are no speaker: log levels, YAML keys, headers, common words that are also names.
    'boot ok\nerror: connection refused\nwarning: retrying\n',
    'spec:\n  host: db.internal\n  name: billing\n',
    'notes\nsummary: all good\nstatus: done\n',
    'chat\nwill: maybe later\nmay: sure\nmark: ok\n',
    'config\nparis: eu-west-3\nlondon: eu-west-2\n',
  ])('%j has no PERSON', (text) => {
    expect(people(text)).toEqual([]);
  });
});

describe('PERSON in To/cc and attendee lines, lowercase surnames after a cue', () => {
  it.each([
    ['Attendees: Rodrigo, Tang Xiaoling, C. Adeyemi, Y. Xu, Orla', 'Y. Xu'],
    ['Attendees: Сергей, C. Langley, Ngozi Okonkwo', 'Сергей'],
    ['Attendees: Сергей, C. Langley, Ngozi Okonkwo', 'C. Langley'],
    ['élodie: also tell okafor the wifi pw is maple4028?', 'okafor'],
  ])('%j -> %s', (text, name) => {
    expect(people(text)).toContain(name);
  });

  it.each([
    // Lowercase words after the same cue, and a subject line that is no list of people.
    'also tell apple support the wifi pw is maple4028?',
    'pls tell mark the build is green',
    'Subject: Q3 planning, budget, Roadmap',
  ])('%j has no PERSON', (text) => {
    expect(people(text)).toEqual([]);
  });
});

describe('PERSON: given names before work verbs, dash signatures and titles', () => {
  it.each([
    ['## Notes\n- Rodrigo walked through the rollout of the new API.', 'Rodrigo'],
    ['Thanks for the reply. Chiara flagged that the invoice was wrong.', 'Chiara'],
    ['Escalating to billing. — Mariam\n', 'Mariam'],
    ['SIGNED 12/12/2017 — Ingrid Sørensen\nReviewed by Kestrel', 'Ingrid Sørensen'],
    ['Employee name .......... Dmitri Volkov\nEmployee ID ... 123', 'Dmitri Volkov'],
  ])('%j -> %s', (text, name) => {
    expect(people(text)).toContain(name);
  });

  it('reports the surname after a title, never the title', () => {
    for (const text of ['Good morning Judge Inoue,\n\nThanks.', 'Referring physician: Nurse Han\n', 'Bill to: Judge Arnel Dimaculangan\n', 'Unknown, 27 March 1943; Colonel Jesse Auton, 10 April 1943']) {
      const found = people(text);
      expect(found.length).toBeGreaterThan(0);
      for (const name of found) expect(name).not.toMatch(/^(?:Judge|Nurse|Colonel)\b/);
    }
  });

  it.each([
    // A dash before an organisation in a heading; a pipe before a company in a signature.
    'PATIENT INTAKE FORM — Tallyhq\n\nPatient notes follow.',
    'Account Manager | Orbita Pagamentos\nMobile +44 7967 897352',
    '## Notes\n- Kubernetes walked through a rolling restart.',
  ])('%j has no PERSON', (text) => {
    expect(people(text)).toEqual([]);
  });
});
