/**
 * What the Tier 3 tests share: the repository root, ORT's wasm, files read as a volume, a quiet
 * log, and the independent reference a transformer model is checked against: Hugging Face's Rust
 * tokenizer (the `tokenizers` package, ids and offsets as Python pipelines get them) and
 * onnxruntime-node, with windows, softmax and BIO decoding written here, apart from the worker.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as ortNode from 'onnxruntime-node';
import { Tokenizer as RustTokenizer } from 'tokenizers';
import type { Volumes } from '../../worker/runtime/index.js';

export const ROOT = resolve(import.meta.dirname, '..', '..');

/** onnxruntime-web's CPU wasm, handed to the classifier as the runtime would. */
export const WASM = () => Promise.resolve({ bytes: new Uint8Array(readFileSync(join(ROOT, 'node_modules/onnxruntime-web/dist/ort-wasm-simd-threaded.wasm'))) });

/** Local files as a read-only volume (a missing file is null, as on a real volume). */
export const disk: Pick<Volumes, 'read'> = {
  read: async (path) => {
    try {
      return new Uint8Array(readFileSync(path));
    } catch {
      return null;
    }
  },
};

export const quietLog = { debug() {}, info() {}, warn() {}, error() {} };

/** A folder from scripts/build-tiny-transformer.mjs with these flags. */
export function buildModel(...flags: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), `outpost-tiny-${flags.join('').replace(/[^a-z]/g, '') || 'package'}-`));
  execFileSync(process.execPath, [join(ROOT, 'scripts/build-tiny-transformer.mjs'), dir, ...flags], { stdio: 'ignore' });
  return dir;
}

/** The Rust tokenizer's encoding; its offsets count code points, turned here into UTF-16 units as JavaScript strings index. */
export async function rustEncode(dir: string, text: string, addSpecialTokens: boolean) {
  const tokenizer = RustTokenizer.fromFile(join(dir, 'tokenizer.json'));
  // Whole texts: the reference makes its own windows.
  tokenizer.disableTruncation();
  tokenizer.disablePadding();
  const encoding = await tokenizer.encode(text, null, { addSpecialTokens });
  const utf16: number[] = [];
  let unit = 0;
  for (const ch of text) {
    utf16.push(unit);
    unit += ch.length;
  }
  utf16.push(unit);
  const special = encoding.getSpecialTokensMask();
  return {
    ids: encoding.getIds(),
    tokens: encoding.getTokens(),
    offsets: encoding.getOffsets().map(([s, e], i) => (special[i] ? ([-1, -1] as const) : ([utf16[s!]!, utf16[e!]!] as const))),
    special,
  };
}

const softmax = (row: ArrayLike<number>) => {
  const values = Array.from(row);
  const max = Math.max(...values);
  const e = values.map((v) => Math.exp(v - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
};

/** One window through onnxruntime-node: every input the graph declares fed by hand; rows of probabilities. */
export async function referenceRun(dir: string, file: string, ids: readonly number[]): Promise<number[][]> {
  const session = await ortNode.InferenceSession.create(join(dir, file));
  const n = ids.length;
  const column = (f: (i: number) => bigint) => new ortNode.Tensor('int64', BigInt64Array.from({ length: n }, (_, i) => f(i)), [1, n]);
  const feeds: Record<string, ortNode.Tensor> = {};
  for (const name of session.inputNames) {
    feeds[name] = name === 'input_ids' ? column((i) => BigInt(ids[i]!)) : name === 'attention_mask' ? column(() => 1n) : name === 'position_ids' ? column((i) => BigInt(i)) : column(() => 0n);
  }
  const out = await session.run(feeds);
  const output = out.logits ?? out.probabilities!;
  const width = output.dims[output.dims.length - 1]!;
  const data = output.data as Float32Array;
  return Array.from({ length: data.length / width }, (_, i) => {
    const row = data.subarray(i * width, (i + 1) * width);
    return out.logits ? softmax(row) : Array.from(row);
  });
}

/**
 * The reference for a whole text: the Rust tokenizer's ids and offsets, windows of `maxLength`
 * ids (special tokens included) every `stride` text tokens, the special ids the tokenizer's own
 * post-processor adds around each; per token the row of the window where it sat most centrally;
 * for a sequence model, per label the highest probability of any window.
 */
export async function reference(dir: string, text: string, opts: { file?: string; maxLength: number; stride: number }) {
  const file = opts.file ?? 'model.onnx';
  const plain = await rustEncode(dir, text, false);
  const framed = await rustEncode(dir, 'x', true);
  const firstText = framed.special.indexOf(0);
  const prefix = framed.ids.slice(0, firstText);
  const suffix = framed.ids.slice(firstText + 1);
  const inner = opts.maxLength - prefix.length - suffix.length;
  const rows: number[][] = new Array(plain.ids.length);
  const centrality: number[] = new Array(plain.ids.length).fill(-1);
  let best: number[] | null = null;
  let windows = 0;
  for (let start = 0; ; start += opts.stride) {
    const slice = plain.ids.slice(start, start + inner);
    const out = await referenceRun(dir, file, [...prefix, ...slice, ...suffix]);
    windows++;
    if (out.length === 1) best = best ? best.map((v, k) => Math.max(v, out[0]![k]!)) : out[0]!;
    else
      slice.forEach((_, j) => {
        const central = Math.min(j, slice.length - 1 - j);
        if (central > centrality[start + j]!) {
          centrality[start + j] = central;
          rows[start + j] = out[j + prefix.length]!;
        }
      });
    if (start + inner >= plain.ids.length) break;
  }
  return { ...plain, rows, best, windows };
}

/**
 * BIO decoding, written apart from the worker's: the most probable tag per token; B-X opens an X,
 * I-X extends an open X, anything else closes it; tokens with an empty range are passed over;
 * a span's score is the mean tag probability; spans below the threshold dropped.
 */
export function referenceSpans(rows: number[][], offsets: ReadonlyArray<readonly [number, number]>, labels: readonly string[], threshold: number) {
  const spans: Array<{ type: string; start: number; end: number; score: number }> = [];
  const tags = rows.map((row) => {
    const k = row.indexOf(Math.max(...row));
    return { label: labels[k]!, score: row[k]! };
  });
  let open: { type: string; start: number; end: number; scores: number[] } | null = null;
  const close = () => {
    if (open) spans.push({ type: open.type, start: open.start, end: open.end, score: open.scores.reduce((a, b) => a + b, 0) / open.scores.length });
    open = null;
  };
  tags.forEach(({ label, score }, i) => {
    const [start, end] = offsets[i]!;
    if (start >= 0 && start === end) return;
    if (start < 0 || label === 'O') return close();
    const [bio, type] = [label.slice(0, 1), label.slice(2)];
    if (bio === 'I' && open?.type === type) {
      open.end = Math.max(open.end, end);
      open.scores.push(score);
    } else {
      close();
      open = { type, start, end, scores: [score] };
    }
  });
  close();
  return { tags, spans: spans.filter((s) => s.score >= threshold) };
}

/**
 * The window an export folder allows, read from its files apart from the worker: 512 at most,
 * config.json's max_position_embeddings (less the RoBERTa padding offset), tokenizer_config.json's
 * model_max_length and tokenizer.json's truncation.max_length where they name one; the stride is
 * 3/4 of the window.
 */
export function exportWindow(dir: string): { maxLength: number; stride: number } {
  const read = (name: string) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as Record<string, any>;
  const config = read('config.json');
  const limits = [512, config.max_position_embeddings - (config.model_type === 'roberta' ? config.pad_token_id + 1 : 0), read('tokenizer_config.json').model_max_length, read('tokenizer.json').truncation?.max_length];
  const maxLength = Math.min(...limits.filter((v) => typeof v === 'number' && v < 1e6));
  return { maxLength, stride: Math.floor((maxLength * 3) / 4) };
}
