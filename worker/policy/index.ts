/**
 * Policy: which bundle is active, and the pipeline stages it implies (identify, authorize,
 * inspect). A snapshot is immutable; installing a bundle swaps the whole snapshot at once.
 *
 * Until the policy bundle loader lands, the store holds the built-in open snapshot: no
 * authentication, every model allowed, no inspection.
 */
import type { GatewayConfig } from '../config/index.js';
import type { Logger } from '../log/index.js';
import { TargetRegistry } from '../proxy/targets.js';
import type { AuthorizeStage, IdentifyStage, InspectRequestStage, InspectResponseStage } from '../pipeline/types.js';

export interface PolicySnapshot {
  readonly version: string;
  /** Where the bundle came from: 'volume', 'installed', 'last-known-good' or 'built-in'. */
  readonly source: string;
  /** Why this bundle is the active one (shown by /readyz and the admin status). */
  readonly reason: string;
  readonly targets: TargetRegistry;
  readonly identify: IdentifyStage;
  readonly authorize: AuthorizeStage;
  readonly inspectRequest: InspectRequestStage;
  readonly inspectResponse: InspectResponseStage;
}

export interface PolicyStore {
  current(): PolicySnapshot;
}

const anonymous: IdentifyStage = async () => ({ subject: 'anonymous', groups: [], scopes: [], method: 'none' });
const allowAll: AuthorizeStage = () => {};
const noInspection: InspectRequestStage = async () => ({ decision: 'allow', findings: [] });
const noResponseInspection: InspectResponseStage = {
  whole: async () => ({ decision: 'allow', findings: [] }),
  stream: () => null,
};

/** Loads the active policy and returns the store the pipeline reads from. */
export async function createPolicyStore(config: GatewayConfig, log: Logger): Promise<PolicyStore> {
  const snapshot: PolicySnapshot = {
    version: 'built-in-open',
    source: 'built-in',
    reason: 'no policy bundle support yet',
    targets: new TargetRegistry(config.targets),
    identify: anonymous,
    authorize: allowAll,
    inspectRequest: noInspection,
    inspectResponse: noResponseInspection,
  };
  log.info(`Policy bundle loaded: version=${snapshot.version}, rules=0`);
  return { current: () => snapshot };
}
