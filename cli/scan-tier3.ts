/**
 * Tier 3 for `outpost scan`: the same classifier the gateway loads (worker/classifier), run in
 * Node on onnxruntime-web's wasm bytes. On by default with the default model (assets/model), as
 * `npm start` runs it; DLP_DEBERTA_ENABLED / AIRGAP_MODEL_PATH / DEBERTA_MODEL_PATH choose
 * otherwise, `--no-tier3` turns it off.
 *
 * @example
 * const tier3 = await scanTier3(process.env, (l) => console.error(l));
 * const result = await tier3?.classify(text); // { label, score, spans }
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTier3Classifier } from '../worker/classifier/index.js';
import type { Tier3Classifier } from '../worker/dlp/settings.js';
import { scanTier3Variables } from './operator-env.js';

const DEFAULT_MODEL_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'assets', 'model');

export async function scanTier3(env: NodeJS.ProcessEnv, err: (line: string) => void): Promise<Tier3Classifier | null> {
  const wasmPath = join(dirname(createRequire(import.meta.url).resolve('onnxruntime-web/wasm')), 'ort-wasm-simd-threaded.wasm');
  const { classifier } = await createTier3Classifier(
    scanTier3Variables(env, DEFAULT_MODEL_DIR),
    {
      volumes: { read: async (p) => new Uint8Array(readFileSync(p)) },
      // Only the load failure matters here (one line, on stderr); the rest is gateway logging.
      log: { debug() {}, info() {}, warn() {}, error: (m: string) => err(`WARN ${m}`) },
      gatewayVersion: 'scan',
      wasm: async () => ({ bytes: new Uint8Array(readFileSync(wasmPath)) }),
    },
  );
  return classifier;
}
