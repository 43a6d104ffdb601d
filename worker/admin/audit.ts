/**
 * The audit export for remote operators (token-protected by the admin API's middleware): the same
 * JSONL and manifest as `outpost audit export`, for a range of sequence numbers, so that
 *
 *   curl -H "Authorization: Bearer $T" "$GW/admin/api/audit/export?from_seq=1&to_seq=5000" > audit.jsonl
 *   curl -H "Authorization: Bearer $T" "$GW/admin/api/audit/export/manifest?from_seq=1&to_seq=5000&file=audit.jsonl" > audit.jsonl.manifest.json
 *   outpost audit verify --export audit.jsonl
 *
 * In projects mode `&project=ID` exports one project's events (verified by their project links);
 * a project's read-only admin token gets only its own project's.
 *
 * checks offline. Nothing is deleted through the API: removing exported events stays a local,
 * explicit step (`outpost audit export --delete`) after verification.
 */
import { Hono } from 'hono';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.js';
import { exportLines, exportManifest } from '../audit/export.js';
import { GatewayError } from '../core/index.js';
import { DEFAULT_PROTOCOL, errorResponse } from '../protocol/index.js';
import { projectManifestFields } from '../audit/project-chain.js';
import { requestedProject } from './project-scope.js';

/** Most events one call returns; ask again from the next sequence number for more. */
export const MAX_EXPORT_EVENTS = 50_000;
const PAGE = 1000;

interface Range {
  readonly from: number;
  readonly to: number;
  readonly limit: number;
}

function parseRange(c: Context<AppEnv>): Range | GatewayError {
  const number = (name: string, fallback: number): number | null => {
    const raw = c.req.query(name);
    if (raw === undefined || raw === '') return fallback;
    return /^\d{1,15}$/.test(raw) ? Number(raw) : null;
  };
  const from = number('from_seq', 1);
  const to = number('to_seq', Number.MAX_SAFE_INTEGER);
  const limit = number('limit', MAX_EXPORT_EVENTS);
  if (from === null || to === null || limit === null) return new GatewayError(400, 'invalid_request', 'from_seq, to_seq and limit must be non-negative integers');
  if (from > to) return new GatewayError(400, 'invalid_request', 'from_seq must not be greater than to_seq');
  if (limit < 1 || limit > MAX_EXPORT_EVENTS) return new GatewayError(400, 'invalid_request', `limit must be between 1 and ${MAX_EXPORT_EVENTS}`);
  return { from, to, limit };
}

/** The stored events whose seq lies in the range (of one project, when given), in order, at most `limit`. */
async function eventsIn(c: Context<AppEnv>, range: Range, project?: string): Promise<string[]> {
  const gw = c.get('gateway');
  const out: string[] = [];
  for (let after = 0; out.length < range.limit; ) {
    const rows = await gw.audit.read(after, PAGE);
    if (!rows.length) break;
    for (const row of rows) {
      const event = JSON.parse(row.event_json) as { seq: number; project_id?: string };
      if (event.seq > range.to) return out;
      if (event.seq >= range.from && (project === undefined || event.project_id === project)) out.push(row.event_json);
      if (out.length >= range.limit) return out;
    }
    after = rows[rows.length - 1]!.id;
  }
  return out;
}

async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The export routes, mounted at /admin/api/audit. */
export function auditAdminApi(): Hono<AppEnv> {
  const api = new Hono<AppEnv>();
  const fail = (c: Context<AppEnv>, e: unknown) =>
    errorResponse(DEFAULT_PROTOCOL, e instanceof GatewayError ? e : new GatewayError(503, 'audit_unavailable', 'The audit queue cannot be read', 'unavailable'), c.get('requestId'));

  api.get('/export', async (c) => {
    const range = parseRange(c);
    if (range instanceof GatewayError) return fail(c, range);
    const project = requestedProject(c);
    if (project instanceof Response) return project;
    try {
      const events = await eventsIn(c, range, project);
      return c.body(exportLines(events), 200, { 'content-type': 'application/x-ndjson', 'x-outpost-export-count': String(events.length), 'cache-control': 'no-store' });
    } catch (e) {
      return fail(c, e);
    }
  });

  api.get('/export/manifest', async (c) => {
    const range = parseRange(c);
    if (range instanceof GatewayError) return fail(c, range);
    const file = c.req.query('file') ?? 'audit.jsonl';
    if (!/^[A-Za-z0-9._-]{1,128}$/.test(file)) return fail(c, new GatewayError(400, 'invalid_request', 'file must be a plain file name'));
    const project = requestedProject(c);
    if (project instanceof Response) return project;
    try {
      const events = await eventsIn(c, range, project);
      const gw = c.get('gateway');
      const manifest = exportManifest(events, { file, sha256: await sha256Hex(exportLines(events)), source: `${gw.config.auditDbPath} via admin API` });
      return c.json(project === undefined ? manifest : { ...manifest, ...projectManifestFields(project, events) });
    } catch (e) {
      return fail(c, e);
    }
  });
  return api;
}
