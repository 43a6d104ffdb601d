import { describe, expect, it } from 'vitest';
import type { Transform } from 'node:stream';
import { startupEcho } from '../../cli/launch/startup-echo.js';

/** Collects what a filter lets through. */
function collect(stream: Transform): () => string {
  let out = '';
  stream.on('data', (d: Buffer) => (out += d.toString()));
  return () => out;
}

describe('startup echo (OUTPOST_WORKERS > 1)', () => {
  it('prints a startup line that every process repeats once, and keeps what differs', () => {
    const echo = startupEcho();
    const [zero, one] = [echo.stream(), echo.stream()];
    const [outZero, outOne] = [collect(zero), collect(one)];
    zero.write('WARN No policy volume at /opt/outpost/policies\nWARN GeoIP: no database loaded\n');
    one.write('WARN No policy volume at /opt/outpost/policies\nWARN Audit queue: process 1 only\nWARN GeoIP: no data');
    one.write('base loaded\n');
    expect(outZero()).toBe('WARN No policy volume at /opt/outpost/policies\nWARN GeoIP: no database loaded\n');
    expect(outOne()).toBe('WARN Audit queue: process 1 only\n');
  });

  it('passes a process repeating itself, and every line once startup is over', () => {
    const echo = startupEcho();
    const [zero, one] = [echo.stream(), echo.stream()];
    const [outZero, outOne] = [collect(zero), collect(one)];
    zero.write('WARN retrying\nWARN retrying\n');
    one.write('WARN retrying\n');
    expect(outZero()).toBe('WARN retrying\nWARN retrying\n');
    expect(outOne()).toBe('');
    echo.settle();
    one.write('WARN retrying\n');
    expect(outOne()).toBe('WARN retrying\n');
  });

  it('flushes a last line without a newline', async () => {
    const echo = startupEcho();
    const zero = echo.stream();
    const out = collect(zero);
    const ended = new Promise((r) => zero.on('end', r));
    zero.end('ERROR Outpost could not start');
    await ended;
    expect(out()).toBe('ERROR Outpost could not start');
  });
});
