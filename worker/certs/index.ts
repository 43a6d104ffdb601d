/**
 * TLS material from the volume (OUTPOST_TLS_CERT, OUTPOST_TLS_KEY, OUTPOST_CA_BUNDLE): parsed with
 * @peculiar/asn1-x509 (the ASN.1 layer of PeculiarVentures' X.509 stack; their higher-level
 * @peculiar/x509 needs a reflect-metadata polyfill that carries eval fallbacks) to report expiry to the admin status and metrics, and to warn operators (once a
 * day) when a certificate is inside OUTPOST_CERT_WARN_DAYS. In air-gap mode rotation is manual:
 * replace the files on the volume and restart.
 *
 * @example
 * const certs = await loadCertificates({ certPath, keyPath, caPath, warnDays: 45 }, runtime.volumes, log);
 * certs.expiryDays(); // 212, or null when no certificate is configured
 */
import { AsnConvert } from '@peculiar/asn1-schema';
import { Certificate, Name } from '@peculiar/asn1-x509';
import type { Logger } from '../log/index.js';
import type { Volumes } from '../runtime/index.js';

export interface CertificateSettings {
  readonly certPath: string;
  readonly keyPath: string;
  readonly caPath: string;
  readonly warnDays: number;
}

export interface CertificateFileStatus {
  readonly variable: 'OUTPOST_TLS_CERT' | 'OUTPOST_CA_BUNDLE' | 'OUTPOST_TLS_KEY';
  readonly path: string;
  readonly state: 'ok' | 'expiring' | 'expired' | 'error';
  readonly subject?: string;
  readonly issuer?: string;
  readonly not_after?: string;
  readonly expiry_days?: number;
  readonly certificates?: number;
  readonly error?: string;
}

/** Whether a PEM certificate parses and carries exactly this SubjectPublicKeyInfo (DER). */
export function certificateMatchesKey(certificatePem: string, spki: Uint8Array): boolean {
  try {
    const block = certificatePem.match(PEM_CERT)?.[0];
    if (!block) return false;
    const cert = AsnConvert.parse(base64ToBytes(block.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '')), Certificate);
    const actual = new Uint8Array(AsnConvert.serialize(cert.tbsCertificate.subjectPublicKeyInfo));
    return actual.length === spki.length && actual.every((b, i) => b === spki[i]);
  } catch {
    return false;
  }
}

export interface Certificates {
  /** Subject of the client certificate (OUTPOST_TLS_CERT), e.g. 'CN=outpost-01'; null without one. */
  subject(): string | null;
  /** Days until the client certificate (else the earliest CA) expires; null without certificates. */
  expiryDays(now?: number): number | null;
  files(now?: number): CertificateFileStatus[];
  /** Logs the expiry warning at most once a day; cheap to call on every request. */
  warnIfExpiring(now?: number): void;
}

const DAY_MS = 86_400_000;
const PEM_CERT = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

interface ParsedCert {
  readonly subject: string;
  readonly issuer: string;
  readonly notAfter: Date;
}

function base64ToBytes(b64: string): Uint8Array {
  const binary = atob(b64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Common short names for the attributes operators read (CN=..., O=...); others as OIDs. */
const ATTRIBUTE_NAMES: Record<string, string> = { '2.5.4.3': 'CN', '2.5.4.10': 'O', '2.5.4.11': 'OU', '2.5.4.6': 'C', '2.5.4.7': 'L', '2.5.4.8': 'ST' };

function nameText(name: Name): string {
  return name
    .flatMap((rdn) => rdn.map((attr) => `${ATTRIBUTE_NAMES[attr.type] ?? attr.type}=${attr.value.toString()}`))
    .join(', ');
}

function parsePemCertificates(text: string): ParsedCert[] {
  const blocks = text.match(PEM_CERT) ?? [];
  if (!blocks.length) throw new Error('no PEM certificate found');
  return blocks.map((pem) => {
    const der = base64ToBytes(pem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, ''));
    const cert = AsnConvert.parse(der, Certificate);
    const validity = cert.tbsCertificate.validity;
    return { subject: nameText(cert.tbsCertificate.subject), issuer: nameText(cert.tbsCertificate.issuer), notAfter: validity.notAfter.getTime() };
  });
}

const daysLeft = (notAfter: Date, now: number) => Math.floor((notAfter.getTime() - now) / DAY_MS);

export async function loadCertificates(settings: CertificateSettings, volumes: Volumes, log: Logger): Promise<Certificates> {
  const decoder = new TextDecoder();
  const loaded: Array<{ variable: 'OUTPOST_TLS_CERT' | 'OUTPOST_CA_BUNDLE'; path: string; certs?: ParsedCert[]; error?: string }> = [];
  const keyStatus: CertificateFileStatus[] = [];

  for (const [variable, path] of [['OUTPOST_TLS_CERT', settings.certPath], ['OUTPOST_CA_BUNDLE', settings.caPath]] as const) {
    if (!path) continue;
    try {
      const bytes = await volumes.read(path);
      if (!bytes) throw new Error('file not found');
      loaded.push({ variable, path, certs: parsePemCertificates(decoder.decode(bytes)) });
    } catch (e) {
      const error = (e as Error).message;
      log.error(`Certificate ${variable} could not be read (path=${path}): ${error}`);
      loaded.push({ variable, path, error });
    }
  }
  if (settings.keyPath) {
    // The key is checked for presence and PEM shape only: it is never parsed or logged here.
    const bytes = await volumes.read(settings.keyPath).catch(() => null);
    const ok = bytes !== null && /-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(decoder.decode(bytes));
    if (!ok) log.error(`Certificate key OUTPOST_TLS_KEY is missing or not a PEM private key (path=${settings.keyPath})`);
    keyStatus.push({ variable: 'OUTPOST_TLS_KEY', path: settings.keyPath, state: ok ? 'ok' : 'error', ...(ok ? {} : { error: 'missing or not a PEM private key' }) });
  }

  for (const file of loaded) {
    const first = file.certs?.[0];
    if (first) log.info(`Certificate ${file.variable} loaded: expires ${first.notAfter.toISOString()} (${daysLeft(first.notAfter, Date.now())} days)`);
  }

  let lastWarning = -Infinity;
  const files = (now = Date.now()): CertificateFileStatus[] => [
    ...loaded.map((file): CertificateFileStatus => {
      if (!file.certs) return { variable: file.variable, path: file.path, state: 'error', error: file.error! };
      // A bundle is as good as its earliest-expiring certificate.
      const earliest = file.certs.reduce((a, b) => (b.notAfter < a.notAfter ? b : a));
      const days = daysLeft(earliest.notAfter, now);
      return {
        variable: file.variable,
        path: file.path,
        state: days < 0 ? 'expired' : days < settings.warnDays ? 'expiring' : 'ok',
        subject: earliest.subject,
        issuer: earliest.issuer,
        not_after: earliest.notAfter.toISOString(),
        expiry_days: days,
        certificates: file.certs.length,
      };
    }),
    ...keyStatus,
  ];

  const expiryDays = (now = Date.now()): number | null => {
    const statuses = files(now).filter((f) => f.expiry_days !== undefined);
    const client = statuses.find((f) => f.variable === 'OUTPOST_TLS_CERT');
    if (client) return client.expiry_days!;
    return statuses.length ? Math.min(...statuses.map((f) => f.expiry_days!)) : null;
  };

  return {
    subject: () => loaded.find((f) => f.variable === 'OUTPOST_TLS_CERT')?.certs?.[0]?.subject ?? null,
    expiryDays,
    files,
    warnIfExpiring(now = Date.now()) {
      if (now - lastWarning < DAY_MS) return;
      lastWarning = now;
      for (const f of files(now)) {
        if (f.state === 'expired') log.warn(`Certificate ${f.variable} expired ${-f.expiry_days!} days ago (path=${f.path}); replace the file and restart`);
        else if (f.state === 'expiring') log.warn(`Certificate ${f.variable} expires in ${f.expiry_days} days, below OUTPOST_CERT_WARN_DAYS=${settings.warnDays} (path=${f.path})`);
      }
    },
  };
}
