/**
 * Values written to slip past the detectors (issue 13): separators, Unicode digits, zero-width
 * characters, look-alike letters, obfuscated emails, PEM variants, base64; context words as whole
 * words; and the per-request scan budget.
 */
import { describe, expect, it } from 'vitest';
import { ScanBudget, ScanBudgetExceededError, VALIDATION_UNITS } from '../../worker/dlp/budget.js';
import { hasWholeWord } from '../../worker/dlp/context.js';
import { compileDlp, scanText } from '../../worker/dlp/index.js';
import { normalizeText } from '../../worker/dlp/normalize.js';
import { settingsWith } from './fixtures.js';

const all = compileDlp(settingsWith({ bundles: { SECRETS: {}, CLASSIFICATION: {}, PCI: {}, HIPAA: {}, GDPR: {} } }));
const found = (text: string) => scanText(all, text).map((m) => ({ type: m.type, value: text.slice(m.start, m.end), score: m.score }));
const typesIn = (text: string) => found(text).map((f) => f.type);

describe('normalised view', () => {
  it('folds digits, drops format characters, collapses whitespace, and maps offsets back', () => {
    const original = 'a\u200b1\u00a0\u00a0２ b';
    const n = normalizeText(original);
    expect(n.text).toBe('a1 2 b');
    expect(n.toOriginalStart(1)).toBe(2);
    expect(n.toOriginalEnd(4)).toBe(6);
    expect(normalizeText('line\n\n  next').text).toBe('line\nnext');
    expect(normalizeText('\u0410KIA').text).toBe('AKIA');
    expect(normalizeText('\u0663\u{1d7d0}').text).toBe('32');
  });

  it('leaves plain ASCII as it is', () => {
    const n = normalizeText('plain text, one line\nand another');
    expect(n.text).toBe('plain text, one line\nand another');
    expect(n.toOriginalEnd(5)).toBe(5);
  });
});

describe('card numbers written differently', () => {
  const cards = [
    ['dots', 'card 4111.1111.1111.1111 ok', '4111.1111.1111.1111'],
    ['slashes', 'card 4111/1111/1111/1111 ok', '4111/1111/1111/1111'],
    ['newlines', 'card 4111\n1111\n1111\n1111 ok', '4111\n1111\n1111\n1111'],
    ['NBSP', 'card 4111\u00a01111\u00a01111\u00a01111 ok', '4111\u00a01111\u00a01111\u00a01111'],
    ['odd grouping', 'card 41 111 111 1111 1111 ok', '41 111 111 1111 1111'],
    ['full-width digits', 'card ４１１１１１１１１１１１１１１１ ok', '４１１１１１１１１１１１１１１１'],
    ['mathematical digits', `card ${'𝟒𝟏𝟏𝟏'.repeat(1)}${'𝟏𝟏𝟏𝟏'.repeat(3)} ok`, `${'𝟒𝟏𝟏𝟏'}${'𝟏𝟏𝟏𝟏'.repeat(3)}`],
    ['zero-width space inside', 'card 4111\u200b1111\u200b1111\u200b1111 ok', '4111\u200b1111\u200b1111\u200b1111'],
    ['Arabic-Indic digits', 'card ٤١١١١١١١١١١١١١١١ ok', '٤١١١١١١١١١١١١١١١'],
  ] as const;
  it.each(cards)('%s: found, and the span is exactly the original characters', (_, text, value) => {
    const f = found(text).filter((m) => m.type === 'CREDIT_CARD');
    expect(f.map((m) => m.value)).toEqual([value]);
  });

  it('still refuses a number that fails Luhn', () => {
    expect(typesIn('card 4111.1111.1111.1112 ok')).not.toContain('CREDIT_CARD');
  });
});

describe('other structured values', () => {
  it.each(['536.22.1234', '536-22 1234', '536 22-1234'])('formatted SSN %s', (ssn) => {
    expect(found(`SSN ${ssn}`).filter((m) => m.type === 'US_SSN').map((m) => m.value)).toEqual([ssn]);
  });

  it.each(['DE89.3704.0044.0532.0130.00', 'DE89/3704/0044/0532/013000', 'DE89 370400 440532 013000', 'DE89\u00a03704\u00a00044\u00a00532\u00a00130\u00a000'])('IBAN %s', (iban) => {
    expect(found(`pay to ${iban} today`).filter((m) => m.type === 'IBAN').map((m) => m.value)).toEqual([iban]);
  });

  it('an IBAN followed by a word ends at its country length', () => {
    expect(found('IBAN DE89370400440532013000 THE END').filter((m) => m.type === 'IBAN').map((m) => m.value)).toEqual(['DE89370400440532013000']);
  });

  it.each([
    ['lower-cased', 'akiaz7vrsq2lmxk4p3tn'],
    ['split by a space', 'AKIAZ7VRSQ2L MXK4P3TN'],
    ['with a newline', 'AKIAZ7VRSQ2L\nMXK4P3TN'],
    ['Cyrillic look-alikes', '\u0410KI\u0410Z7VRSQ2LMXK4P3TN'],
  ])('AWS key %s', (_, key) => {
    expect(found(`id ${key} ok`).filter((m) => m.type === 'AWS_ACCESS_KEY').map((m) => m.value)).toEqual([key]);
  });

  it('does not read prose after "Asia" as an AWS key', () => {
    expect(typesIn('We ship to Asia and Europe every week')).not.toContain('AWS_ACCESS_KEY');
  });

  it.each(['jane [at] acme [dot] com', 'jane(at)acme(dot)com', 'jane (at) acme.com', 'Jane [AT] Acme [DOT] co [dot] uk'])('obfuscated email %s', (email) => {
    expect(found(`write to ${email} please`).filter((m) => m.type === 'EMAIL').map((m) => m.value)).toEqual([email]);
  });
});

describe('PEM private keys', () => {
  const body = 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj\nMzEfYyjiWA4R4/M2bS1GB4t7NXp98C3SC6dVMvDuictGeurT8jNbvJZHtCSuYEvu\n';
  it.each([
    ['standard', `-----BEGIN PRIVATE KEY-----\n${body}-----END PRIVATE KEY-----`],
    ['four dashes', `----BEGIN RSA PRIVATE KEY----\n${body}----END RSA PRIVATE KEY----`],
    ['lower-case header', `-----begin private key-----\n${body}-----end private key-----`],
    ['body only', body.trimEnd()],
  ])('%s', (_, block) => {
    const f = found(`key:\n${block}\nthanks`).filter((m) => m.type === 'PRIVATE_KEY');
    expect(f.map((m) => m.value)).toEqual([block]);
  });

  it('reads repeated headers once each, not as one huge block', () => {
    const text = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n'.repeat(3);
    expect(found(text).filter((m) => m.type === 'PRIVATE_KEY')).toHaveLength(3);
  });
});

describe('context words are whole words', () => {
  it('"ref" inside "preferred" or "refund" is not anti-context', () => {
    expect(typesIn('My preferred card is 4111111111111111')).toContain('CREDIT_CARD');
    expect(typesIn('refund to 4111111111111111')).toContain('CREDIT_CARD');
    expect(typesIn('ref 4111111111111111')).not.toContain('CREDIT_CARD');
  });

  it('"part" inside "department" is not anti-context', () => {
    expect(hasWholeWord('the department', 0, 14, ['part'])).toBe(false);
    expect(hasWholeWord('part no', 0, 7, ['part'])).toBe(true);
    expect(hasWholeWord('see case #', 0, 10, ['case #'])).toBe(true);
  });
});

describe('base64', () => {
  it('flags a card written in base64', () => {
    const encoded = btoa('my card is 4111 1111 1111 1111');
    const f = scanText(all, `please decode ${encoded} for me`);
    expect(f.map((m) => m.type)).toContain('CREDIT_CARD');
    const card = f.find((m) => m.type === 'CREDIT_CARD')!;
    expect(`please decode ${encoded} for me`.slice(card.start, card.end)).toBe(encoded);
  });

  it('does not decode runs longer than the bound', () => {
    const encoded = btoa(`${'x'.repeat(4000)} card 4111 1111 1111 1111`);
    expect(scanText(all, encoded).map((m) => m.type)).not.toContain('CREDIT_CARD');
  });
});

describe('scan budget', () => {
  it('throws once a request has spent its work units', () => {
    const budget = new ScanBudget(10_000);
    expect(() => scanText(all, 'card 4111 1111 1111 1111 '.repeat(200), budget)).toThrow(ScanBudgetExceededError);
  });

  it('is shared across the parts of one request', () => {
    // Room for about three parts of this size, whatever the detector list costs per part.
    const probe = new ScanBudget(Number.MAX_SAFE_INTEGER);
    scanText(all, 'x'.repeat(1000), probe);
    const budget = new ScanBudget(probe.used * 3);
    scanText(all, 'x'.repeat(1000), budget);
    expect(() => {
      for (let i = 0; i < 10; i++) scanText(all, 'y'.repeat(1000), budget);
    }).toThrow(ScanBudgetExceededError);
  });

  it('stops a text of one value repeated after four matches per finding allowed, before the findings limit', () => {
    class CountingBudget extends ScanBudget {
      seen = 0;
      override noteMatch(): void {
        this.seen++;
        super.noteMatch();
      }
    }
    // 2,000 names; with a limit of 100 findings the scan stops at the 401st match, long before the
    // end, instead of judging every match and counting findings afterwards.
    const budget = new CountingBudget(Number.MAX_SAFE_INTEGER, 100);
    expect(() => scanText(all, 'Ms. Tran, '.repeat(2000), budget)).toThrow(ScanBudgetExceededError);
    expect(budget.seen).toBe(401);
    expect(scanText(all, 'Ms. Tran, '.repeat(20), new ScanBudget(Number.MAX_SAFE_INTEGER, 100)).length).toBe(20);
  });

  it('charges every validator call, so candidates that all fail validation still spend the budget', () => {
    // "John Smith John Smith ...": a name candidate at every word, none of them a finding (a run of
    // one name is no person). Before validators were charged, 2 MB of it cost seconds of CPU and
    // only the characters' units; now each call costs VALIDATION_UNITS and the default budget
    // stops the scan long before the end.
    class CountingBudget extends ScanBudget {
      charged = 0;
      override charge(units: number): void {
        if (units === VALIDATION_UNITS) this.charged++;
        super.charge(units);
      }
    }
    const probe = new CountingBudget(Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
    scanText(all, 'John Smith '.repeat(1000), probe);
    expect(probe.charged).toBeGreaterThanOrEqual(1000);
    expect(() => scanText(all, 'John Smith '.repeat(200_000))).toThrow(ScanBudgetExceededError);
  });

  it('comes from the settings, with a default', () => {
    expect(compileDlp(settingsWith()).scanBudgetUnits).toBe(64 * 1024 * 1024);
    expect(compileDlp(settingsWith({ scan_budget_units: 1234 })).scanBudgetUnits).toBe(1234);
  });
});
