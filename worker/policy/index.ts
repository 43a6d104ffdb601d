/**
 * Policy: which bundle is active, and the pipeline stages it implies (identify, authorize,
 * inspect). A snapshot is immutable; installing a bundle swaps the whole snapshot at once, and
 * each call keeps the snapshot it was given on arrival.
 *
 *   validate.ts   bytes -> bundle or problems with JSON paths (schema.ts walks the JSON Schema)
 *   check.ts      + signature (signature.ts) + OAuth keys (auth/jwks.ts)
 *   snapshot.ts   bundle -> stages (auth/*, authorize.ts, models.ts, dlp-settings.ts)
 *   store.ts      boot precedence, install, rollback, persistence (store-*.ts steps, state.ts)
 *
 * See docs/policy.md for the bundle format and the operator's view.
 */
export { createPolicyStore } from './store.js';
export type { PolicyStore, PolicyStatus, PolicyChange, InstalledBundle, PolicyStoreDeps } from './store.js';
export { noInspection } from './snapshot.js';
export type { PolicySnapshot, PolicySource, BuildInspection, Inspection } from './snapshot.js';
export { validateBundle } from './validate.js';
export type { ValidationResult } from './validate.js';
export { checkBundle } from './check.js';
export { formatProblem } from './schema.js';
export type { Problem } from './schema.js';
export { resolveDlpSettings } from './dlp-settings.js';
export { loadSignaturePolicy, importPolicyPublicKey } from './signature.js';
export { BUNDLE_FILE, MAX_BUNDLE_BYTES, ROUTE_IDS, SCHEMA_VERSION } from './bundle.js';
export type { PolicyBundle, RouteId, GeoRule } from './bundle.js';
