/**
 * Logprobs of a streamed OpenAI choice are text the client receives: `content[].token`, its
 * `bytes`, and `top_logprobs[].token`. They are held back like the content they belong to, so the
 * client never receives a token of a value before the DLP decides, and a token inside a redacted
 * value is masked (its bytes dropped), so redact mode leaves no digits in the logprobs.
 *
 * The chosen tokens form one text; each rank of the alternatives forms another. An entry is
 * released once every one of those texts has been decided past its end.
 */

type JsonObject = Record<string, unknown>;

/** What the DLP has decided about one text so far. */
export interface DecidedText {
  /** Characters released (decided). */
  readonly offset: number;
  /** Ranges [start, end) of redacted matches, in the same coordinates. */
  readonly redacted: readonly (readonly [number, number])[];
}

/** A held logprobs entry and where its tokens sit in each text (rank 0 = the chosen token). */
interface HeldEntry {
  readonly entry: JsonObject;
  /** [start, end) of the token in text `rank`, for rank 0 (chosen) and 1.. (alternatives). */
  readonly spans: (readonly [number, number])[];
}

/** The mask written over a token that lies inside a redacted value. */
export const MASKED_TOKEN = '[REDACTED]';

const tokenOf = (v: unknown): string => (v && typeof v === 'object' && typeof (v as JsonObject).token === 'string' ? ((v as JsonObject).token as string) : '');

/** The texts of one logprobs list (rank 0 = chosen tokens, then each rank of alternatives). */
export class HeldLogprobs {
  private readonly held: HeldEntry[] = [];
  private readonly lengths: number[] = [];

  /**
   * Holds `entries` and returns, per rank, the text they add (to feed to that rank's channel).
   * @example
   * new HeldLogprobs().hold([{ token: ' 4111', top_logprobs: [{ token: ' 4111' }] }]); // [' 4111', ' 4111']
   */
  hold(entries: readonly unknown[]): string[] {
    const added: string[] = [];
    for (const raw of entries) {
      const entry = (raw && typeof raw === 'object' ? raw : {}) as JsonObject;
      const tops = Array.isArray(entry.top_logprobs) ? entry.top_logprobs : [];
      const tokens = [tokenOf(entry), ...tops.map(tokenOf)];
      const spans: [number, number][] = [];
      for (let rank = 0; rank < Math.max(tokens.length, this.lengths.length); rank++) {
        const token = tokens[rank] ?? '';
        const start = this.lengths[rank] ?? 0;
        this.lengths[rank] = start + token.length;
        added[rank] = (added[rank] ?? '') + token;
        spans.push([start, start + token.length]);
      }
      this.held.push({ entry, spans });
    }
    return added;
  }

  /** How many ranks (texts) there are. */
  get ranks(): number {
    return this.lengths.length;
  }

  /**
   * Releases the entries every rank has decided past, masking tokens inside redacted values.
   * `decided(rank)` reports that rank's text; all entries go when `all` is true.
   */
  release(decided: (rank: number) => DecidedText, all: boolean): JsonObject[] {
    const out: JsonObject[] = [];
    while (this.held.length) {
      const { entry, spans } = this.held[0]!;
      if (!all && !spans.every(([, end], rank) => end <= decided(rank).offset)) break;
      this.held.shift();
      out.push(maskEntry(entry, spans, decided));
    }
    return out;
  }
}

const overlaps = (span: readonly [number, number], ranges: readonly (readonly [number, number])[]): boolean =>
  span[1] > span[0] && ranges.some(([s, e]) => s < span[1] && e > span[0]);

function maskEntry(entry: JsonObject, spans: readonly (readonly [number, number])[], decided: (rank: number) => DecidedText): JsonObject {
  const masked: JsonObject = { ...entry };
  if (overlaps(spans[0]!, decided(0).redacted)) {
    masked.token = MASKED_TOKEN;
    masked.bytes = null;
  }
  if (Array.isArray(entry.top_logprobs)) {
    masked.top_logprobs = entry.top_logprobs.map((alt, i) => {
      if (!overlaps(spans[i + 1] ?? [0, 0], decided(i + 1).redacted)) return alt;
      return { ...(alt as JsonObject), token: MASKED_TOKEN, bytes: null };
    });
  }
  return masked;
}

/**
 * The logprobs lists of a whole response (`choices[i].logprobs.content` and `.refusal`), with
 * their paths, so the DLP can scan each as one text and mask the tokens of a value.
 * @example
 * logprobsLists({ choices: [{ logprobs: { content: [{ token: 'a' }] } }] }); // [{ path: 'choices[0].logprobs.content', holder, list: 'content' }]
 */
export function logprobsLists(root: unknown): { path: string; holder: JsonObject; list: string }[] {
  const out: { path: string; holder: JsonObject; list: string }[] = [];
  const choices = root && typeof root === 'object' ? (root as JsonObject).choices : undefined;
  if (!Array.isArray(choices)) return out;
  choices.forEach((choice, i) => {
    const lp = choice && typeof choice === 'object' ? (choice as JsonObject).logprobs : undefined;
    if (!lp || typeof lp !== 'object') return;
    for (const list of ['content', 'refusal']) {
      if (Array.isArray((lp as JsonObject)[list])) out.push({ path: `choices[${i}].logprobs.${list}`, holder: lp as JsonObject, list });
    }
  });
  return out;
}
