import { describe, expect, it } from 'vitest';
import { runtimeLogFilter } from '../../cli/launch/runtime-log.js';

/** Runs the filter over chunks as a child's stderr delivers them. */
async function filtered(chunks: string[]): Promise<string> {
  const filter = runtimeLogFilter();
  let out = '';
  filter.on('data', (d: Buffer) => (out += d.toString()));
  const done = new Promise((r) => filter.on('end', r));
  for (const c of chunks) filter.write(Buffer.from(c));
  filter.end();
  await done;
  return out;
}

// What workerd 1.2026 printed for `outpost doctor --probe http://example.com/` with air-gap off.
const ERROR = 'workerd/jsg/util.c++:320: error: e = rust/worker/ffi.rs:104: failed: failed to lookup address information: Name or service not known';
const STACK = 'stack: /work/node_modules/workerd/bin/workerd@2b5edc0 /work/node_modules/workerd/bin/workerd@3fe4230; sentryErrorContext = jsgInternalError; wdErrId = hb51fu7r4ps691b0da0bcqrj';

describe('runtime log filter', () => {
  it('turns an internal error with its native stack into one WARN line with the reference', async () => {
    const out = await filtered([`INFO before\n${ERROR}\n`, `${STACK}\nINFO after\n`]);
    expect(out).toBe('INFO before\nWARN Runtime: an outbound connection failed (failed to lookup address information: Name or service not known); reference=hb51fu7r4ps691b0da0bcqrj\nINFO after\n');
    expect(out).not.toContain('c++');
  });

  it('keeps lines split across chunks whole, passes other lines unchanged, and flushes the last one', async () => {
    expect(await filtered(['ERROR Outp', 'ost could not\nlast line without newline'])).toBe('ERROR Outpost could not\nlast line without newline\n');
    expect(await filtered([ERROR])).toMatch(/^WARN Runtime: an outbound connection failed \(failed to lookup/);
    expect(await filtered([`${ERROR}\nsomething else\n`])).toBe('WARN Runtime: an outbound connection failed (failed to lookup address information: Name or service not known)\nsomething else\n');
  });

  it('decodes a character split across chunks whole', async () => {
    const bytes = Buffer.from('INFO Grüße\n');
    const filter = runtimeLogFilter();
    let out = '';
    filter.on('data', (d: Buffer) => (out += d.toString()));
    const done = new Promise((r) => filter.on('end', r));
    filter.write(bytes.subarray(0, 8)); // inside the two bytes of ü
    filter.write(bytes.subarray(8));
    filter.end();
    await done;
    expect(out).toBe('INFO Grüße\n');
  });

  it('reads long hostile lines in one pass (no backtracking over spaces or separators)', async () => {
    const spaces = `stack: ${' '.repeat(1 << 20)}x`;
    const separators = `workerd/a.c++:1: error: e = ${': '.repeat(1 << 19)}x`;
    expect(await filtered([`${ERROR}\n${spaces}\n`])).toBe('WARN Runtime: an outbound connection failed (failed to lookup address information: Name or service not known)\n');
    expect(await filtered([`${separators}\n`])).toBe(`${separators}\n`);
  });
});
