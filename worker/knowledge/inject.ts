/**
 * Where the added text goes in each route's body: a system message ahead of the caller's
 * messages (chat), the `system` field (Ollama generate), or ahead of the prompt (completions).
 * Embedding routes take no knowledge. The body is copied, never changed in place.
 */
type Body = Record<string, unknown>;

const INJECTORS: Readonly<Record<string, (body: Body, text: string) => Body | null>> = {
  'openai.chat': (body, text) => ({ ...body, messages: [{ role: 'system', content: text }, ...(body.messages as unknown[])] }),
  'ollama.chat': (body, text) => ({ ...body, messages: [{ role: 'system', content: text }, ...(body.messages as unknown[])] }),
  'ollama.generate': (body, text) => ({ ...body, system: typeof body.system === 'string' && body.system ? `${text}\n\n${body.system}` : text }),
  'openai.completions': (body, text) => {
    const prefix = (p: unknown): unknown => (typeof p === 'string' ? `${text}\n\n${p}` : p);
    if (typeof body.prompt === 'string') return { ...body, prompt: prefix(body.prompt) };
    // A list of prompts gets the text on each; token-id prompts cannot take text.
    if (Array.isArray(body.prompt) && body.prompt.every((p) => typeof p === 'string')) return { ...body, prompt: body.prompt.map(prefix) };
    return null;
  },
};

/** Whether a route can carry knowledge at all. */
export const takesKnowledge = (routeId: string): boolean => routeId in INJECTORS;

/**
 * The body with `text` placed for the model, or null when this route or body cannot take it.
 * @example
 * inject('openai.chat', { model: 'm', messages: [{ role: 'user', content: 'hi' }] }, 'Rules…');
 * // { model: 'm', messages: [{ role: 'system', content: 'Rules…' }, { role: 'user', content: 'hi' }] }
 */
export function inject(routeId: string, body: Body, text: string): Body | null {
  const injector = INJECTORS[routeId];
  return injector ? injector(body, text) : null;
}
