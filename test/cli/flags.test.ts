/**
 * Flags through parseArgs: every command refuses an unknown flag, a flag without its value and a
 * stray argument with exit code 2 and a message naming it, before doing anything; known flags in
 * both spellings (--name value, --name=value) still work.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../cli/index.js';
import { parseFlags, UsageError } from '../../cli/flags.js';

let errors: string[] = [];
let out: string[] = [];
beforeEach(() => {
  errors = [];
  out = [];
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void errors.push(a.join(' ')));
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
});
afterEach(() => vi.restoreAllMocks());

describe('parseFlags', () => {
  const spec = { out: { type: 'string' }, json: { type: 'boolean' } } as const;

  it('reads both spellings and positionals up to the limit', () => {
    expect(parseFlags(['--out', 'a', 'f1'], spec, { positionals: 1 })).toEqual({ flags: { out: 'a' }, positionals: ['f1'] });
    expect(parseFlags(['--out=b', '--json'], spec).flags).toEqual({ out: 'b', json: true });
  });

  it('names the unknown flag, the missing value and the stray argument', () => {
    expect(() => parseFlags(['--outt', 'a'], spec)).toThrow(new UsageError('unknown flag --outt (known: --out, --json)'));
    expect(() => parseFlags(['--out'], spec)).toThrow(new UsageError('--out needs a value'));
    expect(() => parseFlags(['x'], spec)).toThrow(new UsageError('unexpected argument "x"'));
    expect(() => parseFlags(['x', 'y'], spec, { positionals: 1 })).toThrow(new UsageError('unexpected argument "y"'));
  });
});

describe('every command refuses an unknown flag with exit code 2', () => {
  const commands = [
    ['start', '--runtme', 'deno'],
    ['config', '--verbose'],
    ['variables', '--all'],
    ['status', '--tokn', 'x'],
    ['scan', '--jsnl'],
    ['audit', 'verify', '--dbb', 'x'],
    ['audit', 'export', '--out', 'f', '--delet'],
    ['policy', 'validate', 'f.json', '--publickey', 'k'],
    ['policy', 'keygen', '--output', 'd'],
    ['policy', 'sign', 'f.json', '--keyfile', 'k'],
    ['policy', 'install', 'f.json', '--runtim', 'http://127.0.0.1:1'],
    ['policy', 'rollback', '--tok', 't'],
    ['policy', 'list', '--x'],
    ['knowledge', 'pack', 'a.md', '--output', 'p.json'],
    ['knowledge', 'import', 'p.json', '--tok', 't'],
    ['knowledge', 'export', '--output', 'p.json'],
    ['knowledge', 'list', '--runtim', 'x'],
    ['release', 'verify', 'r.tar.gz', '--keys', 'k'],
    ['doctor', '--jsn'],
  ];

  it.each(commands)('outpost %s ...', async (...args) => {
    expect(await main(args)).toBe(2);
    const flag = args.find((a) => a.startsWith('--') && !['--out', '--runtime'].includes(a))!;
    expect(errors.join('\n')).toContain(`unknown flag ${flag}`);
  });

  it('a flag without its value and an extra argument are usage errors too', async () => {
    expect(await main(['policy', 'keygen', '--out'])).toBe(2);
    expect(errors.join('\n')).toContain('--out needs a value');
    expect(await main(['audit', 'query', 'SELECT 1', 'SELECT 2'])).toBe(2);
    expect(errors.join('\n')).toContain('unexpected argument "SELECT 2"');
  });
});

describe('known flags still work', () => {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'outpost-flags-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('policy keygen --out=DIR writes the pair there', async () => {
    expect(await main(['policy', 'keygen', `--out=${join(dir, 'keys')}`])).toBe(0);
    expect(existsSync(join(dir, 'keys', 'policy_signing_key.pem'))).toBe(true);
  });

  it('scan --bundles PCI FILE scans the file with that bundle (exit 1: a finding)', async () => {
    const file = join(dir, 'in.txt');
    writeFileSync(file, 'card 4111 1111 1111 1111\n');
    expect(await main(['scan', '--bundles', 'PCI', file])).toBe(1);
    expect(errors.join('\n')).toMatch(/1 finding in 1 input/);
    expect(readFileSync(file, 'utf8')).toContain('4111');
  });

  it('scan --bundles with an unknown bundle is a usage error', async () => {
    expect(await main(['scan', '--bundles', 'NOPE', join(dir, 'x')])).toBe(2);
  });
});
