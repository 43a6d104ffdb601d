import { describe, expect, it } from 'vitest';
import { Counter, Gauge, Histogram } from '../../worker/metrics/registry.js';
import { RecentDecisions } from '../../worker/metrics/recent.js';
import type { AuditEvent } from '../../worker/audit/event.js';

describe('metric series keys (found without sorting or JSON on every increment)', () => {
  it('counts one series whatever order its labels were written in', () => {
    const c = new Counter('c_total', 'help');
    c.inc({ a: '1', b: '2' });
    c.inc({ b: '2', a: '1' }, 2);
    c.inc({ a: '1', b: '2' });
    expect(c.get({ b: '2', a: '1' })).toBe(4);
    expect(c.render().split('\n').filter((l) => l.startsWith('c_total{'))).toEqual(['c_total{a="1",b="2"} 4']);
  });

  it('keeps label sets apart even when a value spells out another set', () => {
    const c = new Counter('c_total', 'help');
    c.inc({ route: 'r', model: 'm' });
    c.inc({ route: 'r', model: 'm', status: '200' });
    c.inc({ route: 'r', model: '1:m6:status3:200' });
    expect(c.get({ route: 'r', model: 'm' })).toBe(1);
    expect(c.get({ route: 'r', model: 'm', status: '200' })).toBe(1);
    expect(c.get({ route: 'r', model: '1:m6:status3:200' })).toBe(1);
    expect(c.render().split('\n').filter((l) => l.startsWith('c_total{'))).toHaveLength(3);
  });

  it('a label object changed after the call does not change the series it counted', () => {
    const c = new Counter('c_total', 'help');
    const labels: Record<string, string> = { a: '1' };
    c.inc(labels);
    labels.a = '2';
    expect(c.render()).toContain('c_total{a="1"} 1');
  });

  it('gauges replace and histograms accumulate per series', () => {
    const g = new Gauge('g', 'help');
    g.set(1, { x: 'a', y: 'b' });
    g.set(5, { y: 'b', x: 'a' });
    expect(g.render().split('\n').filter((l) => l.startsWith('g{'))).toEqual(['g{x="a",y="b"} 5']);
    const h = new Histogram('h', 'help', [1, 10]);
    h.observe(0.5, { r: 'x', p: 'y' });
    h.observe(5, { p: 'y', r: 'x' });
    expect(h.render()).toContain('h_count{r="x",p="y"} 2');
    expect(h.render()).toContain('h_bucket{r="x",p="y",le="1"} 1');
  });
});

describe('RecentDecisions (a ring of the newest events)', () => {
  const event = (i: number, project?: string): AuditEvent =>
    ({
      time: `t${i}`,
      request_id: `r${i}`,
      ...(project ? { project_id: project } : {}),
      route: 'chat',
      model: 'm',
      caller: null,
      decision: 'allow',
      status: 200,
      reason: null,
      findings: [{ type: 'EMAIL', rule: 'email', tier: 1, action: 'redact', hash: 'h', start: 1, end: 2 }],
      timings_ms: { total: i, upstream: null },
    }) as unknown as AuditEvent;

  it('lists the newest first, keeps only its capacity, and shows no hash or offset', () => {
    const recent = new RecentDecisions(3);
    expect(recent.list()).toEqual([]);
    for (let i = 1; i <= 5; i++) recent.push(event(i, i % 2 ? 'p1' : 'p2'));
    expect(recent.list().map((d) => d.request_id)).toEqual(['r5', 'r4', 'r3']);
    expect(recent.list('p1').map((d) => d.request_id)).toEqual(['r5', 'r3']);
    expect(recent.list()[0]!.findings).toEqual([{ type: 'EMAIL', rule: 'email', tier: 1, action: 'redact' }]);
  });
});
