/**
 * DLP Tier 3: an ONNX text classifier running inside the worker (onnxruntime-web, CPU wasm, one
 * thread), for what patterns cannot see: a diagnosis told in prose, an unannounced deal, an HR
 * investigation, a classified memo, a salary.
 *
 * Model resolution (PRODUCT.md "Tier 3 model"), only with DLP_DEBERTA_ENABLED=true:
 *   1. DEBERTA_MODEL_PATH, if set and the file exists;
 *   2. $AIRGAP_MODEL_PATH/model.onnx, else $AIRGAP_MODEL_PATH/model_quantized.onnx (int8);
 *   3. neither: Tier 3 is disabled, Tiers 1 and 2 stay active.
 * Beside the model: model.json (model-package.ts), or a Hugging Face export's config.json
 * (hf-config.ts); transformers also need tokenizer.json (hf-tokenizer.ts). A missing or corrupt
 * file, an input the gateway cannot feed or a label count the graph does not give logs one error
 * and disables Tier 3 only.
 *
 * @example
 * const tier3 = await createTier3Classifier(tier3Settings(config), { volumes, log, gatewayVersion });
 * const result = await tier3?.classify('My colleague told me she has early-stage cancer ...');
 */
import type { GatewayConfig } from '../config/index.js';
import type { Tier3Classifier, Tier3Result } from '../dlp/settings.js';
import type { Logger } from '../log/index.js';
import type { Volumes } from '../runtime/index.js';
import { featurise, sparseFeatures, tokens, windows } from './features.js';
import { hashedMlpFromOnnx, type HashedMlp } from './hashed-mlp.js';
import { parseModelPackage, type ModelPackage } from './model-package.js';
import { packageFromHfConfig, withMaxLength } from './hf-config.js';
import { configureOrt, loadOrtModel, TOKEN_INPUTS, type OrtModel, type WasmSource } from './ort.js';
import { loadHfTokenizer, type HfTokenizer } from './hf-tokenizer.js';
import { tokenClassifier, tokenSequenceClassifier } from './token-classifiers.js';

export { packageFromHfConfig } from './hf-config.js';
export { parseModelPackage, ModelPackageError, type ModelPackage } from './model-package.js';
export { featurise, sparseFeatures, tokens, windows, type SparseRow } from './features.js';
export { hashedMlpFromOnnx, type HashedMlp } from './hashed-mlp.js';
export { bioSpans, tokenWindows, type TokenSpan } from './tokens.js';
export { loadHfTokenizer, type HfTokenizer } from './hf-tokenizer.js';
export { tokenProbabilities } from './token-classifiers.js';

export interface Tier3Settings {
  readonly enabled: boolean;
  /** DEBERTA_MODEL_PATH. */
  readonly modelPath?: string;
  /** AIRGAP_MODEL_PATH. */
  readonly modelDir: string;
}

export interface Tier3Deps {
  readonly volumes: Pick<Volumes, 'read'>;
  readonly log: Logger;
  readonly gatewayVersion: string;
  /** How ORT's wasm arrives: the precompiled module in workerd and Deno (default), bytes in Node. */
  readonly wasm?: () => Promise<WasmSource>;
  /** Counts inferences and their time (metrics). */
  readonly onInference?: (windows: number, elapsedMs: number) => void;
  /**
   * Hashed-feature models: 'auto' (default) runs a plain perceptron graph in JavaScript
   * (hashed-mlp.ts) and anything else on onnxruntime; 'onnxruntime' always uses ORT (parity tests, benchmarks).
   */
  readonly engine?: 'auto' | 'onnxruntime';
}

export interface Tier3Status {
  readonly state: 'active' | 'disabled';
  readonly reason: string;
  readonly model?: { readonly path: string; readonly version: string; readonly threshold: number; readonly labels: readonly string[] };
}

export function tier3Settings(config: Pick<GatewayConfig, 'tier3'>): Tier3Settings {
  return config.tier3;
}

/** The precompiled ORT module, declared in the runtime's config (wasm/ort-module.js). */
const moduleFromRuntime = async (): Promise<WasmSource> => {
  const specifier = './ort-module.js';
  const loaded = (await import(/* @vite-ignore */ specifier)) as { default: WebAssembly.Module };
  return { module: loaded.default };
};

async function resolveModel(settings: Tier3Settings, volumes: Pick<Volumes, 'read'>): Promise<{ path: string; bytes: Uint8Array } | null> {
  const dir = settings.modelDir ? settings.modelDir.replace(/\/+$/, '') : '';
  // A Hugging Face export may carry only its int8 graph (optimum's model_quantized.onnx).
  const candidates = [settings.modelPath, dir ? `${dir}/model.onnx` : undefined, dir ? `${dir}/model_quantized.onnx` : undefined].filter((p): p is string => !!p);
  for (const path of candidates) {
    const bytes = await volumes.read(path).catch(() => null);
    if (bytes) return { path, bytes };
  }
  return null;
}

const labelMap = (labels: readonly string[]) => `{${labels.map((l, i) => `${i}: '${l}'`).join(', ')}}`;

/** Loads Tier 3 or returns null (disabled, with the reason logged and in `status`). */
export async function createTier3Classifier(settings: Tier3Settings, deps: Tier3Deps): Promise<{ classifier: Tier3Classifier | null; status: Tier3Status }> {
  const { log } = deps;
  if (!settings.enabled) return { classifier: null, status: { state: 'disabled', reason: 'DLP_DEBERTA_ENABLED is not true' } };
  const found = await resolveModel(settings, deps.volumes);
  if (!found) {
    const reason = `no model: neither DEBERTA_MODEL_PATH (${settings.modelPath ?? 'unset'}) nor ${settings.modelDir || '$AIRGAP_MODEL_PATH'}/model.onnx exists; Tier 1 and Tier 2 stay active`;
    log.error(`DeBERTa Tier3 scanner disabled: ${reason}`);
    return { classifier: null, status: { state: 'disabled', reason } };
  }
  const manifestPath = found.path.replace(/[^/]+$/, 'model.json');
  let pkg: ModelPackage;
  try {
    const read = await readPackage(found.path, manifestPath, deps.volumes);
    const tokenizer = read.pkg.input === 'token-ids' ? await readTokenizer(found.path, deps.volumes) : null;
    // An export's window: what the tokenizer files allow, if less than the positions (model.json's max_length is explicit and wins).
    pkg = read.fromHfConfig && tokenizer?.maxLength ? withMaxLength(read.pkg, tokenizer.maxLength) : read.pkg;
    const fileName = found.path.split('/').pop();
    const versions = `model_version=${pkg.version}, gateway_version=${deps.gatewayVersion}`;
    const status: Tier3Status = { state: 'active', reason: `${found.path} version=${pkg.version}`, model: { path: found.path, version: pkg.version, threshold: pkg.threshold, labels: pkg.labels } };
    // A hashed-feature perceptron needs no ORT at all (hashed-mlp.ts): no wasm instance, no session.
    const mlp = !tokenizer && deps.engine !== 'onnxruntime' ? hashedMlpFromOnnx(found.bytes, 'features', 'probabilities') : null;
    if (mlp) {
      if (mlp.dimensions !== pkg.dimensions) throw new Error(`the model takes ${mlp.dimensions} features, model.json says ${pkg.dimensions}`);
      if (mlp.classes !== pkg.labels.length) throw new Error(`the model outputs ${mlp.classes} labels, its model.json names ${pkg.labels.length}`);
      log.info(`DeBERTa Tier3 scanner loaded: ${fileName} (label_map=${labelMap(pkg.labels)}, threshold=${pkg.threshold}, ${versions})`);
      if (pkg.gatewayVersion && pkg.gatewayVersion !== deps.gatewayVersion) log.warn(`Tier 3 model was built for gateway ${pkg.gatewayVersion}, this is ${deps.gatewayVersion}`);
      return { classifier: classifierFor(mlpRows(mlp, pkg), pkg, deps), status };
    }
    configureOrt(await (deps.wasm ?? moduleFromRuntime)());
    const model = await loadOrtModel(found.bytes, 'features', 'probabilities');
    const unknown = tokenizer ? model.inputNames.filter((n) => !(TOKEN_INPUTS as readonly string[]).includes(n)) : [];
    if (unknown.length) throw new Error(`the graph declares inputs this gateway cannot feed: ${unknown.join(', ')}`);
    // A smoke inference: a model whose inputs do not match its manifest, or whose output has
    // another number of labels than config.json / model.json names, fails here, not on the first request.
    const rows = tokenizer ? await model.runTokens([...tokenizer.prefixIds, 0, ...tokenizer.suffixIds]) : await model.run(new Float32Array(pkg.dimensions), 1, pkg.dimensions);
    if (rows[0]!.length !== pkg.labels.length) throw new Error(`the model outputs ${rows[0]!.length} labels, its ${read.fromHfConfig ? 'config.json id2label' : 'model.json'} names ${pkg.labels.length}`);
    log.info(`DeBERTa Tier3 scanner loaded: ${fileName} (label_map=${labelMap(pkg.labels)}, threshold=${pkg.threshold}, ${versions})`);
    if (pkg.gatewayVersion && pkg.gatewayVersion !== deps.gatewayVersion) log.warn(`Tier 3 model was built for gateway ${pkg.gatewayVersion}, this is ${deps.gatewayVersion}`);
    return {
      classifier: !tokenizer ? classifierFor(ortRows(model, pkg), pkg, deps) : pkg.task === 'token-classification' ? tokenClassifier(model, pkg, tokenizer, deps.onInference) : tokenSequenceClassifier(model, pkg, tokenizer, deps.onInference),
      status,
    };
  } catch (e) {
    const reason = `${found.path}: ${(e as Error).message}`;
    log.error(`DeBERTa Tier3 scanner disabled: ${reason}; Tier 1 and Tier 2 stay active`);
    return { classifier: null, status: { state: 'disabled', reason } };
  }
}

/** model.json if present; otherwise a Hugging Face export's config.json (hf-config.ts). */
async function readPackage(modelPath: string, manifestPath: string, volumes: Pick<Volumes, 'read'>): Promise<{ pkg: ModelPackage; fromHfConfig: boolean }> {
  const decoder = new TextDecoder();
  // Optional files: a reader may return null or throw for a missing one.
  const manifest = await volumes.read(manifestPath).catch(() => null);
  if (manifest) return { pkg: parseModelPackage(decoder.decode(manifest)), fromHfConfig: false };
  const configPath = modelPath.replace(/[^/]+$/, 'config.json');
  const config = await volumes.read(configPath).catch(() => null);
  if (!config) throw new Error(`neither ${manifestPath} nor ${configPath} is beside the model`);
  return { pkg: packageFromHfConfig(decoder.decode(config)), fromHfConfig: true };
}

/** tokenizer.json, with tokenizer_config.json and special_tokens_map.json (both optional), beside the model. */
async function readTokenizer(modelPath: string, volumes: Pick<Volumes, 'read'>): Promise<HfTokenizer> {
  const dir = modelPath.replace(/[^/]+$/, '');
  const json = await volumes.read(`${dir}tokenizer.json`).catch(() => null);
  if (!json) throw new Error(`${dir}tokenizer.json is missing (token-ids models need their tokenizer beside them)`);
  const decoder = new TextDecoder();
  const optional = async (name: string) => {
    const bytes = await volumes.read(`${dir}${name}`).catch(() => null);
    return bytes ? (JSON.parse(decoder.decode(bytes)) as Record<string, unknown>) : {};
  };
  return loadHfTokenizer({ tokenizer: JSON.parse(decoder.decode(json)) as Record<string, unknown>, config: await optional('tokenizer_config.json'), specialTokensMap: await optional('special_tokens_map.json') });
}

/** Scores feature windows: one row of label probabilities per window. */
type WindowScorer = (parts: readonly string[][]) => Promise<ArrayLike<number>[]>;

function ortRows(model: OrtModel, pkg: ModelPackage): WindowScorer {
  return async (parts) => {
    const batch = new Float32Array(parts.length * pkg.dimensions);
    parts.forEach((words, i) => featurise(words, batch.subarray(i * pkg.dimensions, (i + 1) * pkg.dimensions)));
    return model.run(batch, parts.length, pkg.dimensions);
  };
}

function mlpRows(mlp: HashedMlp, pkg: ModelPackage): WindowScorer {
  return async (parts) => parts.map((words) => mlp.run(sparseFeatures(words, pkg.dimensions)));
}

function classifierFor(scoreWindows: WindowScorer, pkg: ModelPackage, deps: Tier3Deps): Tier3Classifier {
  return {
    modelVersion: pkg.version,
    threshold: pkg.threshold,
    async classify(text: string): Promise<Tier3Result> {
      const started = Date.now();
      const parts = windows(tokens(text), pkg.maxLength, pkg.stride);
      const rows = await scoreWindows(parts);
      const highest = pkg.labels.map((_, k) => rows.reduce((m, row) => Math.max(m, row[k]!), 0));
      const best = highest[pkg.positiveIndex]!;
      const elapsedMs = Date.now() - started;
      deps.onInference?.(parts.length, elapsedMs);
      const labelScores = Object.fromEntries(pkg.labels.map((l, k) => [l, highest[k]!]));
      return { score: best, label: best >= pkg.threshold ? pkg.labels[pkg.positiveIndex]! : pkg.labels.find((_, i) => i !== pkg.positiveIndex)!, labelScores, spans: [], elapsedMs };
    },
  };
}
