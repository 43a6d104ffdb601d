/**
 * Tier 1 personal data detectors. Structured identifiers are validated (checksums, numbering
 * rules, issuer tables); weakly structured ones (dates of birth, passport and licence numbers,
 * names) count only next to words that say what they are.
 */
import type { Detector } from '../detector.js';
import {
  birthDateValid,
  cardNumberValid,
  ibanEnd,
  ibanValid,
  ipv4Valid,
  ipv6Valid,
  phoneValid,
  ssnValid,
} from '../validators.js';

/** Words before a number that make it an identifier of something else, not a phone or card. */
const NOT_PERSONAL_NUMBER = ['order', 'tracking', 'invoice', 'ticket', 'ref', 'sku', 'serial', 'build', 'case #', 'po #', 'part', 'isbn', 'version'];

/** File extensions that follow an `@2x`-style suffix and would otherwise read as a top-level domain. */
const FILE_EXTENSION_TLDS = /\.(?:png|jpe?g|gif|svg|webp|js|ts|css|json|html?|md|txt|py|go|rs)$/i;

/** Common capitalised words that follow "Name:" or "Dear" without being a name. */
const NOT_A_NAME = new Set([
  'The', 'Team', 'All', 'Customer', 'Support', 'World', 'Admin', 'User', 'Sir', 'Madam', 'Colleagues', 'Friends', 'Everyone',
  'Hiring', 'Manager', 'Service', 'Server', 'Config', 'Default', 'Test', 'Unknown', 'None', 'Null', 'Product', 'Sales', 'Valued',
  'Member', 'Members', 'Client', 'Project', 'Account', 'Owner', 'Department', 'Committee', 'Board', 'Applicant', 'Candidate',
]);

const nameValid = ({ value }: { value: string }): boolean => !value.split(' ').some((w) => NOT_A_NAME.has(w));

export const PII_DETECTORS: readonly Detector[] = [
  {
    id: 'tier1.email',
    type: 'EMAIL',
    description: 'Email addresses (RFC 5322 common subset); image @2x names, package@version and git@host remotes excluded',
    pattern: /\b[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.){1,8}[A-Za-z]{2,24}\b/g,
    keywords: ['@'],
    // A ':' or '/' before it makes it the user:password@host part of a URL, unless it is mailto:.
    validator: ({ value, text, start, end }) =>
      !FILE_EXTENSION_TLDS.test(value) &&
      !/^git@/.test(value) &&
      text[end] !== '@' &&
      (!/[:/]/.test(text[start - 1] ?? '') || text.slice(start - 7, start).toLowerCase() === 'mailto:'),
    score: 0.95,
    examples: ['jane.doe@acme-corp.com'],
  },
  {
    id: 'tier1.email_obfuscated',
    type: 'EMAIL',
    description: 'Email addresses written to dodge filters: jane [at] acme [dot] com, jane(at)acme(dot)com',
    pattern:
      /(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}\s?(?:\[at\]|\(at\)|\{at\})\s?(?:[A-Za-z0-9-]{1,63}\s?(?:\[dot\]|\(dot\)|\{dot\}|\.)\s?){1,8}[A-Za-z]{2,24}(?![A-Za-z0-9-])/gi,
    keywords: ['[at]', '(at)', '{at}'],
    keywordsCaseInsensitive: true,
    score: 0.9,
    examples: ['jane [at] acme [dot] com'],
  },
  {
    id: 'tier1.phone',
    type: 'PHONE',
    description: 'Phone numbers in international (+CC) or US formats, validated against libphonenumber metadata',
    pattern:
      /(?<![\w+-])(?:\+\d{1,3}[ .-]?(?:\(\d{1,4}\)[ .-]?)?\d{1,4}(?:[ .-]\d{2,8}){1,4}|\+\d{8,15}|(?:\(\d{3}\) ?|\d{3}[-. ])\d{3}[-. ]\d{4})(?![\w-])/g,
    validator: ({ value }) => phoneValid(value),
    context: ['phone', 'tel', 'call', 'mobile', 'cell', 'fax', 'contact', 'whatsapp', 'sms', 'reach me'],
    antiContext: NOT_PERSONAL_NUMBER,
    score: 0.8,
    contextBoost: 0.15,
    examples: ['+44 20 7946 0958', '(415) 555-2671'],
  },
  {
    id: 'tier1.phone_unformatted',
    type: 'PHONE',
    description: 'Ten-digit US numbers without separators, only next to phone words',
    pattern: /\b\d{10}\b/g,
    validator: ({ value }) => phoneValid(value),
    context: ['phone', 'tel', 'call', 'mobile', 'cell', 'fax', 'sms', 'text me'],
    contextRequired: true,
    contextWindow: 24,
    antiContext: NOT_PERSONAL_NUMBER,
    score: 0.85,
  },
  {
    id: 'tier1.us_ssn',
    type: 'US_SSN',
    description: 'US Social Security numbers; area 000/666/9xx, group 00 and serial 0000 refused',
    pattern: /(?<![\d./-])\d{3}[-. \n]\d{2}[-. \n]\d{4}(?![\d/-]|\.\d)/g,
    validator: ({ value }) => ssnValid(value),
    context: ['ssn', 'social security', 'social sec', 'ss#', 'taxpayer'],
    antiContext: NOT_PERSONAL_NUMBER,
    score: 0.85,
    contextBoost: 0.1,
    examples: ['536-22-8712'],
  },
  {
    id: 'tier1.us_ssn_unformatted',
    type: 'US_SSN',
    description: 'Nine-digit SSNs without separators, only next to SSN words',
    pattern: /\b\d{9}\b/g,
    keywords: ['ssn', 'social security', 'ss#'],
    keywordsCaseInsensitive: true,
    validator: ({ value }) => ssnValid(value),
    context: ['ssn', 'social security', 'ss#'],
    contextRequired: true,
    contextWindow: 24,
    score: 0.9,
  },
  {
    id: 'tier1.credit_card',
    type: 'CREDIT_CARD',
    description: 'Payment card numbers: issuer prefix and length (Visa, Mastercard, Amex, Discover, JCB, Diners, UnionPay) and Luhn',
    // Any one separator between digits (space, dot, slash, dash; NBSP and line breaks are spaces
    // after normalisation), any grouping: the issuer table and Luhn decide.
    pattern: /(?<![\d./-])\d(?:[ \n./-]?\d){12,18}(?![\d/-]|\.\d)/g,
    validator: ({ value }) => cardNumberValid(value),
    context: ['card', 'visa', 'mastercard', 'amex', 'credit', 'debit', 'cc', 'pan'],
    antiContext: NOT_PERSONAL_NUMBER,
    score: 0.9,
    contextBoost: 0.08,
    examples: ['4111 1111 1111 1111'],
  },
  {
    id: 'tier1.iban',
    type: 'IBAN',
    description: 'International bank account numbers: country length table and ISO 7064 mod-97',
    // Any grouping and separator; the country's length decides where it ends, mod-97 whether it is one.
    pattern: /\b[A-Z]{2}\d{2}(?:[ \n./-]?[A-Z0-9]){11,30}/g,
    resolveEnd: ibanEnd,
    validator: ({ value }) => ibanValid(value),
    score: 0.95,
    examples: ['DE89 3704 0044 0532 0130 00'],
  },
  {
    id: 'tier1.ipv4',
    type: 'IP_ADDRESS',
    description: 'IPv4 addresses (octets 0-255, no leading zeros); version-like contexts excluded',
    pattern: /(?<![\w.])\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}(?![\w]|\.\d)/g,
    validator: ({ value }) => ipv4Valid(value),
    antiContext: ['version', 'v.', 'ver ', 'release', 'oid', 'build'],
    context: ['ip', 'address', 'host', 'client', 'from', 'src', 'dst'],
    contextWindow: 24,
    score: 0.85,
    contextBoost: 0.1,
    examples: ['203.0.113.42'],
  },
  {
    id: 'tier1.ipv6',
    type: 'IP_ADDRESS',
    description: 'IPv6 addresses (full and compressed forms)',
    pattern: /(?<![\w:.])(?:[0-9A-Fa-f]{1,4}:|:)(?::|[0-9A-Fa-f]{1,4}:){1,7}(?:[0-9A-Fa-f]{1,4}|:)?(?![\w:])/g,
    keywords: [':'],
    validator: ({ value }) => ipv6Valid(value),
    score: 0.85,
    examples: ['2001:db8:85a3::8a2e:370:7334'],
  },
  {
    id: 'tier1.date_of_birth',
    type: 'DATE_OF_BIRTH',
    description: 'Dates next to birth words (DOB, born, date of birth)',
    pattern:
      /\b(?:\d{4}-\d{2}-\d{2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2},? \d{4}|\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{4})\b/g,
    keywords: ['dob', 'birth', 'born', 'd.o.b'],
    keywordsCaseInsensitive: true,
    validator: ({ value }) => birthDateValid(value),
    context: ['dob', 'date of birth', 'birth date', 'birthdate', 'birthday', 'born', 'd.o.b'],
    contextRequired: true,
    contextWindow: 32,
    score: 0.9,
    examples: ['DOB: 03/14/1985'],
  },
  {
    id: 'tier1.us_passport',
    type: 'US_PASSPORT',
    description: 'US passport numbers (9 digits, or a letter and 8 digits) next to the word passport',
    pattern: /\b(?:[A-Z]\d{8}|\d{9})\b/g,
    keywords: ['passport'],
    keywordsCaseInsensitive: true,
    context: ['passport'],
    contextRequired: true,
    contextWindow: 40,
    score: 0.9,
    examples: ['Passport No: 530912874'],
  },
  {
    id: 'tier1.driver_license',
    type: 'DRIVER_LICENSE',
    description: "Driver's licence numbers (state formats: letters+digits, digits, dashed) next to licence words",
    pattern: /\b(?:[A-Z]{1,2}\d{4,12}|\d{6,12}|[A-Z]\d{3}-\d{4}-\d{4}|[A-Z]\d{2}-\d{2}-\d{4})\b/g,
    keywords: ['license', 'licence', 'dl#', 'dl no', 'dln', 'dl:'],
    keywordsCaseInsensitive: true,
    context: ["driver's license", 'drivers license', 'driver license', "driver's licence", 'driving licence', 'dl#', 'dl no', 'dln', 'dl:', 'license number', 'license no', 'lic #'],
    contextRequired: true,
    contextWindow: 40,
    score: 0.85,
    examples: ["Driver's license: D1234567"],
  },
  {
    id: 'tier1.person.title',
    type: 'PERSON',
    description: 'Names after an honorific (Mr, Mrs, Ms, Dr, Prof)',
    pattern: /\b(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.? ([A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2})/dg,
    group: 1,
    validator: nameValid,
    score: 0.75,
    examples: ['Dr. Maria Gonzalez'],
  },
  {
    id: 'tier1.person.label',
    type: 'PERSON',
    description: 'Full names after a label (Name:, Patient:, Customer:, Employee:, Contact:, Cardholder:)',
    pattern:
      /\b(?:[Nn]ame|[Ff]ull [Nn]ame|[Pp]atient|[Cc]ustomer|[Ee]mployee|[Cc]ontact|[Cc]lient|[Aa]pplicant|[Cc]ardholder|[Aa]ccount [Hh]older|[Rr]eported [Bb]y|[Aa]ssignee|[Ff]rom|[Tt]o)[ \t]*:[ \t]*([A-Z][a-z]+(?: [A-Z]\.)?(?: [A-Z][a-z'-]+){1,2})/dg,
    group: 1,
    validator: nameValid,
    score: 0.8,
    examples: ['Patient: John Smith'],
  },
  {
    id: 'tier1.person.salutation',
    type: 'PERSON',
    description: 'Names in salutations and sign-offs (Dear X Y, Regards,\\nX Y)',
    pattern: /(?:\bDear|[Rr]egards,|[Ss]incerely,|[Tt]hanks,|[Bb]est,|[Cc]heers,)\s+([A-Z][a-z]+(?: [A-Z][a-z'-]+){0,2})\b/dg,
    group: 1,
    validator: nameValid,
    score: 0.7,
    examples: ['Dear Priya Raman,'],
  },
];
