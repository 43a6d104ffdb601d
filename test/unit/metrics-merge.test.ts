/**
 * /metrics with OUTPOST_WORKERS > 1: the serving process sums its peers' counters and histograms
 * into its own exposition and keeps its own gauges (cluster/metrics-merge.ts).
 */
import { describe, expect, it } from 'vitest';
import { mergeExpositions } from '../../worker/cluster/metrics-merge.js';
import { createMetrics } from '../../worker/metrics/index.js';
import type { AuditEvent } from '../../worker/audit/event.js';

const sample = (text: string, key: string) => {
  const line = text.split('\n').find((l) => l.startsWith(`${key} `));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
};

describe('mergeExpositions', () => {
  it('adds counters and histogram series of the same name and labels, keeps the own gauges, adds series only a peer has', () => {
    const a = createMetrics({ process: '0' });
    const b = createMetrics({ process: '1' });
    const event = (route: string, decision: string, status: number) => ({ route, model: 'm', decision, status, timings_ms: { total: 2, upstream: 1 }, findings: [] }) as unknown as AuditEvent;
    for (let i = 0; i < 3; i++) a.observeEvent(event('openai.chat', 'allow', 200));
    for (let i = 0; i < 4; i++) b.observeEvent(event('openai.chat', 'allow', 200));
    for (let i = 0; i < 2; i++) b.observeEvent(event('ollama.chat', 'block', 403));
    a.auditCommitSeconds.observe(0.0002);
    b.auditCommitSeconds.observe(0.002);
    b.auditCommitSeconds.observe(0.2);
    a.auditQueueDepth.set(42);
    b.auditQueueDepth.set(41);
    const merged = mergeExpositions(a.render(), [b.render()]);

    expect(sample(merged, 'outpost_requests_total{route="openai.chat",model="m",decision="allow",status="200"}')).toBe(7);
    expect(sample(merged, 'outpost_requests_total{route="ollama.chat",model="m",decision="block",status="403"}')).toBe(2);
    expect(sample(merged, 'outpost_audit_commit_seconds_count')).toBe(3);
    expect(sample(merged, 'outpost_audit_commit_seconds_bucket{le="0.00025"}')).toBe(1);
    expect(sample(merged, 'outpost_audit_commit_seconds_bucket{le="+Inf"}')).toBe(3);
    expect(sample(merged, 'outpost_audit_commit_seconds_sum')).toBeCloseTo(0.2022, 6);
    // The one queue's depth is not multiplied by the number of processes.
    expect(sample(merged, 'outpost_audit_queue_depth')).toBe(42);
    // Per-process counts stay apart.
    expect(merged.match(/^outpost_process_requests_total\{process="\d"\} \d+$/gm)).toEqual(['outpost_process_requests_total{process="0"} 3', 'outpost_process_requests_total{process="1"} 6']);
    // Each family keeps one HELP and one TYPE line, in the own exposition's order.
    expect(merged.match(/^# TYPE outpost_requests_total counter$/gm)).toHaveLength(1);
    expect(merged.indexOf('# TYPE outpost_requests_total')).toBeLessThan(merged.indexOf('# TYPE outpost_audit_queue_depth'));
  });

  it('keeps label values with spaces and escapes whole, and returns the own text unchanged without peers', () => {
    const a = createMetrics();
    a.requests.inc({ route: 'r', model: 'a "quoted" name with spaces', decision: 'allow', status: '200' });
    const own = a.render();
    expect(mergeExpositions(own, [])).toBe(own);
    const merged = mergeExpositions(own, [own, own]);
    expect(sample(merged, 'outpost_requests_total{route="r",model="a \\"quoted\\" name with spaces",decision="allow",status="200"}')).toBe(3);
  });

  it('runs in time linear in the text (a long label value)', () => {
    const a = createMetrics();
    a.requests.inc({ route: 'r', model: ' '.repeat(200_000), decision: 'allow', status: '200' });
    const text = a.render();
    expect(sample(mergeExpositions(text, [text]), `outpost_requests_total{route="r",model="${' '.repeat(200_000)}",decision="allow",status="200"}`)).toBe(2);
  });
});
