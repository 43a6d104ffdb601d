/**
 * DLP Tiers 1 and 2 (and the Tier 3 hook): detectors as data, compliance bundles, Aho-Corasick
 * keyword lists, operator patterns in a linear-time engine, and the request/response stages with
 * block, redact, reversible redaction and flag, streams included. See docs/dlp.md.
 *
 * @example
 * import { compileDlp, createDlpStages, scanText } from './dlp/index.js';
 * const compiled = compileDlp(settings);                  // throws DlpConfigError naming a bad rule
 * const stages = createDlpStages(compiled, { salt });     // { inspectRequest, inspectResponse }
 * scanText(compiled, 'card 4111 1111 1111 1111');         // [{ type: 'CREDIT_CARD', start: 5, end: 24, … }]
 */
export { compileDlp, DlpConfigError, stricterAction, DEFAULT_HOLD_BACK_CHARS } from './compile.js';
export type { CompiledDlp, CompiledDetector, CompiledKeywordRule, CompiledCustomPattern } from './compile.js';
export { scanText, resolveOverlaps } from './scan.js';
export type { Match } from './scan.js';
export { createDlpStages } from './inspect.js';
export type { DlpStageOptions, DlpStages } from './inspect.js';
export { DlpBlockedError } from './findings.js';
export { Redactor } from './redact.js';
export { DlpStreamInspector, MAX_HOLD_CHARS } from './stream.js';
export { COMPLIANCE_BUNDLES } from './bundles.js';
export type { ComplianceBundle, BundleKeywordList } from './bundles.js';
export { BUILTIN_DETECTORS, TIER1_DETECTORS, TIER2_DETECTORS } from './detectors/index.js';
export type { Detector, Candidate, Validator } from './detector.js';
export { KeywordAutomaton } from './keywords.js';
export { requestTextParts, extractResponseParts } from './extract.js';
export type { DlpSettings, CustomPatternRule, KeywordRule, Tier3Settings, Tier3Classifier, Tier3Result, ComplianceBundleId } from './settings.js';
