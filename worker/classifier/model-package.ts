/**
 * A Tier 3 model package: `model.onnx` with `model.json` beside it.
 *
 *   { "version", "gateway_version"?, "task": "sequence-classification", "input": "features",
 *     "features": { "kind": "hashed-ngrams", "dimensions": 4096 }, "labels": ["sensitive", "clean"],
 *     "positive_label": "sensitive", "threshold": 0.7, "max_length": 64, "stride": 48 }
 *
 * `max_length` and `stride` are in words: long texts are scored in overlapping windows and the
 * most sensitive window decides.
 */
export interface ModelPackage {
  readonly version: string;
  readonly gatewayVersion: string | null;
  /** sequence-classification: the text (window) is sensitive or not; token-classification: BIO tags per token. */
  readonly task: 'sequence-classification' | 'token-classification';
  /** features: hashed n-grams (features.ts); token-ids: a Hugging Face tokenizer.json beside the model. */
  readonly input: 'features' | 'token-ids';
  /** Feature width (features input only; 0 for token-ids). */
  readonly dimensions: number;
  readonly labels: readonly string[];
  readonly positiveIndex: number;
  readonly threshold: number;
  readonly maxLength: number;
  readonly stride: number;
}

export class ModelPackageError extends Error {
  override name = 'ModelPackageError';
}

/** Parses and checks model.json; throws ModelPackageError naming the problem. */
export function parseModelPackage(text: string): ModelPackage {
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new ModelPackageError('model.json is not valid JSON');
  }
  const fail = (what: string): never => {
    throw new ModelPackageError(`model.json: ${what}`);
  };
  if (typeof raw.version !== 'string' || !raw.version) fail('"version" must be a non-empty string');
  if (raw.task !== 'sequence-classification' && raw.task !== 'token-classification') fail(`"task" ${JSON.stringify(raw.task)} is not supported ("sequence-classification" or "token-classification")`);
  if (raw.input !== 'features' && raw.input !== 'token-ids') fail(`"input" ${JSON.stringify(raw.input)} is not supported ("features": hashed word n-grams, or "token-ids" with a tokenizer.json)`);
  if (raw.task === 'token-classification' && raw.input !== 'token-ids') fail('token-classification models take "input": "token-ids"');
  const features = raw.features as { kind?: unknown; dimensions?: unknown } | undefined;
  if (raw.input === 'features' && (features?.kind !== 'hashed-ngrams' || !Number.isInteger(features.dimensions) || (features.dimensions as number) <= 0)) fail('"features" must be {"kind": "hashed-ngrams", "dimensions": <positive integer>}');
  const labels = raw.labels;
  if (!Array.isArray(labels) || labels.length < 2 || !labels.every((l) => typeof l === 'string')) fail('"labels" must list at least two label names');
  if (raw.task === 'token-classification' && !(labels as string[]).every((l) => l === 'O' || /^[BI]-[A-Z][A-Z0-9_]*$/.test(l))) fail('token-classification "labels" must be BIO tags: "O", "B-TYPE", "I-TYPE"');
  const positive = typeof raw.positive_label === 'string' ? raw.positive_label : (labels as string[])[0];
  const positiveIndex = (labels as string[]).indexOf(positive!);
  if (raw.task === 'sequence-classification' && positiveIndex < 0) fail(`"positive_label" ${JSON.stringify(positive)} is not one of the labels`);
  const threshold = raw.threshold;
  if (typeof threshold !== 'number' || !(threshold > 0 && threshold < 1)) fail('"threshold" must be a number between 0 and 1');
  const maxLength = raw.max_length ?? 256;
  const stride = raw.stride ?? 192;
  if (!Number.isInteger(maxLength) || (maxLength as number) < 8) fail('"max_length" must be an integer of at least 8 (words)');
  if (!Number.isInteger(stride) || (stride as number) < 1 || (stride as number) > (maxLength as number)) fail('"stride" must be an integer between 1 and max_length');
  return {
    version: raw.version as string,
    gatewayVersion: typeof raw.gateway_version === 'string' ? raw.gateway_version : null,
    task: raw.task as ModelPackage['task'],
    input: raw.input as ModelPackage['input'],
    dimensions: raw.input === 'features' ? (features!.dimensions as number) : 0,
    labels: labels as string[],
    positiveIndex,
    threshold: threshold as number,
    maxLength: maxLength as number,
    stride: stride as number,
  };
}
