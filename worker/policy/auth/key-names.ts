/**
 * Which named key of OUTPOST_API_KEYS a presented credential is, compared in constant time per key:
 * HMAC digests under a per-process random key, every candidate compared in full, no early exit.
 */
/** One named key of OUTPOST_API_KEYS. */
export interface ApiKeyEntry {
  readonly name: string;
  readonly key: string;
}

const encoder = new TextEncoder();

/** Matches a presented key against OUTPOST_API_KEYS in constant time per key (HMAC digests, no early exit). */
export class KeyNames {
  private prepared: Promise<{ hmac: CryptoKey; digests: { name: string; digest: Uint8Array }[] }> | undefined;

  constructor(private readonly keys: readonly ApiKeyEntry[]) {}

  /**
   * @example
   * await new KeyNames([{ name: 'ci', key: 'k'.repeat(20) }]).nameOf('k'.repeat(20)); // 'ci'
   */
  async nameOf(presented: string): Promise<string | undefined> {
    if (this.keys.length === 0) return undefined;
    // Created on first use: workerd allows no crypto at global scope.
    this.prepared ??= (async () => {
      const hmac = (await crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])) as CryptoKey;
      const digests = await Promise.all(this.keys.map(async (k) => ({ name: k.name, digest: new Uint8Array(await crypto.subtle.sign('HMAC', hmac, encoder.encode(k.key))) })));
      return { hmac, digests };
    })();
    const { hmac, digests } = await this.prepared;
    const digest = new Uint8Array(await crypto.subtle.sign('HMAC', hmac, encoder.encode(presented)));
    let matched: string | undefined;
    for (const candidate of digests) {
      let diff = 0;
      for (let i = 0; i < digest.length; i++) diff |= digest[i]! ^ candidate.digest[i]!;
      if (diff === 0 && matched === undefined) matched = candidate.name;
    }
    return matched;
  }
}
