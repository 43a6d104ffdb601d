/**
 * Which upstream kinds a route's protocol can reach. An OpenAI-compatible route reaches both:
 * Ollama serves the OpenAI API under /v1 too. An Ollama route (/api/*) needs an Ollama target:
 * an OpenAI-kind server (vLLM) has no /api/chat, and forwarding would only relay its 404.
 *
 * @example
 * reaches('ollama', 'openai'); // false: refused with target_protocol_mismatch
 */
import type { TargetKind } from '../config/index.js';
import type { ProtocolName } from '../core/index.js';

export function reaches(protocol: ProtocolName, kind: TargetKind): boolean {
  return protocol === kind || protocol === 'openai';
}

/** The refusal's message: which target serves the model and how to call it instead. */
export function mismatchMessage(model: string, target: { readonly id: string; readonly kind: TargetKind }): string {
  return `The model "${model}" is served by target "${target.id}" (kind ${target.kind}), which has no Ollama API; call it through the OpenAI-compatible routes (/v1/chat/completions, /v1/completions, /v1/embeddings)`;
}
