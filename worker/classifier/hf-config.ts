/**
 * A Hugging Face export folder read as it is: `config.json` (id2label, architectures,
 * max_position_embeddings) gives what model.json would otherwise say. model.json stays optional:
 * what it adds (the sensitive label, the threshold) has defaults here.
 *
 * Defaults: the task comes from `architectures` (…ForTokenClassification, else sequence
 * classification); the sensitive label is the first id2label name among SENSITIVE_NAMES, else
 * the label with id 1 (LABEL_1, the usual "positive" of a binary head); threshold 0.5; windows of
 * min(max_position_embeddings, 512) tokens (RoBERTa-family tables less their padding offset; the
 * tokenizer files' own limit, if lower, is applied by withMaxLength) with a quarter of overlap.
 */
import { ModelPackageError, type ModelPackage } from './model-package.js';

/** Longest window fed to the model, whatever the model allows: the cost grows with its square. */
const MAX_WINDOW = 512;
/** model_type values whose position ids start at pad_token_id + 1 (transformers' create_position_ids_from_input_ids). */
const OFFSET_POSITIONS = ['roberta', 'xlm-roberta', 'camembert', 'longformer', 'mpnet', 'ibert', 'data2vec-text', 'xmod'];

const SENSITIVE_NAMES = ['sensitive', 'confidential', 'positive', 'unsafe', 'pii', 'LABEL_1'];

/**
 * @example
 * packageFromHfConfig('{"architectures":["DebertaV2ForSequenceClassification"],"id2label":{"0":"clean","1":"sensitive"},"max_position_embeddings":512}')
 * // { task: 'sequence-classification', input: 'token-ids', labels: ['clean','sensitive'], positiveIndex: 1, threshold: 0.5, maxLength: 512, stride: 384, ... }
 */
export function packageFromHfConfig(text: string, overrides: { threshold?: number; positiveLabel?: string } = {}): ModelPackage {
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new ModelPackageError('config.json is not valid JSON');
  }
  const id2label = raw.id2label as Record<string, unknown> | undefined;
  if (!id2label || typeof id2label !== 'object') throw new ModelPackageError('config.json has no "id2label" (labels missing)');
  const count = Object.keys(id2label).length;
  const labels = Array.from({ length: count }, (_, i) => id2label[String(i)]);
  if (count < 2 || !labels.every((l): l is string => typeof l === 'string')) throw new ModelPackageError('config.json "id2label" must map ids 0..n-1 (n >= 2) to label names');
  const architectures = Array.isArray(raw.architectures) ? (raw.architectures as unknown[]).map(String) : [];
  const task: ModelPackage['task'] = architectures.some((a) => a.endsWith('ForTokenClassification')) ? 'token-classification' : 'sequence-classification';
  if (task === 'token-classification' && !labels.every((l) => l === 'O' || /^[BI]-[A-Za-z][A-Za-z0-9_]*$/.test(l))) throw new ModelPackageError('token-classification labels in config.json must be BIO tags: "O", "B-TYPE", "I-TYPE"');
  const wanted = overrides.positiveLabel ?? SENSITIVE_NAMES.find((n) => labels.some((l) => l.toLowerCase() === n.toLowerCase()));
  const positiveIndex = task === 'token-classification' ? -1 : wanted !== undefined ? labels.findIndex((l) => l.toLowerCase() === wanted.toLowerCase()) : 1;
  if (task === 'sequence-classification' && positiveIndex < 0) throw new ModelPackageError(`the sensitive label ${JSON.stringify(wanted)} is not in config.json id2label`);
  // RoBERTa-family position tables start after padding_idx: 514 rows hold 512 positions.
  const reserved = typeof raw.model_type === 'string' && OFFSET_POSITIONS.includes(raw.model_type) ? (Number.isInteger(raw.pad_token_id) ? (raw.pad_token_id as number) : 1) + 1 : 0;
  const positions = Number.isInteger(raw.max_position_embeddings) ? (raw.max_position_embeddings as number) - reserved : 512;
  const maxLength = Math.max(8, Math.min(positions, MAX_WINDOW));
  const threshold = overrides.threshold ?? 0.5;
  if (!(threshold > 0 && threshold < 1)) throw new ModelPackageError('threshold must be between 0 and 1');
  return {
    version: typeof raw._name_or_path === 'string' && raw._name_or_path ? raw._name_or_path : `${architectures[0] ?? 'hf'}-export`,
    gatewayVersion: null,
    task,
    input: 'token-ids',
    dimensions: 0,
    labels: labels as string[],
    positiveIndex,
    threshold,
    maxLength,
    stride: Math.max(1, Math.floor((maxLength * 3) / 4)),
  };
}

/**
 * The package with windows of at most `limit` tokens (the tokenizer files' own limit), stride 3/4 of the window.
 *
 * @example
 * withMaxLength(packageFromHfConfig(configJson), 128).maxLength // 128 where max_position_embeddings is 512
 */
export function withMaxLength(pkg: ModelPackage, limit: number): ModelPackage {
  const maxLength = Math.max(8, Math.min(pkg.maxLength, limit));
  return maxLength === pkg.maxLength ? pkg : { ...pkg, maxLength, stride: Math.max(1, Math.floor((maxLength * 3) / 4)) };
}
