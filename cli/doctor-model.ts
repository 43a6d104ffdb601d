/**
 * `outpost doctor`'s Tier 3 model check, in the worker's resolution order (worker/classifier):
 * DEBERTA_MODEL_PATH, else $AIRGAP_MODEL_PATH/model.onnx, else $AIRGAP_MODEL_PATH/model_quantized.onnx
 * (a Hugging Face export folder may carry only its int8 graph). Beside the model it looks for what
 * the worker will read: model.json, or a Hugging Face export's config.json, whose transformer
 * needs tokenizer.json too. It reads no model: the gateway's one-line load/disable message is the
 * authority on whether a model fits.
 */
import { accessSync, constants, existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface ModelFinding {
  readonly check: 'model' | 'model-files';
  readonly severity: 'ok' | 'info' | 'warn' | 'error';
  readonly message: string;
  readonly fix?: string;
}

const readable = (path: string) => {
  try {
    accessSync(path, constants.R_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
};

/** The model file the worker would load, or null. */
export function resolveModelFile(values: Record<string, string>): { model: string | null; candidates: string[] } {
  const dir = values.AIRGAP_MODEL_PATH;
  const candidates = [values.DEBERTA_MODEL_PATH, dir ? join(dir, 'model.onnx') : undefined, dir ? join(dir, 'model_quantized.onnx') : undefined].filter((p): p is string => !!p);
  return { model: candidates.find((p) => existsSync(p) && readable(p)) ?? null, candidates };
}

/** What sits beside the model: a model.json package, or an export's config.json (+ tokenizer.json). */
function companions(model: string): ModelFinding {
  const dir = dirname(model);
  if (readable(join(dir, 'model.json'))) return { check: 'model-files', severity: 'ok', message: `${join(dir, 'model.json')} describes the model` };
  const config = join(dir, 'config.json');
  if (!readable(config)) {
    return { check: 'model-files', severity: 'warn', message: `neither model.json nor config.json beside ${model}: Tier 3 will be disabled`, fix: 'mount the whole export folder (config.json, tokenizer.json, tokenizer_config.json, special_tokens_map.json) or write a model.json (docs/tier3.md)' };
  }
  let labels = 0;
  try {
    labels = Object.keys((JSON.parse(readFileSync(config, 'utf8')) as { id2label?: object }).id2label ?? {}).length;
  } catch {
    return { check: 'model-files', severity: 'warn', message: `${config} is not valid JSON: Tier 3 will be disabled`, fix: 'replace it with the config.json of the export' };
  }
  if (labels < 2) return { check: 'model-files', severity: 'warn', message: `${config} has no id2label with two or more labels: Tier 3 will be disabled`, fix: 'export the fine-tuned classifier, whose config.json names its labels' };
  if (!readable(join(dir, 'tokenizer.json'))) return { check: 'model-files', severity: 'warn', message: `${config} but no tokenizer.json beside it: Tier 3 will be disabled`, fix: 'copy tokenizer.json (and tokenizer_config.json, special_tokens_map.json) from the export' };
  return { check: 'model-files', severity: 'ok', message: `Hugging Face export: config.json (${labels} labels) and tokenizer.json beside the model` };
}

/**
 * @example
 * checkModel({ DLP_DEBERTA_ENABLED: 'true', AIRGAP_MODEL_PATH: '/opt/outpost/models' })
 * // [{ check: 'model', severity: 'ok', message: 'Tier 3 model: /opt/outpost/models/model_quantized.onnx (…)' }, { check: 'model-files', … }]
 */
export function checkModel(values: Record<string, string>): ModelFinding[] {
  const enabled = ['true', '1', 'yes'].includes((values.DLP_DEBERTA_ENABLED ?? '').trim().toLowerCase());
  const { model, candidates } = resolveModelFile(values);
  if (!enabled) return [{ check: 'model', severity: 'info', message: `Tier 3 classifier off (DLP_DEBERTA_ENABLED=false)${model ? `; ${model} is present` : ''}` }];
  if (!model) return [{ check: 'model', severity: 'warn', message: `DLP_DEBERTA_ENABLED=true but no model at ${candidates.join(' or ')}: Tier 3 is disabled, Tiers 1 and 2 stay active`, fix: 'mount model.onnx (or model_quantized.onnx) into AIRGAP_MODEL_PATH' }];
  return [{ check: 'model', severity: 'ok', message: `Tier 3 model: ${model} (${statSync(model).size} bytes)` }, companions(model)];
}
