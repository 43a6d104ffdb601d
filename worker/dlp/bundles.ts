/**
 * Tier 2 compliance bundles: named sets of detectors and keyword lists with a default action.
 * The policy enables a bundle per risk tier and may override its action; everything else is here.
 */
import type { DlpAction } from '../core/index.js';
import { TIER1_DETECTORS } from './detectors/index.js';
import type { ComplianceBundleId } from './settings.js';

/** A built-in keyword list. Matching is case-insensitive unless `caseSensitive`. */
export interface BundleKeywordList {
  readonly id: string;
  readonly type: string;
  readonly keywords: readonly string[];
  readonly caseSensitive?: boolean;
  /** Overrides the bundle's default action for this list (a policy override still wins). */
  readonly action?: DlpAction;
  readonly score?: number;
}

export interface ComplianceBundle {
  readonly id: ComplianceBundleId;
  readonly description: string;
  readonly defaultAction: DlpAction;
  /** Detector ids (from detectors/*.ts) this bundle switches on. */
  readonly detectors: readonly string[];
  readonly keywordLists: readonly BundleKeywordList[];
}

/** The SECRETS bundle: every built-in detector marked `secret` (detectors/secrets*.ts). */
const SECRET_DETECTOR_IDS: readonly string[] = TIER1_DETECTORS.filter((d) => d.secret === true).map((d) => d.id);

/** Every built-in detector of these types: a detector added for a type joins the bundles that name the type. */
function detectorsOfTypes(...types: string[]): string[] {
  return TIER1_DETECTORS.filter((d) => types.includes(d.type)).map((d) => d.id);
}

export const COMPLIANCE_BUNDLES: Readonly<Record<ComplianceBundleId, ComplianceBundle>> = {
  PCI: {
    id: 'PCI',
    description: 'PCI DSS cardholder and sensitive authentication data',
    defaultAction: 'redact',
    detectors: ['tier1.credit_card', 'tier2.pci.card_security_code', 'tier2.pci.card_expiry'],
    keywordLists: [
      {
        id: 'tier2.pci.keywords',
        type: 'CARDHOLDER_DATA_TERM',
        keywords: ['track 1 data', 'track 2 data', 'magnetic stripe data', 'full track data', 'pin block', 'card verification value'],
        action: 'flag',
        score: 0.6,
      },
    ],
  },
  HIPAA: {
    id: 'HIPAA',
    description: 'HIPAA protected health information (Safe Harbor identifiers)',
    defaultAction: 'redact',
    detectors: [
      ...detectorsOfTypes('PERSON', 'US_SSN', 'DATE_OF_BIRTH', 'PHONE', 'EMAIL', 'IP_ADDRESS', 'DRIVER_LICENSE'),
      'tier2.hipaa.medical_record_number', 'tier2.hipaa.health_plan_id', 'tier2.hipaa.npi',
    ],
    keywordLists: [
      {
        id: 'tier2.hipaa.keywords',
        type: 'HEALTH_INFORMATION_TERM',
        keywords: ['protected health information', 'diagnosed with', 'hiv positive', 'chemotherapy', 'psychiatric evaluation', 'discharge summary', 'lab results', 'treatment plan'],
        action: 'flag',
        score: 0.6,
      },
    ],
  },
  GDPR: {
    id: 'GDPR',
    description: 'GDPR personal data and special categories',
    defaultAction: 'redact',
    detectors: [...detectorsOfTypes('EMAIL', 'PHONE', 'IBAN', 'IP_ADDRESS', 'PERSON', 'DATE_OF_BIRTH', 'US_PASSPORT'), 'tier2.gdpr.uk_nino'],
    keywordLists: [
      {
        id: 'tier2.gdpr.special_categories',
        type: 'SPECIAL_CATEGORY_TERM',
        keywords: ['racial origin', 'ethnic origin', 'political opinions', 'religious beliefs', 'trade union membership', 'sexual orientation', 'genetic data', 'biometric data'],
        action: 'flag',
        score: 0.6,
      },
    ],
  },
  SECRETS: {
    id: 'SECRETS',
    description: 'Credentials, keys and tokens',
    defaultAction: 'block',
    detectors: SECRET_DETECTOR_IDS,
    keywordLists: [],
  },
  CLASSIFICATION: {
    id: 'CLASSIFICATION',
    description: 'Security classification markings (banner, with controls, portion marks) and dissemination controls',
    defaultAction: 'block',
    detectors: ['tier2.classification.controls', 'tier2.classification.top_secret', 'tier2.classification.banner', 'tier2.classification.portion'],
    keywordLists: [
      {
        id: 'tier2.classification.controls_keywords',
        type: 'CLASSIFICATION_MARKING',
        keywords: ['NOFORN', 'ORCON', 'FOUO', 'NOCONTRACT', 'PROPIN'],
        caseSensitive: true,
        score: 0.85,
      },
      {
        id: 'tier2.classification.phrases',
        type: 'CLASSIFICATION_MARKING',
        keywords: ['for official use only', 'controlled unclassified information', 'Classified By:', 'Declassify On:', 'law enforcement sensitive'],
        score: 0.85,
      },
    ],
  },
};
