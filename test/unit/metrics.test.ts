import { describe, expect, it } from 'vitest';
import { Counter, Histogram, Registry } from '../../worker/metrics/registry.js';
import { timingSafeEqual } from '../../worker/admin/token.js';

describe('metrics registry', () => {
  it('renders counters and histograms in the exposition format, escaping label values', () => {
    const registry = new Registry();
    const c = registry.register(new Counter('x_total', 'Things.'));
    c.inc({ model: 'a"b\\c\nd' });
    c.inc({ model: 'a"b\\c\nd' }, 2);
    const h = registry.register(new Histogram('d_seconds', 'Durations.', [0.1, 1]));
    h.observe(0.05);
    h.observe(0.5);
    h.observe(5);
    expect(registry.render()).toBe(
      [
        '# HELP x_total Things.',
        '# TYPE x_total counter',
        'x_total{model="a\\"b\\\\c\\nd"} 3',
        '# HELP d_seconds Durations.',
        '# TYPE d_seconds histogram',
        'd_seconds_bucket{le="0.1"} 1',
        'd_seconds_bucket{le="1"} 2',
        'd_seconds_bucket{le="+Inf"} 3',
        'd_seconds_sum 5.55',
        'd_seconds_count 3',
        '',
      ].join('\n'),
    );
  });
});

describe('admin token comparison', () => {
  it('is exact, whatever the lengths', async () => {
    expect(await timingSafeEqual('secret-token', 'secret-token')).toBe(true);
    expect(await timingSafeEqual('secret-token', 'secret-tokeN')).toBe(false);
    expect(await timingSafeEqual('secret-token', 'secret')).toBe(false);
    expect(await timingSafeEqual('', 'x')).toBe(false);
  });
});
