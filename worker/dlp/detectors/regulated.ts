/**
 * Identifiers that only the compliance bundles switch on: card security data (PCI DSS), medical
 * record, health plan and provider numbers (HIPAA), national insurance numbers (GDPR). All of them
 * are bare numbers without their label, so every one needs its context word.
 */
import type { Detector } from '../detector.js';
import { luhnValid } from '../validators.js';

/** NPI: 10 digits whose Luhn check runs over the 80840 health-industry prefix (CMS NPI standard). */
const npiValid = ({ value }: { value: string }): boolean => /^[12]\d{9}$/.test(value) && luhnValid(`80840${value}`);

export const REGULATED_DETECTORS: readonly Detector[] = [
  {
    id: 'tier2.pci.card_security_code',
    anchor: { literals: ['cvv', 'cvc', 'cid', 'csc', 'security code'], notAfter: 'A-Za-z0-9_' },
    type: 'CARD_SECURITY_CODE',
    description: 'Card verification values (CVV/CVC/CID) next to their label',
    pattern: /\b(?:CVV2?|CVC2?|CID|CSC|security code)[ \t]*(?:[:#=]|is)?[ \t]*(\d{3,4})\b/dgi,
    group: 1,
    keywords: ['cvv', 'cvc', 'cid', 'csc', 'security code'],
    keywordsCaseInsensitive: true,
    score: 0.9,
  },
  {
    id: 'tier2.pci.card_expiry',
    anchor: { literals: ['exp', 'valid thr'], notAfter: 'A-Za-z0-9_' },
    type: 'CARD_EXPIRY',
    description: 'Card expiry dates (MM/YY, MM/YYYY) next to exp/expiry/valid thru',
    pattern: /\b(?:exp(?:iry|iration)?(?: date)?|valid thru|valid through)[ \t]*[:.]?[ \t]*((?:0[1-9]|1[0-2])\/(?:\d{2}|20\d{2}))\b/dgi,
    group: 1,
    keywords: ['exp', 'valid thru', 'valid through'],
    keywordsCaseInsensitive: true,
    score: 0.85,
  },
  {
    id: 'tier2.hipaa.medical_record_number',
    anchor: { literals: ['mrn', 'medical record'], notAfter: 'A-Za-z0-9_' },
    type: 'MEDICAL_RECORD_NUMBER',
    description: 'Medical record numbers (MRN) next to their label',
    pattern: /\b(?:MRN|medical record(?: number| no\.?| #)?)[ \t]*[:#]?[ \t]*([A-Z]{0,3}-?\d{5,12})\b/dgi,
    group: 1,
    keywords: ['mrn', 'medical record'],
    keywordsCaseInsensitive: true,
    score: 0.9,
  },
  {
    id: 'tier2.hipaa.health_plan_id',
    anchor: { literals: ['member', 'subscriber id', 'policy', 'beneficiary id', 'medicare', 'mbi'], notAfter: 'A-Za-z0-9_' },
    type: 'HEALTH_PLAN_ID',
    description: 'Health plan member and beneficiary ids next to their label',
    pattern: /\b(?:member id|member #|subscriber id|policy (?:number|no\.?|#)|beneficiary id|medicare (?:id|number)|MBI)[ \t]*[:#]?[ \t]*([A-Z0-9]{2,4}-?[A-Z0-9]{3,10}-?[A-Z0-9]{0,8})\b/dgi,
    group: 1,
    keywords: ['member', 'subscriber', 'policy', 'beneficiary', 'medicare', 'mbi'],
    keywordsCaseInsensitive: true,
    validator: ({ value }) => /\d/.test(value),
    score: 0.85,
  },
  {
    id: 'tier2.hipaa.npi',
    anchor: { literals: ['npi'], notAfter: 'A-Za-z0-9_' },
    type: 'NPI',
    description: 'US National Provider Identifiers (10 digits, Luhn with the 80840 prefix) next to NPI',
    pattern: /\bNPI[ \t]*(?:number|no\.?|#)?[ \t]*[:#]?[ \t]*(\d{10})\b/dg,
    group: 1,
    keywords: ['NPI'],
    validator: npiValid,
    score: 0.9,
  },
  {
    id: 'tier2.gdpr.uk_nino',
    anchor: { runs: ['capitals'], first: 'A-Z', second: 'A-Z', third: '0-9 ' },
    type: 'UK_NINO',
    description: 'UK National Insurance numbers (HMRC prefix rules)',
    pattern: /\b(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b/g,
    score: 0.85,
  },
];
