/**
 * PERSON recall on text written unlike ours (issue 14, second round), class by class: transcript
 * speakers without time stamps, relatives and friends named after the relation, direct address,
 * speech to someone, verbs only people do, romanised hyphenated given names, O'/Mc/D' surnames,
 * surname morphology, names with a middle initial, works and households after an article,
 * lowercase chat, ALL-CAPS form fields. Each class comes with negatives of the same shape:
 * organisations, places, products, headings and lowercase words that are also names.
 */
import { describe, expect, it } from 'vitest';
import { compileDlp, scanText } from '../../worker/dlp/index.js';
import { cityLineOfAddress, saidToBeOrganisation } from '../../worker/dlp/detectors/person-not-person.js';
import { isGivenName, isSurname } from '../../worker/dlp/detectors/name-lexicon.js';
import { settingsWith } from './fixtures.js';

const dlp = compileDlp(settingsWith({}));
const people = (text: string) => scanText(dlp, text).filter((m) => m.type === 'PERSON').map((m) => text.slice(m.start, m.end));

describe('PERSON finds, by class', () => {
  it.each([
    // Transcript speakers without a time stamp.
    ['Viktor: "Who are you?"\nNoah:"I\'m Amar\'s daughter".', 'Noah'],
    ['Ava: What a wife.\nCarlos: Remember me, Sara?', 'Carlos'],
    // Relatives, friends and colleagues named after the relation; naming verbs.
    ['I would like to remove my kid Elija from the will.', 'Elija'],
    ['Her husband, Tomasz, will pick it up.', 'Tomasz'],
    ['She named him Kirollos', 'Kirollos'],
    // Direct address.
    ['Remember me, Georgi? When I left', 'Georgi'],
    ["Don't go to town, Rachid!", 'Rachid'],
    ['Seo-yun, can I please speak to your manager?', 'Seo-yun'],
    // Speech to someone; verbs only people do.
    ["I'm so jealous! said Mina to Ahmad", 'Ahmad'],
    ['Salma began writing as a teenager.', 'Salma'],
    ['Santiago was born on 1943/01/26.', 'Santiago'],
    // Nicknames and quotation attributions; a former role before a surname.
    ['My name is Borna but everyone calls me Višeslav', 'Višeslav'],
    ['"Most are horrible," says Quirion.', 'Quirion'],
    ['This song by ex-Zombie Knežević is a perfect example.', 'Knežević'],
    // Surnames in a list after a label of people are not a firm's name.
    ['It is the brainchild of our 3 founders: Monjeau, Graves and Reed.', 'Monjeau'],
    ['Attendees: Owens, Duran and Oneal', 'Duran'],
    // A middle initial makes a name of rare or word-like tokens; a romanised given name takes a short surname.
    ["What's your name? Jildau S Bouts", 'Jildau S Bouts'],
    ['Please change it to Soib K. Kishiev', 'Soib K. Kishiev'],
    ['What is your name? Ji-a Im', 'Ji-a Im'],
    ['even greater by a mandolin coda (not by Ha-rin Gang).', 'Ha-rin Gang'],
    // Degrees and generational suffixes do not make a name part of a longer proper noun.
    ['My great grandmother was called Giovanna Rodrigues MD', 'Giovanna Rodrigues'],
    // A surname and initials.
    ['Reviewed by Kowalski, J. on Monday', 'Kowalski, J.'],
    ['Okonkwo C. signed off the change.', 'Okonkwo C.'],
    // A rare name among listed names.
    ['They had 6: James, Maryam, Beshoi, Luca, Noah and Lin.', 'Beshoi'],
    ['They had 6: Saidali, Elizabeth, Michael, Arthur and Greg.', 'Saidali'],
    // Romanised hyphenated given names (Korean, Chinese).
    ['Ji-hoon was born on December 13, 1984', 'Ji-hoon'],
    ['Shu-fen is a very sympathetic person.', 'Shu-fen'],
    // Irish, Scottish, Italian surname prefixes in reported speech.
    ['"It is moving in that direction," says D\'Agostino.', "D'Agostino"],
    // Two rare tokens, the last shaped like a surname of its tradition.
    ['Aisultan Kusainov joined the call', 'Aisultan Kusainov'],
    ['Ástríður Steinarsdóttir will join the call', 'Ástríður Steinarsdóttir'],
    // Works and households after an article.
    ["Unlike the Christiansen novel, it's not about that.", 'Christiansen'],
    ['We visited the Okafor family last week.', 'Okafor'],
    // Lowercase chat with a cue.
    ['talked to maria yesterday about the invoice', 'maria'],
    ['hi dana mitchell, the refund went out', 'dana mitchell'],
    ['my name is priya and I need help', 'priya'],
    // Booking names (SURNAME/GIVEN), a piped ALL-CAPS field, a lowercase chat speaker after a time stamp.
    ['1. BJORKLUND/SIGRID MS ADT', 'BJORKLUND/SIGRID'],
    ['2. VAN DIJK/FEMKE MS', 'VAN DIJK/FEMKE'],
    ['EMPLOYEE NAME | QUENTIN LEFEBVRE', 'QUENTIN LEFEBVRE'],
    ['[16:57] bogdan: hey did anyone call?', 'bogdan'],
    ["Visitor: hi i'm siobhan", 'siobhan'],
    ['## Actions\n- [ ] arnel: ping legal by Friday', 'arnel'],
    ['MANAGER .......... KEONI KAHANANUI\nLAST REVIEW', 'KEONI KAHANANUI'],
    ['Requester: BRYONY SUTHERLAND <bsutherland@example.com>', 'BRYONY SUTHERLAND'],
    // Names in scripts without capitals, after a label, a greeting or a title.
    ['姓名：王小明\n电话：13800138000', '王小明'],
    ['氏名: 山田太郎', '山田太郎'],
    ['이름: 김민준', '김민준'],
    ['Dear 김민준, thank you', '김민준'],
    ['الاسم: أحمد علي', 'أحمد علي'],
    ['नाम: राहुल शर्मा', 'राहुल शर्मा'],
    ['Customer name: ナカムラ', 'ナカムラ'],
    // ALL-CAPS form fields.
    ['PATIENT: JOHN SMITH\nDOB: 01/02/1980', 'JOHN SMITH'],
    ['NAME: OKONKWO, CHIDI', 'OKONKWO, CHIDI'],
    ['{"last_name": "KOWALSKI"}', 'KOWALSKI'],
  ])('%s', (text, name) => {
    expect(people(text)).toContain(name);
  });
});

describe('PERSON leaves alone, by class', () => {
  it.each([
    // Headings and field labels at a line start are not speakers.
    'Notes: the shipment left on Monday.\nCarrier: DHL Express',
    'Status: Open\nPriority: High',
    // Organisations named after people, said to be organisations or named as an employer.
    'Berkshire Hathaway is a design agency based in Omaha.',
    'Coden is a design agency based in Leeds.',
    'Numedii, which later became Oliver Wyman in 1965.',
    'The Oliver Wyman office is at 95 Avenue des Ternes.',
    // Firms named after three surnames, without a label of people before them.
    'The account moved to Davis, Reynolds and Williamson last year.',
    // A rare word among places or products is not a person.
    'We ship to Berlin, Paris, Quoxa and Rome.',
    'Supported: Docker, Kubernetes, Zorbatech and Linux.',
    // Slash pairs of codes and words, lowercase speakers that are words.
    'ROUTE: LHR/JFK, SIZE: XL/XXL, AC/DC, TCP/UDP and INPUT/OUTPUT',
    '[10:00] build: ok\n[12:00] will: ok',
    "i'm fine, i am here, this is great — will do\n- [x] build: green",
    // Uncased scripts without a label, placeholders and long runs after a label.
    '我们明天在北京开会。',
    '姓名：未知',
    '备注：王小明明天来',
    '姓名：这是一段很长的中文说明文字',
    // The tail of a longer proper noun after a place prefix or a rejected longer reading; trade words ending a firm.
    'She spent a year at Billguard in San Giovanni Di Casarsa, which later became Liquid Robotics.',
    'The version recorded for Freeport McMoran Copper & Gold Inc. became a hit.',
    'grinding machine tender\nBuena Vista Garden Maintenance\nPSC 7004',
    // A word and an initial that are no surname and initials.
    'Take Vitamin D. daily and follow Plan B. if it fails; Paris, F. is a heading.',
    // A middle initial after a word that is no name.
    'See Section A Summary and Vitamin D Supplements.',
    // Royal titles and religious words.
    'The Princess Royal arrived at Hasle this morning.',
    'God gave rock and roll to you.',
    // Hyphenated compounds of ordinary words.
    'Follow-up: Check-in at the front desk.',
    // Lowercase words that are also names, in ordinary prose and after weak cues.
    'will you mark the bill as paid? may grace be with you.',
    'i talked to will about it and asked may for help',
    'we spoke to sales and asked legal; thanks again, team',
    'talked to paris office yesterday',
    // ALL-CAPS values after a label that are no names.
    'CUSTOMER: ACME CORP\nCONTACT: SUPPORT TEAM\nNAME: NOT PROVIDED',
    'STATUS: JOHN SMITH', // not a name label: left to the capitalised detectors, which need lowercase letters
    // Ordinary prose around names' shapes.
    'The novel was great. The family was large.',
  ])('%s', (text) => {
    expect(people(text)).toEqual([]);
  });
});

describe('PERSON finds the person and not the organisation or place beside it', () => {
  it.each([
    ['Amy Weiss of Reed Elsevier spoke first.', 'Amy Weiss', 'Reed Elsevier'],
    ["Banco Products Ltd's Ema Nakajima, and Engie SA's Aada Laitinen.", 'Aada Laitinen', 'Engie'],
    ["Bridgewater's Parker Suknović presented the results.", 'Parker Suknović', 'Bridgewater'],
    // The city line of a postal address names a place, the line above the street the addressee.
    ['Tintin Forsberg\n85199 Avda. Rio Nalon 58\nApt. 461\nSoto del Barco\nSpain 61709', 'Tintin Forsberg', 'Soto del Barco'],
    ['Tintin Forsberg\n12 Calle Mayor\nApt. 4\nMaría Albina\nUruguay 77212', 'Tintin Forsberg', 'María Albina'],
    ['Tintin Forsberg\n274 Via delle Coste 41\n??? Apt. 322\n??? Colle Di Tora\n??? Italy 95787', 'Tintin Forsberg', 'Colle Di'],
  ])('%s', (text, person, other) => {
    const found = people(text);
    expect(found).toContain(person);
    expect(found).not.toContain(other);
  });
});

describe('name classes in the lexicon', () => {
  it('reads romanised hyphenated given names and surname prefixes', () => {
    for (const name of ['Ji-hoon', 'Seo-yeon', 'Shu-fen', 'Min-jun']) expect(isGivenName(name), name).toBe(true);
    expect(isGivenName('Follow-up')).toBe(false);
    for (const name of ["O'Doherty", 'McKenzie', "D'Agostino", 'MacLeod']) expect(isSurname(name), name).toBe(true);
    expect(isSurname('Mcdonald')).toBe(false);
  });
});

describe('organisation and address context', () => {
  it('says organisation for what is said of organisations', () => {
    expect(saidToBeOrganisation('Berkshire Hathaway is a design agency', 0, 18)).toBe(true);
    expect(saidToBeOrganisation('Amy Weiss of Reed Elsevier', 13, 26)).toBe(true);
    expect(saidToBeOrganisation('Maria Lopez is a nurse', 0, 11)).toBe(false);
    expect(saidToBeOrganisation("Maria Lopez's Cautionary Tales", 0, 11)).toBe(false);
  });

  it('finds the city line of an address, not the addressee line', () => {
    expect(cityLineOfAddress('12 Main St\nApt. 4\nMaria Albina\nUruguay 77212', 18, 30)).toBe(true);
    expect(cityLineOfAddress('Maria Albina\n12 Main St\nApt. 4', 0, 12)).toBe(false);
    expect(cityLineOfAddress('DOB: 1980-01-02\nMaria Lopez\nPhone: 555 0100', 16, 27)).toBe(false);
  });
});
