/**
 * The DLP engine as the policy store sees it: it builds each risk tier's inspection stages; the
 * store decides which tier a call gets. A bad operator pattern throws here and the store refuses
 * that bundle.
 */
import { compileDlp, createDlpStages } from '../dlp/index.js';
import type { Tier3Classifier } from '../dlp/settings.js';
import type { Logger } from '../log/index.js';
import type { BuildInspection } from '../policy/index.js';

export interface DlpEngine {
  readonly buildInspection: BuildInspection;
  /** Tier 3 loads after the policy; stages built before then see it from this call on. */
  useTier3(classifier: Tier3Classifier | undefined): void;
}

/**
 * Tier 3 is read at call time (the getter), so the policy can load (and log) before the model.
 * @example
 * const dlp = createDlpEngine(salt, log);
 * const policy = await createPolicyStore(config, runtime, log, { buildInspection: dlp.buildInspection });
 * dlp.useTier3(tier3.classifier ?? undefined);
 */
export function createDlpEngine(salt: string, log: Logger): DlpEngine {
  let tier3Classifier: Tier3Classifier | undefined;
  return {
    buildInspection: (settings) =>
      createDlpStages(compileDlp(settings), {
        salt,
        log,
        get tier3() {
          return tier3Classifier;
        },
      }),
    useTier3: (classifier) => {
      tier3Classifier = classifier;
    },
  };
}
