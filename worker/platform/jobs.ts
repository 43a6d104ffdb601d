/**
 * What each platform link does. The platform's endpoints:
 *
 *   POST <platform>/v1/internal/outpost-heartbeat          JSON status summary (no traffic content)
 *   GET  <platform>/api/admin/policy-bundle/export         the bundle bytes; signature in x-outpost-signature
 *   POST <platform>/v1/internal/outpost-cert-renew         {subject, public_key_pem} -> {certificate_pem}
 *
 * (PRODUCT.md names the export endpoint; the other two are Outpost's.)
 */
import type { Logger } from '../log/index.js';
import type { LinkJob } from './links.js';

export type PlatformFetch = (request: Request) => Promise<Response>;

async function expectOk(response: Response, what: string): Promise<Response> {
  if (!response.ok) {
    await response.body?.cancel();
    throw new Error(`${what} answered ${response.status}`);
  }
  return response;
}

/** Heartbeat: tells the platform this gateway is alive, which policy it enforces and its queue depth. */
export function heartbeatJob(platformUrl: string, fetchPlatform: PlatformFetch, summary: () => Promise<Record<string, unknown>>): LinkJob {
  return async (signal) => {
    const body = JSON.stringify({ ...(await summary()), time: new Date().toISOString() });
    const response = await fetchPlatform(new Request(`${platformUrl}/v1/internal/outpost-heartbeat`, { method: 'POST', body, headers: { 'content-type': 'application/json' }, signal }));
    await expectOk(response, 'heartbeat');
    await response.body?.cancel();
  };
}

/** Maximum bundle size accepted from the platform (the loader has its own limit too). */
const MAX_BUNDLE_BYTES = 1 << 20;

/**
 * Policy sync: fetches the platform's bundle and installs it when its version differs from the
 * active one. Installation verifies the signature and validates like a hot install; a refused
 * bundle never replaces the active one and counts as a failure of this link.
 */
export function policySyncJob(
  platformUrl: string,
  fetchPlatform: PlatformFetch,
  policy: { activeVersion(): string; install(bytes: Uint8Array, signature: string | null, origin: string): Promise<{ version: string }> },
  log: Logger,
): LinkJob {
  return async (signal) => {
    const response = await expectOk(await fetchPlatform(new Request(`${platformUrl}/api/admin/policy-bundle/export`, { signal })), 'policy export');
    const declared = Number(response.headers.get('content-length') ?? 0);
    if (declared > MAX_BUNDLE_BYTES) {
      await response.body?.cancel();
      throw new Error(`policy export is ${declared} bytes, over the ${MAX_BUNDLE_BYTES} limit`);
    }
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.byteLength > MAX_BUNDLE_BYTES) throw new Error(`policy export is over the ${MAX_BUNDLE_BYTES} limit`);
    let version: unknown;
    try {
      version = (JSON.parse(new TextDecoder().decode(bytes)) as { version?: unknown }).version;
    } catch {
      throw new Error('policy export is not JSON');
    }
    if (version === policy.activeVersion()) return;
    const installed = await policy.install(bytes, response.headers.get('x-outpost-signature'), 'platform');
    log.info(`Policy sync: installed version=${installed.version} from the platform`);
  };
}

/** Days before expiry at which the client certificate is renewed (PRODUCT.md: 30). */
export const RENEW_BEFORE_DAYS = 30;

export interface RenewalTarget {
  expiryDays(): number | null;
  subject(): string | null;
  /** Stores the new certificate and key (state volume); they take effect at the next start. */
  store(certificatePem: string, privateKeyPem: string): Promise<void>;
  /** Checks that a PEM certificate parses and carries the given SubjectPublicKeyInfo (DER). */
  matches(certificatePem: string, spki: Uint8Array): boolean;
}

function pem(label: string, der: ArrayBuffer): string {
  const b64 = btoa(String.fromCharCode(...new Uint8Array(der)));
  return `-----BEGIN ${label}-----\n${b64.match(/.{1,64}/g)!.join('\n')}\n-----END ${label}-----\n`;
}

/**
 * Certificate renewal: inside RENEW_BEFORE_DAYS, a new P-256 key is generated here (the private
 * key never leaves the gateway), its public half sent to the platform, and the returned
 * certificate checked against it before both are stored.
 */
export function certRenewalJob(platformUrl: string, fetchPlatform: PlatformFetch, target: RenewalTarget, log: Logger): LinkJob {
  return async (signal) => {
    const days = target.expiryDays();
    if (days === null || days > RENEW_BEFORE_DAYS) return;
    const keys = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as CryptoKeyPair;
    const spki = (await crypto.subtle.exportKey('spki', keys.publicKey)) as ArrayBuffer;
    const body = JSON.stringify({ subject: target.subject(), public_key_pem: pem('PUBLIC KEY', spki) });
    const response = await expectOk(
      await fetchPlatform(new Request(`${platformUrl}/v1/internal/outpost-cert-renew`, { method: 'POST', body, headers: { 'content-type': 'application/json' }, signal })),
      'certificate renewal',
    );
    const { certificate_pem: certificatePem } = (await response.json()) as { certificate_pem?: unknown };
    if (typeof certificatePem !== 'string' || !target.matches(certificatePem, new Uint8Array(spki))) throw new Error('the platform returned no certificate for the new key');
    const pkcs8 = (await crypto.subtle.exportKey('pkcs8', keys.privateKey)) as ArrayBuffer;
    await target.store(certificatePem, pem('PRIVATE KEY', pkcs8));
    log.info(`Certificate renewed through the platform (was ${days} days from expiry); the new certificate takes effect at the next start`);
  };
}
