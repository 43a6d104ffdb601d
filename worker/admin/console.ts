/**
 * The admin console at /admin/: one page, its script and its style, all served by the worker (no
 * CDN, no external asset, strict CSP). The page asks for the admin token once (kept in
 * sessionStorage), then polls the admin API every two seconds. Values are set with textContent
 * only: model names and rule ids come from callers and policies, never trusted as HTML.
 */

export const CONSOLE_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export const CONSOLE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Outpost console</title>
<link rel="stylesheet" href="/admin/console.css">
<link rel="icon" href="/admin/favicon.svg" type="image/svg+xml">
<script src="/admin/console.js" defer></script>
</head>
<body>
<header><h1>Outpost</h1><span id="version"></span><span id="mode" class="badge"></span><span id="updated"></span></header>
<form id="login" hidden>
  <label>Admin token <input id="token" type="password" autocomplete="off" required></label>
  <button type="submit">Open console</button>
  <p id="login-error" role="alert"></p>
</form>
<main id="console" hidden>
  <section class="cards">
    <div class="card"><h2>Readiness</h2><p id="ready"></p></div>
    <div class="card"><h2>Policy bundle</h2><p id="policy"></p><small id="policy-reason"></small></div>
    <div class="card"><h2>Audit queue depth</h2><p id="queue"></p></div>
    <div class="card"><h2>Certificate expiry</h2><p id="cert"></p></div>
  </section>
  <section><h2>Subsystems</h2>
    <table id="subsystems"><thead><tr><th>Subsystem</th><th>State</th><th>Circuit</th><th>Last success</th><th>Reason</th></tr></thead><tbody></tbody></table>
  </section>
  <section><h2>Knowledge assets</h2>
    <table id="knowledge"><thead><tr><th>Name</th><th>Source</th><th>State</th><th>Version</th><th>Size</th><th>Listed in policy</th><th>Reason</th></tr></thead><tbody></tbody></table>
  </section>
  <section><h2>Recent decisions</h2>
    <label>Project <input id="project-filter" placeholder="all (projects mode: a project id)" size="24" pattern="[a-z0-9][a-z0-9_-]{0,62}"></label>
    <table id="decisions"><thead><tr><th>Time</th><th>Request</th><th>Route</th><th>Model</th><th>Decision</th><th>Status</th><th>Findings (type / rule)</th></tr></thead><tbody></tbody></table>
  </section>
</main>
</body>
</html>
`;

export const CONSOLE_ICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#1d2430"/><path d="M8 3l4 10H4z" fill="#fff"/></svg>';

export const CONSOLE_CSS = `
:root { font-family: system-ui, sans-serif; color: #1d2430; background: #f4f6f9; }
body { margin: 0; }
header { display: flex; gap: 1rem; align-items: baseline; padding: .8rem 1.5rem; background: #1d2430; color: #fff; }
header h1 { margin: 0; font-size: 1.3rem; }
#updated { margin-left: auto; font-size: .8rem; opacity: .8; }
main, form { padding: 1rem 1.5rem; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(200px, 1fr)); gap: 1rem; }
.card { background: #fff; border-radius: 6px; padding: .8rem 1rem; box-shadow: 0 1px 2px #0002; }
.card h2 { font-size: .8rem; text-transform: uppercase; color: #5a6475; margin: 0 0 .4rem; }
.card p { font-size: 1.4rem; margin: 0; }
section h2 { font-size: 1rem; margin: 1.4rem 0 .5rem; }
table { width: 100%; border-collapse: collapse; background: #fff; font-size: .85rem; }
th, td { text-align: left; padding: .35rem .6rem; border-bottom: 1px solid #e3e7ee; vertical-align: top; }
.badge { padding: .1rem .5rem; border-radius: 999px; font-size: .8rem; background: #5a6475; color: #fff; }
.active, .closed, .allow, .ok { background: #1f7a4d; color: #fff; }
.degraded, .half-open, .flag, .redact, .expiring { background: #b7791f; color: #fff; }
.disabled { background: #8a94a6; color: #fff; }
.open, .block, .error, .expired { background: #b83232; color: #fff; }
`;

export const CONSOLE_JS = `
'use strict';
const $ = (id) => document.getElementById(id);
const TOKEN_KEY = 'outpost-admin-token';
let timer;

function cell(row, text, cls) {
  const td = row.insertCell();
  if (cls) {
    const span = document.createElement('span');
    span.className = 'badge ' + cls;
    span.textContent = text;
    td.appendChild(span);
  } else td.textContent = text == null ? '' : String(text);
}

async function api(path) {
  const res = await fetch(path, { headers: { authorization: 'Bearer ' + sessionStorage.getItem(TOKEN_KEY) } });
  if (res.status === 401) throw Object.assign(new Error('The admin token was refused'), { auth: true });
  if (!res.ok) throw new Error(path + ' answered ' + res.status);
  return res.json();
}

function renderKnowledge(knowledge) {
  const body = $('knowledge').tBodies[0];
  body.replaceChildren();
  for (const a of knowledge.assets) {
    const row = body.insertRow();
    row.dataset.asset = a.name;
    cell(row, a.name);
    cell(row, a.source);
    cell(row, a.state, a.state === 'ready' ? 'ok' : 'error');
    cell(row, a.version || '');
    cell(row, a.bytes == null ? '' : a.bytes + ' B');
    cell(row, a.listed ? 'yes' : 'no');
    cell(row, a.reason || '');
  }
}

function render(status, decisions) {
  $('version').textContent = 'v' + status.version + ' on ' + status.runtime;
  $('mode').textContent = status.air_gap ? 'air-gapped' : status.platform_configured ? 'connected' : 'not air-gapped (no platform)';
  $('ready').textContent = status.ready ? 'ready' : 'not ready: ' + status.not_ready_reason;
  $('policy').textContent = status.policy.version;
  $('policy-reason').textContent = status.policy.source + ': ' + status.policy.reason;
  $('queue').textContent = status.audit_queue_depth == null ? 'n/a' : String(status.audit_queue_depth);
  $('cert').textContent = status.cert_expiry_days == null ? 'no certificate' : status.cert_expiry_days + ' days';
  const sub = $('subsystems').tBodies[0];
  sub.replaceChildren();
  for (const [name, s] of Object.entries(status.subsystems)) {
    const row = sub.insertRow();
    row.dataset.subsystem = name;
    cell(row, name);
    cell(row, s.state, s.state);
    if (s.circuit) cell(row, s.circuit, s.circuit); else cell(row, '');
    cell(row, s.last_success || '');
    cell(row, s.reason || '');
  }
  const dec = $('decisions').tBodies[0];
  dec.replaceChildren();
  for (const d of decisions.decisions) {
    const row = dec.insertRow();
    cell(row, d.time);
    cell(row, d.project_id ? d.request_id + ' [' + d.project_id + ']' : d.request_id);
    cell(row, d.route);
    cell(row, d.model);
    cell(row, d.decision, d.decision);
    cell(row, d.status);
    cell(row, d.findings.map((f) => f.type + ' / ' + f.rule + ' (T' + f.tier + ', ' + f.action + ')').join(', '));
  }
  $('updated').textContent = 'updated ' + new Date().toLocaleTimeString();
}

// Projects mode: the decisions of one project (the API refuses other projects to a project's token).
function projectQuery() {
  const project = $('project-filter').value.trim();
  return project ? '?project=' + encodeURIComponent(project) : '';
}

async function refresh() {
  try {
    const [status, decisions, knowledge] = await Promise.all([api('/admin/api/sync-status'), api('/admin/api/decisions' + projectQuery()), api('/admin/api/knowledge')]);
    render(status, decisions);
    renderKnowledge(knowledge);
    $('console').hidden = false;
    $('login').hidden = true;
  } catch (e) {
    if (e.auth) {
      sessionStorage.removeItem(TOKEN_KEY);
      clearInterval(timer);
      $('console').hidden = true;
      $('login').hidden = false;
      $('login-error').textContent = e.message;
    } else $('updated').textContent = 'update failed: ' + e.message;
  }
}

function start() {
  clearInterval(timer);
  refresh();
  timer = setInterval(refresh, 2000);
}

document.addEventListener('DOMContentLoaded', () => {
  $('login').addEventListener('submit', (event) => {
    event.preventDefault();
    sessionStorage.setItem(TOKEN_KEY, $('token').value);
    $('login-error').textContent = '';
    start();
  });
  if (sessionStorage.getItem(TOKEN_KEY)) start(); else $('login').hidden = false;
});
`;
