/**
 * Cues that a name-shaped span names an organisation, not a person: a legal form or an industry
 * word after it ("Miller Logistics GmbH", "Atlas Freight"), "& Sons" / "and Associates", a pair of
 * surnames joined by "&" ("Procter & Gamble"), a possessive brand ("Carter's Kids"), a field or key
 * that holds organisations ("Sold by:", "employer_name", "managingOrganization"), a registration
 * number after it ("…, VAT DE123"), or the company line of an e-mail signature. Detectors as data:
 * each cue has an id and a test over a few dozen characters around the span (constant cost).
 */
import { NOT_NAME_WORDS, TITLE_WORDS } from './name-context-words.js';
import { lineStartWithin } from './bounded-lines.js';
import { isGivenName } from './name-lexicon.js';

/** A cue: its id (what the audit and tests name) and whether it holds for [start, end) of `text`. */
export interface SpanCue {
  readonly id: string;
  readonly test: (text: string, start: number, end: number) => boolean;
}

/** Legal forms of companies in many jurisdictions (Inc, GmbH, S.A., Oy, KK, Pty, PLC, LLP…). */
const LEGAL_FORM = String.raw`(?:Inc|Incorporated|LLC|L\.L\.C|Ltd|Limited|GmbH|gGmbH|AG|SA|S\.A|SAS|S\.A\.S|SARL|SpA|S\.p\.A|Srl|S\.r\.l|BV|B\.V|NV|N\.V|Oy|Oyj|AB|A/S|ApS|ASA|KK|K\.K|Pty|PLC|plc|LLP|LP|Corp|Corporation|Co|KG|KGaA|Sdn Bhd|Bhd|Pte|S\.L|SL|Kft|Zrt|OÜ|SE|S\.C|SpA)`;
const LEGAL_FORM_AFTER = new RegExp(String.raw`^(?:,| +\p{Lu}[\p{L}&'’-]*){0,3}?,? +${LEGAL_FORM}\.?(?![\p{L}\p{N}-])`, 'u');

/**
 * Words that head organisation names and are not common surnames ("Park", "Hall", "Field" and
 * "Church" are, so they are left out).
 */
const INDUSTRY_HEADS = new Set(
  `Group Holdings Holding Partners Associates Freight Logistics Shipping Transport Trucking Dental Dentistry Clinic Clinics Hospital Hospitals
  Medical Healthcare Pharmacy Pharma Pharmaceuticals Therapeutics Biosciences Biotech Labs Laboratories Laboratory University Universität Université
  Universidad College Academy Institute Foundation Bank Bancorp Banking Capital Financial Finance Insurance Assurance Investments Ventures Realty
  Properties Construction Builders Systems Solutions Technologies Technology Software Consulting Consultants Services Industries Enterprises
  Manufacturing Engineering Electronics Electric Energy Motors Automotive Airlines Airways Aviation Railways Telecom Communications Media Studios
  Publishing Records Entertainment Foods Brewing Brewery Bakery Restaurant Restaurants Hotels Resorts Supermarket Supermarkets Retail Trading
  Imports Exports Distribution Distributors Wholesale Supplies Staffing Recruitment Legal Attorneys Solicitors Accountants Accounting Chemicals
  Steel Mining Petroleum Textiles Furniture Apparel Cosmetics Kids Outfitters Boutique Salon Fitness Gym Cafe Café Bistro Pizzeria Steakhouse
  Inc Corp Corporation Company Ltd LLC GmbH`.split(/\s+/),
);
/** Up to two capitalised words after the span, then an industry head ("Harbor ⟦Dental⟧ Group", "⟦Miller⟧ Cold Chain Logistics"). */
const HEAD_AFTER = /^(?: +\p{Lu}[\p{L}'’-]*){1,3}/u;

/** "& Sons", "and Associates", "& Co.", in several languages ("Söhne", "Fils", "Hijos"). */
const FAMILY_FIRM_AFTER = /^ +(?:&|and|und|et|e|y|en) +(?:Sons?|Daughters?|Associates|Partners|Co\b|Company|Brothers|Bros\b|Cie\b|Söhne|Sohn|Fils|Hijos|Filhos|Figli|Zonen|Zoon)/u;

/** "Procter & Gamble", "Ernst & Young", "Ben & Jerry's": capitalised single words joined by "&". */
const PAIR_AFTER = /^ *& *(\p{Lu}[\p{Ll}'’-]+)(['’]s)?(?![\p{L}])/u;
const PAIR_BEFORE = /(?:^|[^\p{L}])(\p{Lu}[\p{Ll}'’-]+) *& *$/u;

function ampersandPair(text: string, start: number, end: number): boolean {
  if (!text.slice(Math.max(0, start - 40), end + 4).includes('&')) return false;
  const value = text.slice(start, end);
  if (/\s/.test(value)) return false;
  const after = PAIR_AFTER.exec(text.slice(end, end + 40));
  if (after) return after[2] !== undefined || !(isGivenName(value) && isGivenName(after[1]!));
  const before = PAIR_BEFORE.exec(text.slice(Math.max(0, start - 40), start));
  if (!before || TITLE_WORDS.has(before[1]!)) return false;
  return /^['’]s(?![\p{L}])/u.test(text.slice(end, end + 3)) || !(isGivenName(value) && isGivenName(before[1]!));
}

/** "Carter's Kids", "Victoria's Secret", "Howe's Brigade": one word, a possessive, a capitalised non-name. */
const POSSESSIVE_BRAND_AFTER = /^['’]s +(\p{Lu}[\p{Ll}-]+)(?![\p{L}.])/u;
function possessiveBrand(text: string, start: number, end: number): boolean {
  if (/\s/.test(text.slice(start, end))) return false;
  const next = POSSESSIVE_BRAND_AFTER.exec(text.slice(end, end + 40));
  return next !== null && !NOT_NAME_WORDS.has(next[1]!) && !TITLE_WORDS.has(next[1]!) && !isGivenName(next[1]!);
}

/** Field labels and keys whose values are organisations ("Sold by:", "Employer:", "company_name", "managingOrganization": {"display": …}). */
const ORGANISATION_FIELD_BEFORE = new RegExp(
  String.raw`(?:sold by|vendor|supplier|seller|merchant|manufacturer|brand|company|employer|organi[sz]ation|carrier|insurer|retailer|distributor|contractor|subcontractor|lender|issuing bank|bank)` +
    String.raw`(?:[ _-]?(?:name|display))?["'*]* *[:=] *(?:\{ *["']?(?:display|name|text|value|label)["']? *: *)?["'*]* *(?:\p{Lu}\p{Ll}{0,3}\. +)?$`,
  'iu',
);
function organisationField(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 72), start);
  const line = before.slice(before.lastIndexOf('\n') + 1);
  return ORGANISATION_FIELD_BEFORE.test(line);
}

/**
 * "the band ⟦Van Canto⟧,", "the brand ⟦Carter⟧.", "nature park ⟦Kopački Rit⟧ in": a lowercase noun for a kind of
 * organisation or place right before the span, and no verb after it (in "the company Maria founded", Maria is a person).
 */
const KIND_BEFORE = /(?:^|[^\p{L}])(?:band|label|brand|company|firm|club|restaurant|hotel|nightclub|bar|store|shop|chain|agency|startup|start-up|airline|bank|charity|magazine|newspaper|album|film|movie|novel|ship|vessel|park|river|lake|village|town|city|county|municipality|district|region|province|island|mountain|airport|station|stadium|venue)(?: (?:called|named))? $/u;
const NO_VERB_AFTER = /^(?:['’]s\b|[^ \p{L}]|$| (?:in|on|at|of|and|or|with|for|from|to|near|by|where|which|that|as)\b|,)/u;
function kindNounBefore(text: string, start: number, end: number): boolean {
  return KIND_BEFORE.test(text.slice(Math.max(0, start - 28), start)) && NO_VERB_AFTER.test(text.slice(end, end + 8));
}

/** Business registration numbers after the name: "Wells Fargo, VAT DE554858103", "Acme (ABN 51 824 753 556)". */
const REGISTRATION_AFTER = /^(?:['’]s)?(?: +\p{Lu}[\p{L}'’-]*){0,3}(?:,| *\(| +[-–—|] *)? *(?:VAT|USt-?IdNr|UID|ABN|ACN|EIN|SIRET|SIREN|KvK|CIF|GSTIN|GST|UEN|CRN|Company (?:No|Number|Reg)|Reg(?:istration)?\.? No|Tax ID|TIN)\b/u;

/** A sign-off line ("Kind regards,", "Mit freundlichen Grüßen", "Cordialement,", "Un saludo,"). */
const SIGN_OFF_LINE = /^[ \t>]*(?:[\p{L}]+ +){0,3}(?:regards|grüßen|grüße|grüsse|groet|groeten|cordialement|saludo|saludos|abraços|cumprimentos|cheers|best|thanks|thank you|sincerely|atentamente|saluti|pozdrawiam|hälsningar|mvh|yours|warmly|wishes|salutations)[,.!]? *$/iu;
/** A line of one to four capitalised words (a signer's name), possibly after a title. */
const NAME_LINE = /^[ \t>]*(?:\p{Lu}[\p{L}.'’-]* *){1,4}$/u;

/** The line after the signer's name under a sign-off names the company ("Best,\nAna Lima\n⟦Morgan Stanley⟧"). */
function signatureCompanyLine(text: string, start: number, end: number): boolean {
  const lineStart = lineStartWithin(text, start, 48);
  if (lineStart <= 0 || !/^[ \t>]*(?:\p{Lu}\p{Ll}{0,3}\. +)?$/u.test(text.slice(lineStart, start))) return false;
  if (!/^ *(?:\r?\n|$)/.test(text.slice(end, end + 4))) return false;
  const previousStart = lineStartWithin(text, lineStart - 1, 48);
  if (previousStart <= 0) return false;
  const previous = text.slice(previousStart, lineStart - 1).replace(/\r$/, '');
  if (!NAME_LINE.test(previous)) return false;
  const signOffStart = lineStartWithin(text, previousStart - 1, 48);
  if (signOffStart < 0) return false;
  return SIGN_OFF_LINE.test(text.slice(signOffStart, previousStart - 1).replace(/\r$/, ''));
}

/** Whether an industry head follows the span or ends it ("Atlas ⟦Freight⟧", "⟦Harbor Dental⟧ Group"). */
function industryHead(text: string, start: number, end: number): boolean {
  if (text[end] !== ' ' && !text.slice(start, end).includes(' ')) return false;
  const inside = text.slice(start, end).split(/ +/);
  for (let i = 1; i < inside.length; i++) if (INDUSTRY_HEADS.has(inside[i]!.replace(/[.,]$/, ''))) return true;
  const after = HEAD_AFTER.exec(text.slice(end, end + 48));
  if (!after) return false;
  return after[0].trim().split(/ +/).some((w) => INDUSTRY_HEADS.has(w.replace(/[.,]$/, '')));
}

/**
 * The organisation cues, in the order they are tried.
 * @example
 * ORGANISATION_CUES.find((c) => c.test('Johnson & Sons', 0, 7))?.id; // 'organisation.family_firm'
 */
export const ORGANISATION_CUES: readonly SpanCue[] = [
  { id: 'organisation.legal_form', test: (text, _start, end) => (text[end] === ' ' || text[end] === ',') && LEGAL_FORM_AFTER.test(text.slice(end, end + 48)) },
  { id: 'organisation.industry_head', test: industryHead },
  { id: 'organisation.family_firm', test: (text, _start, end) => FAMILY_FIRM_AFTER.test(text.slice(end, end + 24)) },
  { id: 'organisation.ampersand_pair', test: ampersandPair },
  { id: 'organisation.possessive_brand', test: possessiveBrand },
  { id: 'organisation.kind_noun_before', test: kindNounBefore },
  { id: 'organisation.field', test: (text, start) => organisationField(text, start) },
  { id: 'organisation.registration_number', test: (text, _start, end) => REGISTRATION_AFTER.test(text.slice(end, end + 48)) },
  { id: 'organisation.signature_company', test: signatureCompanyLine },
];
