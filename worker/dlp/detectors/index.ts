/** Every built-in detector, by id. Tier 1 is PII and secrets; the rest only bundles switch on. */
import type { Detector } from '../detector.js';
import { BIRTH_DATE_DETECTORS } from './birth-date.js';
import { CLASSIFICATION_DETECTORS } from './classification.js';
import { CONFIG_SECRET_DETECTORS } from './secrets-config.js';
import { LICENCE_AND_SSN_DETECTORS } from './driver-license.js';
import { PERSON_DETECTORS } from './person.js';
import { PHONE_DETECTORS } from './phone.js';
import { PII_DETECTORS } from './pii.js';
import { REGULATED_DETECTORS } from './regulated.js';
import { SECRET_DETECTORS } from './secrets.js';

export const TIER1_DETECTORS: readonly Detector[] = [
  ...PII_DETECTORS,
  ...PHONE_DETECTORS,
  ...BIRTH_DATE_DETECTORS,
  ...LICENCE_AND_SSN_DETECTORS,
  ...PERSON_DETECTORS,
  ...SECRET_DETECTORS,
  ...CONFIG_SECRET_DETECTORS,
];
export const TIER2_DETECTORS: readonly Detector[] = [...REGULATED_DETECTORS, ...CLASSIFICATION_DETECTORS];
export const BUILTIN_DETECTORS: ReadonlyMap<string, Detector> = new Map([...TIER1_DETECTORS, ...TIER2_DETECTORS].map((d) => [d.id, d]));

export { CLASSIFICATION_DETECTORS, PII_DETECTORS, REGULATED_DETECTORS, SECRET_DETECTORS };
