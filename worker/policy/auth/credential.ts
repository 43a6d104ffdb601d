/**
 * Where a caller's credential is read from: `Authorization: Bearer <value>` (what OpenAI and Ollama
 * clients send), or `x-api-key` for clients that cannot set a bearer header.
 */

/**
 * @example
 * presentedCredential(new Request('http://x', { headers: { authorization: 'Bearer abc' } })); // 'abc'
 */
export function presentedCredential(request: Request): string | null {
  const header = request.headers.get('authorization');
  if (header) {
    const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
    return match ? match[1]! : null;
  }
  const apiKey = request.headers.get('x-api-key')?.trim();
  return apiKey ? apiKey : null;
}
