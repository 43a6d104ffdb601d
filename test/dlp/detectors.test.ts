import { describe, expect, it } from 'vitest';
import { compileDlp, DlpConfigError, KeywordAutomaton, scanText } from '../../worker/dlp/index.js';
import { BUILTIN_DETECTORS, COMPLIANCE_BUNDLES } from '../../worker/dlp/index.js';
import { SECRET_DETECTORS } from '../../worker/dlp/detectors/secrets.js';
import { CONFIG_SECRET_DETECTORS } from '../../worker/dlp/detectors/secrets-config.js';
import { settingsWith } from './fixtures.js';

const all = compileDlp(settingsWith({ bundles: { SECRETS: {}, CLASSIFICATION: {}, PCI: {}, HIPAA: {}, GDPR: {} } }));
const values = (text: string) => scanText(all, text).map((m) => `${m.type}:${text.slice(m.start, m.end)}`);

const POSITIVES: [string, string, string][] = [
  ['EMAIL', 'mail jane.doe@acme-corp.com today', 'jane.doe@acme-corp.com'],
  ['PHONE', 'call (415) 555-2671', '(415) 555-2671'],
  ['PHONE', 'office +44 20 7946 0958', '+44 20 7946 0958'],
  ['US_SSN', 'SSN 536-22-8712', '536-22-8712'],
  ['CREDIT_CARD', 'visa 4111 1111 1111 1111', '4111 1111 1111 1111'],
  ['CREDIT_CARD', 'amex 3782-822463-10005', '3782-822463-10005'],
  ['IBAN', 'IBAN DE89 3704 0044 0532 0130 00', 'DE89 3704 0044 0532 0130 00'],
  ['IP_ADDRESS', 'from 203.0.113.42 at noon', '203.0.113.42'],
  ['IP_ADDRESS', 'client 2001:db8:85a3::8a2e:370:7334', '2001:db8:85a3::8a2e:370:7334'],
  ['DATE_OF_BIRTH', 'DOB: 03/14/1985', '03/14/1985'],
  ['US_PASSPORT', 'Passport No: 530912874', '530912874'],
  ['DRIVER_LICENSE', "Driver's license: D1234567", 'D1234567'],
  ['PERSON', 'Patient: John Smith, 54', 'John Smith'],
  ['PERSON', 'Dear Priya Raman,', 'Priya Raman'],
  ['AWS_ACCESS_KEY', 'id AKIAZ7VRSQ2LMXK4P3TN', 'AKIAZ7VRSQ2LMXK4P3TN'],
  ['AWS_SECRET_KEY', 'aws_secret_access_key = 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', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzKEYa8Q2xZ'],
  // A pair pasted as it is handed over: the secret right after its access key id.
  ['AWS_SECRET_KEY', 'creds for the bucket: AKIAZ7VRSQ2LMXK4P3TN / r8Vd2QmT0pXz7LbN4kWc9HsY1uFj6GeA3oRiKt5n', 'r8Vd2QmT0pXz7LbN4kWc9HsY1uFj6GeA3oRiKt5n'],
  ['GITHUB_TOKEN', 'ghp_R8sK2mQ9vT4wX7yZ1aB3cD5eF6gH8iJ0kL2m', 'ghp_R8sK2mQ9vT4wX7yZ1aB3cD5eF6gH8iJ0kL2m'],
  ['OPENAI_API_KEY', 'sk-proj-Ab3dEf6hIj9kLm2nOp5qT3BlbkFJrS8tUv1wXy4zAb7cDe', 'sk-proj-Ab3dEf6hIj9kLm2nOp5qT3BlbkFJrS8tUv1wXy4zAb7cDe'],
  ['ANTHROPIC_API_KEY', `sk-ant-api03-${'aB3dE6gH9jK2mN5pQ8sT1vW4yZ7bC0eF3hI6kL9nO2qR5tU8wX1zA4cD7fG0iJ3lM6oP9rS2uV5xY8aB1dE4gH7jK0mN3pQ6sT9v'.slice(0, 93)}AA`, ''],
  ['SLACK_TOKEN', 'xoxb-2837465019-8273645019283-Zq8Wm3Kx7Lp2Nv5Rt9Yb4Hc6', 'xoxb-2837465019-8273645019283-Zq8Wm3Kx7Lp2Nv5Rt9Yb4Hc6'],
  ['STRIPE_KEY', 'sk_live_4eC39HqLyjWDarjtT1zdp7dc', 'sk_live_4eC39HqLyjWDarjtT1zdp7dc'],
  ['GOOGLE_API_KEY', 'AIzaSyD3kF8mQ2vX7nL4pR9sT1wY6zB0cE5gH2j', 'AIzaSyD3kF8mQ2vX7nL4pR9sT1wY6zB0cE5gH2j'],
  ['NPM_TOKEN', 'npm_k8Qm2Xv7Lp3Nz9Rt5Yb1Hc4Wd6Fg0Js2Ae8T', 'npm_k8Qm2Xv7Lp3Nz9Rt5Yb1Hc4Wd6Fg0Js2Ae8T'],
  ['GITLAB_TOKEN', 'glpat-x7Kq2Mv9Lp4Nz8Rt3Yb1', 'glpat-x7Kq2Mv9Lp4Nz8Rt3Yb1'],
  ['JWT', 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4ifQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c', ''],
  ['URL_PASSWORD', 'postgres://app:s3cr3tPa55w0rd@db.internal:5432/app', 's3cr3tPa55w0rd'],
  ['GENERIC_SECRET', 'DB_PASSWORD="hK8#vQ2!mZr9"', 'hK8#vQ2!mZr9'],
  ['PRIVATE_KEY', '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\n-----END OPENSSH PRIVATE KEY-----', ''],
  ['CLASSIFICATION_MARKING', 'SECRET//NOFORN', 'SECRET//NOFORN'],
  ['CLASSIFICATION_MARKING', 'header\n(TS//SI) The asset reported', '(TS//SI)'],
  ['CLASSIFICATION_MARKING', 'UNCLASSIFIED//FOUO', 'UNCLASSIFIED//FOUO'],
  ['CLASSIFICATION_MARKING', 'memo\nCUI\nbody', 'CUI'],
  ['CLASSIFICATION_MARKING', 'SECRET\n(S) First para.\n(C) Second para.', '(S)'],
  ['CARD_SECURITY_CODE', 'CVV: 123', '123'],
  ['MEDICAL_RECORD_NUMBER', 'MRN: 00482913', '00482913'],
  ['NPI', 'NPI 1234567893', '1234567893'],
  ['UK_NINO', 'NI number AB 12 34 56 C', 'AB 12 34 56 C'],
];

const NEGATIVES = [
  'request 3f2b8c1e-9a4d-4e7f-b2c1-7d8e9f0a1b2c done',
  'sha256: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
  'commit 3f786850e387550fdab836ed7e6dc881de23001b merged',
  'Order #ORD-2024-118273 shipped, tracking 1Z999AA10123456784',
  'upgraded to v2.14.3 and build version 1.2.3.4',
  'at 2024-05-12T14:33:09Z (ts=1715524389123)',
  'ref 7992739871300000 is Luhn-valid but no issuer',
  'SLACK_BOT_TOKEN=xoxb-your-token',
  'OPENAI_API_KEY=sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
  'e.g. AKIAIOSFODNN7EXAMPLE',
  'trip to Asia, ref 3f786850e387550fdab836ed7e6dc881de23001b',
  'SSN 666-12-3456 and 900-12-3456 and 123-00-4567',
  'card 4111 1111 1111 1112 fails Luhn',
  '(C) 2024 Acme Corp. All rights reserved. Pick (A), (B) or (C) and list the user(s).',
  'the top secret to good bread; this email is confidential',
  '(U) Unclassified paragraph.',
  'std::vector<int> and 12:30:45 and 00:1A:2B:3C:4D:5E',
  'logo@2x.png and lodash@4.17.21 and git@github.com:org/repo.git',
  'max_tokens: 1024, password: ${DB_PASSWORD}',
  'Order 555-123-4567 was refunded',
  // Addresses of no one: loopback, any, broadcast and netmasks.
  'listen 127.0.0.1:8080 and 0.0.0.0/0, bind [::1]:9000 or ::, mask 255.255.255.0 / 255.255.255.255',
];

describe('Tier 1 and Tier 2 detectors', () => {
  it.each(POSITIVES)('finds %s in %j', (type, text, value) => {
    const found = scanText(all, text).filter((m) => m.type === type);
    expect(found.length, values(text).join(' | ')).toBeGreaterThan(0);
    if (value) expect(found.map((m) => text.slice(m.start, m.end))).toContain(value);
  });

  it.each(NEGATIVES)('leaves %j clean', (text) => {
    expect(values(text)).toEqual([]);
  });

  it('refuses invalid operator patterns naming the rule', () => {
    const bad = settingsWith({ custom_patterns: [{ id: 'custom.broken', type: 'X', pattern: '(a', action: 'block' }] });
    expect(() => compileDlp(bad)).toThrow(DlpConfigError);
    expect(() => compileDlp(bad)).toThrow(/custom\.broken/);
    const backref = settingsWith({ custom_patterns: [{ id: 'custom.backref', type: 'X', pattern: '(a)\\1', action: 'block' }] });
    expect(() => compileDlp(backref)).toThrow(/custom\.backref/);
    const empty = settingsWith({ custom_patterns: [{ id: 'custom.empty', type: 'X', pattern: 'a*', action: 'block' }] });
    expect(() => compileDlp(empty)).toThrow(/custom\.empty.*empty string/);
  });

  it('runs (a+)+$ linearly on a 50k adversarial string', () => {
    const compiled = compileDlp(settingsWith({ custom_patterns: [{ id: 'custom.evil', type: 'EVIL', pattern: '(a+)+$', action: 'flag' }] }));
    const started = performance.now();
    const hits = scanText(compiled, `${'a'.repeat(50_000)}!`).filter((m) => m.rule === 'custom.evil');
    expect(hits).toEqual([]);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('runs operator patterns and keyword lists with their own ids and actions', () => {
    const compiled = compileDlp(
      settingsWith({
        custom_patterns: [{ id: 'custom.project', type: 'PROJECT_CODE', pattern: 'PRJ-[0-9]{4}', action: 'block', keywords: ['prj-'] }],
        keywords: [{ id: 'custom.codenames', type: 'CODENAME', keywords: ['Blue Falcon', 'nightjar'], action: 'flag' }],
      }),
    );
    const found = scanText(compiled, 'see PRJ-1234 about blue falcon, not nightjars');
    expect(found.map((m) => [m.rule, m.type, m.action])).toEqual([
      ['custom.project', 'PROJECT_CODE', 'block'],
      ['custom.codenames', 'CODENAME', 'flag'],
    ]);
  });

  it('applies entity actions, disabled detectors and the stricter action of overlapping sources', () => {
    const compiled = compileDlp(settingsWith({ tier1: { enabled: true, action: 'flag', entity_actions: { EMAIL: 'redact' }, disabled_detectors: ['tier1.person'] }, bundles: { PCI: { action: 'block' } } }));
    const found = scanText(compiled, 'jane@acme.io, Dear John Smith, card 4111111111111111');
    expect(found.map((m) => [m.type, m.action, m.tier])).toEqual([
      ['EMAIL', 'redact', 1],
      ['CREDIT_CARD', 'block', 1],
    ]);
  });

  it('Aho-Corasick finds overlapping keywords on word boundaries, case-insensitively', () => {
    const ac = new KeywordAutomaton(['he', 'she', 'hers', 'über']);
    expect(ac.search('SHE said hers; other; Über').map((h) => h.keyword)).toEqual([1, 2, 3]);
  });

  it('each bundle switches on its own detectors', () => {
    const only = (bundle: string) => compileDlp(settingsWith({ tier1: { enabled: false, action: 'redact' }, bundles: { [bundle]: {} } }));
    const text = 'card 4111 1111 1111 1111 CVV: 123; MRN: 00482913; jane@acme.io; ghp_R8sK2mQ9vT4wX7yZ1aB3cD5eF6gH8iJ0kL2m; SECRET//NOFORN';
    const typesFor = (b: string) => [...new Set(scanText(only(b), text).map((m) => m.type))].sort();
    expect(typesFor('PCI')).toEqual(['CARD_SECURITY_CODE', 'CREDIT_CARD']);
    expect(typesFor('HIPAA')).toEqual(['EMAIL', 'MEDICAL_RECORD_NUMBER']);
    expect(typesFor('GDPR')).toEqual(['EMAIL']);
    expect(typesFor('SECRETS')).toEqual(['GITHUB_TOKEN']);
    expect(typesFor('CLASSIFICATION')).toEqual(['CLASSIFICATION_MARKING']);
    expect(scanText(only('SECRETS'), text).every((m) => m.action === 'block' && m.tier === 2)).toBe(true);
  });

  it('HIPAA and GDPR switch on every detector of the personal types they name, later ones included', () => {
    const ofType = (type: string) => [...BUILTIN_DETECTORS.values()].filter((d) => d.type === type).map((d) => d.id);
    for (const type of ['PERSON', 'PHONE', 'DATE_OF_BIRTH', 'EMAIL', 'IP_ADDRESS']) {
      expect(ofType(type).length).toBeGreaterThan(0);
      for (const bundle of ['HIPAA', 'GDPR'] as const) expect(COMPLIANCE_BUNDLES[bundle].detectors, `${bundle} ${type}`).toEqual(expect.arrayContaining(ofType(type)));
    }
    expect(ofType('PERSON').length).toBeGreaterThan(10);
    const hipaaOnly = compileDlp(settingsWith({ tier1: { enabled: false, action: 'redact' }, bundles: { HIPAA: {} } }));
    const form = 'PATIENT NAME: MARIA GONZALEZ\nReason: follow-up\n';
    expect(scanText(hipaaOnly, form).map((m) => [m.type, form.slice(m.start, m.end)])).toEqual([['PERSON', 'MARIA GONZALEZ']]);
  });

  it('the SECRETS bundle is every detector of the two secret lists, and nothing else', () => {
    const secretIds = [...SECRET_DETECTORS, ...CONFIG_SECRET_DETECTORS].map((d) => d.id).sort();
    expect(secretIds.length).toBeGreaterThan(20);
    expect([...COMPLIANCE_BUNDLES.SECRETS.detectors].sort()).toEqual(secretIds);
    const marked = [...BUILTIN_DETECTORS.values()].filter((d) => d.secret).map((d) => d.id).sort();
    expect(marked).toEqual(secretIds);
  });
});
