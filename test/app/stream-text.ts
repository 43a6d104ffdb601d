/**
 * Reading streamed answers in the app tests: SSE events (OpenAI) and NDJSON lines (Ollama).
 */

/** The `data:` payloads of an SSE body, in order ('[DONE]' included as it is). */
export function sseData(text: string): string[] {
  return text
    .split('\n\n')
    .map((event) => event.trim())
    .filter(Boolean)
    .map((event) => event.replace(/^data: ?/, ''));
}

/** The text an OpenAI chat stream delivers: every delta's content, joined. */
export function sseContent(text: string): string {
  return sseData(text)
    .filter((d) => d !== '[DONE]')
    .map((d) => (JSON.parse(d) as { choices?: Array<{ delta?: { content?: string } }> }).choices?.[0]?.delta?.content ?? '')
    .join('');
}

/** The parsed lines of an NDJSON body. */
export function ndjsonLines(text: string): Array<Record<string, unknown>> {
  return text
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** The text an Ollama chat stream delivers: every line's message content, joined. */
export function ndjsonContent(text: string): string {
  return ndjsonLines(text)
    .map((line) => (line.message as { content?: string } | undefined)?.content ?? '')
    .join('');
}
