import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCertificates } from '../../worker/certs/index.js';
import type { Volumes } from '../../worker/runtime/index.js';
import { writeCertificate } from '../fixtures/certificates.js';

const diskVolumes: Volumes = {
  read: async (path) => {
    try {
      return new Uint8Array(readFileSync(path));
    } catch {
      return null;
    }
  },
  write: async () => {},
  remove: async () => {},
  list: async () => null,
};

function recordingLog() {
  const lines: string[] = [];
  const at = (level: string) => (m: string) => void lines.push(`${level} ${m}`);
  return { lines, log: { debug: at('DEBUG'), info: at('INFO'), warn: at('WARN'), error: at('ERROR') } };
}

describe('certificates', () => {
  const dir = mkdtempSync(join(tmpdir(), 'outpost-cert-unit-'));

  it.each([
    ['expired', -3, 'expired', /WARN Certificate OUTPOST_TLS_CERT expired 3 days ago/],
    ['near', 10, 'expiring', /WARN Certificate OUTPOST_TLS_CERT expires in 10 days, below OUTPOST_CERT_WARN_DAYS=45/],
    ['far', 365, 'ok', null],
  ] as const)('a %s certificate is reported as %s', async (name, days, state, warning) => {
    const cert = join(dir, `${name}.pem`);
    const key = join(dir, `${name}.key`);
    await writeCertificate(cert, key, days);
    const { lines, log } = recordingLog();
    const certs = await loadCertificates({ certPath: cert, keyPath: key, caPath: '', warnDays: 45 }, diskVolumes, log);
    expect(certs.expiryDays()).toBe(days);
    expect(certs.files()[0]).toMatchObject({ variable: 'OUTPOST_TLS_CERT', state, expiry_days: days, subject: 'CN=outpost.test' });
    certs.warnIfExpiring();
    certs.warnIfExpiring(); // at most once a day
    const warnings = lines.filter((l) => l.startsWith('WARN'));
    if (warning) {
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(warning);
    } else expect(warnings).toHaveLength(0);
    expect(lines.join('\n')).not.toContain('PRIVATE KEY');
  });

  it('a missing or garbage file is one clear error, never a crash', async () => {
    const { lines, log } = recordingLog();
    const garbage = join(dir, 'garbage.pem');
    await import('node:fs').then((fs) => fs.writeFileSync(garbage, '-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----\n'));
    const certs = await loadCertificates({ certPath: join(dir, 'missing.pem'), keyPath: '', caPath: garbage, warnDays: 45 }, diskVolumes, log);
    expect(certs.expiryDays()).toBeNull();
    expect(certs.files().map((f) => f.state)).toEqual(['error', 'error']);
    expect(lines.filter((l) => l.startsWith('ERROR'))).toHaveLength(2);
    expect(lines[0]).toMatch(/ERROR Certificate OUTPOST_TLS_CERT could not be read \(path=.*missing\.pem\): file not found/);
  });
});
