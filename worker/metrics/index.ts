/**
 * Outpost's metrics, derived from the audit events the pipeline records (one source of truth
 * for what happened) plus gauges read at scrape time from the subsystems.
 *
 * Durations come from Date.now() differences across I/O: in workerd the clock only advances at
 * I/O boundaries, so "gateway overhead" (total minus upstream) counts waiting, not pure CPU; the
 * benchmark (`npm run bench`) is the measure of CPU cost.
 *
 * @example
 * const metrics = createMetrics();
 * metrics.observeEvent(event);
 * return new Response(metrics.render(), { headers: { 'content-type': METRICS_CONTENT_TYPE } });
 */
import { isHashedModel } from '../dlp/model-label.js';
import type { AuditEvent } from '../audit/event.js';
import { Counter, Gauge, Histogram, Registry } from './registry.js';

export const METRICS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];
const OVERHEAD_BUCKETS = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1];

export interface Metrics {
  readonly registry: Registry;
  readonly requests: Counter;
  readonly findings: Counter;
  readonly tier3Inferences: Counter;
  readonly tier3Seconds: Histogram;
  readonly auditCommitSeconds: Histogram;
  readonly auditQueueDepth: Gauge;
  readonly certExpiryDays: Gauge;
  readonly policyInfo: Gauge;
  readonly subsystemUp: Gauge;
  /** Counts one finished call from its audit event. */
  observeEvent(event: AuditEvent): void;
  render(): string;
}

/** Model names are caller-chosen: bound the label's cardinality so scrapes stay small. */
const MAX_MODELS = 200;

export interface MetricsOptions {
  /**
   * This process's index when the gateway runs several (OUTPOST_WORKERS > 1): model calls are
   * then also counted per process (outpost_process_requests_total), which /metrics keeps apart
   * while it sums everything else.
   */
  readonly process?: string;
}

export function createMetrics(options: MetricsOptions = {}): Metrics {
  const registry = new Registry();
  const requests = registry.register(new Counter('outpost_requests_total', 'Model calls by route, model, decision and HTTP status (and project, in projects mode).'));
  const total = registry.register(new Histogram('outpost_request_duration_seconds', 'Total time of model calls, arrival to audit commit.', LATENCY_BUCKETS));
  const overhead = registry.register(new Histogram('outpost_gateway_overhead_seconds', "The gateway's own time per model call: total minus upstream.", OVERHEAD_BUCKETS));
  const findings = registry.register(new Counter('outpost_dlp_findings_total', 'DLP findings by entity type, tier and action.'));
  const tier3Inferences = registry.register(new Counter('outpost_tier3_inferences_total', 'Tier 3 classifier inferences (windows).'));
  const tier3Seconds = registry.register(new Histogram('outpost_tier3_inference_seconds', 'Tier 3 time per scanned text.', OVERHEAD_BUCKETS));
  const auditCommitSeconds = registry.register(new Histogram('outpost_audit_commit_seconds', 'Time for an audit event to be durable on disk.', OVERHEAD_BUCKETS));
  const auditQueueDepth = registry.register(new Gauge('outpost_audit_queue_depth', 'Audit events in the local queue, pending flush or export.'));
  const certExpiryDays = registry.register(new Gauge('outpost_cert_expiry_days', 'Days until the TLS certificate expires, per file.'));
  const policyInfo = registry.register(new Gauge('outpost_policy_info', 'The active policy bundle (value 1).'));
  const subsystemUp = registry.register(new Gauge('outpost_subsystem_up', 'Subsystem state: 1 active, 0.5 degraded, 0 disabled.'));
  const models = new Set<string>();
  const perProcess = options.process === undefined ? null : registry.register(new Counter('outpost_process_requests_total', 'Model calls served by each workerd process.'));
  const processLabels = { process: options.process ?? '' };

  return {
    registry,
    requests,
    findings,
    tier3Inferences,
    tier3Seconds,
    auditCommitSeconds,
    auditQueueDepth,
    certExpiryDays,
    policyInfo,
    subsystemUp,
    observeEvent(event) {
      // Only configured names reach the audit event in clear (dlp/model-label.ts); hashes are `other`.
      let model = event.model ?? '';
      if (isHashedModel(model)) model = 'other';
      if (model && !models.has(model)) {
        if (models.size >= MAX_MODELS) model = 'other';
        else models.add(model);
      }
      // Projects mode: every per-call series carries the project (standalone series are unchanged).
      const project = event.project_id;
      const status = String(event.status);
      requests.inc(
        project ? { route: event.route, model, decision: event.decision, status, project } : { route: event.route, model, decision: event.decision, status },
      );
      perProcess?.inc(processLabels);
      const byRoute: Record<string, string> = project ? { route: event.route, project } : { route: event.route };
      total.observe(event.timings_ms.total / 1000, byRoute);
      overhead.observe(Math.max(0, event.timings_ms.total - (event.timings_ms.upstream ?? 0)) / 1000, byRoute);
      for (const f of event.findings) {
        const tier = String(f.tier);
        findings.inc(project ? { type: f.type, tier, action: f.action, project } : { type: f.type, tier, action: f.action });
      }
    },
    render: () => registry.render(),
  };
}
