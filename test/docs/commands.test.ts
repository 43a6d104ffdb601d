/**
 * Every command the documentation gives operators, run as written (issue 21): each line of each
 * ```sh block of README.md, docs/*.md and the release's OPERATIONS.md, in document order, one
 * shell per document (so `cd` and `DB=...` carry to the next line, as in an operator's terminal).
 *
 * Only what a real site has and this test cannot is swapped (commands.ts `rewrite`): absolute
 * paths move under one temporary root, host names become the live gateway's loopback URL, the
 * release's placeholder names become the release under test, `sudo` is dropped. `outpost` is the
 * Node CLI (bin/outpost.mjs) and `systemctl`/`journalctl` run the release's own systemd unit
 * (ExecStart with its EnvironmentFile) — stand-ins kept in this file's PATH folder. A command
 * that cannot run here at all is listed in NOT_HERE with the reason; every other one must exit as
 * documented, and a command that is neither run nor listed fails the test.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startGateway, startMock, ROOT, type MockUpstream, type RunningGateway } from '../e2e/harness.js';
import { buildRelease } from '../release/helpers.js';
import { commandsOf, optionalVariants, rewrite, type DocCommand } from './commands.js';

/** Commands that cannot run in a test, and why. Matched against the command as written. */
const NOT_HERE: ReadonlyArray<readonly [RegExp, string]> = [
  [/^npm ci$/, 'installs the repository: .ci/run runs it before this suite; here it would replace node_modules under the running tests'],
  [/^npm test\b/, 'this suite itself'],
  [/^docker /, 'needs a Docker daemon and registry-free base image, which CI does not have'],
  [/^sudo useradd /, 'would create a system account on the test machine'],
  [/chown (-R )?outpost:outpost/, 'needs the outpost system account (useradd above)'],
];

/** Exit statuses the docs give for a command other than 0. */
const EXPECTED_EXIT: ReadonlyArray<readonly [RegExp, number]> = [
  // docs/dlp.md: "Exit status: 0 nothing found, 1 findings"; the fixtures carry findings.
  [/outpost scan/, 1],
];

/** Commands that run until stopped: started, waited on until /readyz answers, then stopped with SIGTERM. */
const LONG_RUNNING = /(^|\s)(npx outpost start|npm start|workerd serve)\b/;

/** System tools the documented commands call (beyond sh and coreutils), and the test's setsid. */
const TOOLS = ['sqlite3', 'openssl', 'curl', 'setsid'] as const;
const IN_CI = /^(true|1)$/i.test(process.env.CI ?? '');

function installed(tool: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' }).status === 0;
}

/**
 * The tools a document's commands need that this machine lacks. Outside CI such a document is
 * skipped with a SKIP line (npm test passes where only Node is installed); in CI it runs, and a
 * missing tool fails it.
 */
function missingTools(files: ReadonlyArray<readonly [string, string]>): string[] {
  const text = commandsOf(files).map((c) => c.text).join('\n');
  const missing = TOOLS.filter((t) => (t === 'setsid' || new RegExp(`\\b${t}\\b`).test(text)) && !installed(t));
  if (missing.length && !IN_CI) console.warn(`SKIP (docs commands of ${files.map(([n]) => n).join(', ')}): needs ${missing.join(', ')}; install them (.ci/run does) to run them`);
  return IN_CI ? [] : missing;
}

const ADMIN_TOKEN = 'docs-test-admin-token-0123456789abcdef';
const VERSION = '0.0.0-docs';
const RELEASE = `outpost-${VERSION}-linux-x64`;

let root: string;
let mock: MockUpstream;
let mockUrl: string;
let port: number;

/** What each run of a document printed, and which commands were skipped (with their reason). */
interface DocRun {
  readonly output: string;
  readonly status: number | null;
  readonly skipped: ReadonlyArray<readonly [DocCommand, string]>;
  readonly ran: readonly DocCommand[];
}

function notHere(text: string): string | undefined {
  return NOT_HERE.find(([re]) => re.test(text))?.[1];
}

/** The shell lines for one documented command (its && parts that can run, each optional variant). */
function scriptLines(command: DocCommand, url: string): string[] {
  const parts = command.text.includes(' && ') && command.text.split(' && ').some((p) => notHere(p.trim())) ? command.text.split(' && ').map((p) => p.trim()) : [command.text];
  const lines: string[] = [];
  for (const part of parts) {
    if (notHere(part)) continue;
    const expected = EXPECTED_EXIT.find(([re]) => re.test(part))?.[1] ?? 0;
    for (const variant of optionalVariants(rewrite(part, { root, url, release: RELEASE }))) {
      const where = `${command.file}:${command.line}`;
      const body = LONG_RUNNING.test(variant) ? `launch ${shellQuote(variant)}` : variant;
      lines.push(`echo ${shellQuote(`$ ${variant.split('\n')[0]}`)}`, body, `check $? ${expected} ${shellQuote(where)}`);
    }
  }
  return lines;
}

function shellQuote(s: string): string {
  return `'${s.replaceAll("'", `'"'"'`)}'`;
}

/** Functions the document scripts use: the exit check and the long-running launcher. */
function prelude(url: string): string {
  return `
check() { [ "$1" -eq "$2" ] || { echo "FAILED $3: exit $1, documented $2"; exit 1; }; }
answers() { answers_ok "$1"; }
launch() {
  log="$SITE_ROOT/launch.log"
  setsid sh -c "$1" > "$log" 2>&1 &
  pid=$!
  i=0
  until answers ${url}/readyz; do
    i=$((i + 1))
    if [ $i -gt 900 ] || ! kill -0 $pid 2>/dev/null; then cat "$log"; kill -KILL -$pid 2>/dev/null; return 1; fi
    sleep 0.1
  done
  kill -TERM -$pid
  wait $pid
  # Every process of the launch gone (the launcher logs its shutdown line as it drains).
  i=0
  while kill -0 -$pid 2>/dev/null; do i=$((i + 1)); [ $i -lt 300 ] || { echo "still running after SIGTERM:"; cat "$log"; return 1; }; sleep 0.1; done
  i=0
  while answers ${url}/health; do i=$((i + 1)); [ $i -lt 100 ] || return 1; sleep 0.1; done
  case "$1" in *workerd\\ serve*) ;; *) grep -q 'INFO Outpost shutting down (SIGTERM)' "$log" || { echo "no shutdown line:"; cat "$log"; return 1; } ;; esac
  echo "ready, then stopped"
  return 0
}
`;
}

/** Runs one document's commands in one shell, in its working folder, with the site's environment. */
function runDoc(commands: readonly DocCommand[], url: string, cwd: string, env: Record<string, string> = {}): DocRun {
  const skipped: Array<readonly [DocCommand, string]> = [];
  const ran: DocCommand[] = [];
  const lines = [prelude(url), `cd ${shellQuote(cwd)}`];
  for (const command of commands) {
    const reason = notHere(command.text);
    if (reason) {
      skipped.push([command, reason]);
      continue;
    }
    ran.push(command);
    lines.push(...scriptLines(command, url));
  }
  const r = spawnSync('sh', ['-c', lines.join('\n')], { env: { ...siteEnv(), ...env }, encoding: 'utf8', timeout: 300_000 });
  return { output: r.stdout + r.stderr, status: r.status, skipped, ran };
}

function siteEnv(): Record<string, string> {
  return {
    PATH: `${join(root, 'bin')}:${join(ROOT, 'node_modules', '.bin')}:${process.env.PATH}`,
    HOME: join(root, 'home'),
    SITE_ROOT: root,
    HOST: '127.0.0.1',
    PORT: String(port),
    OUTPOST_UPSTREAM_URL: mockUrl,
    OUTPOST_AIRGAP: 'true',
    OUTPOST_ADMIN_TOKEN: ADMIN_TOKEN,
    OUTPOST_STATE_DIR: join(root, 'state'),
    AUDIT_QUEUE_DB_PATH: join(root, 'state', 'audit', 'audit_queue.db'),
    AIRGAP_POLICY_PATH: join(root, 'policies'),
    TMPDIR: join(root, 'tmp'),
    npm_config_update_notifier: 'false',
  };
}

/** `outpost` (the Node CLI), `systemctl` and `journalctl` (the release's unit, run as systemd would). */
function writeStandIns(): void {
  const bin = join(root, 'bin');
  mkdirSync(bin);
  const write = (name: string, text: string) => {
    writeFileSync(join(bin, name), text);
    chmodSync(join(bin, name), 0o755);
  };
  write('outpost', `#!/bin/sh\nexec ${shellQuote(process.execPath)} ${shellQuote(join(ROOT, 'bin', 'outpost.mjs'))} "$@"\n`);
  // systemd's part for the one unit: EnvironmentFile sourced, ExecStart run in the background,
  // its output kept for journalctl, SIGTERM (KillSignal) on stop; paths under the test's root.
  write(
    'systemctl',
    `#!/bin/sh
unit="$SITE_ROOT/etc/systemd/system/outpost.service"
site() { sed -n "s/^$1=//p" "$unit" | sed "s#/opt/outpost#$SITE_ROOT/opt/outpost#g"; }
start() {
  ( set -a; . "$(site EnvironmentFile)"; set +a; exec setsid $(site ExecStart) >> "$SITE_ROOT/journal.log" 2>&1 ) &
  echo $! > "$SITE_ROOT/outpost.pid"
  i=0; until answers_ok "http://127.0.0.1:$PORT/readyz"; do i=$((i + 1)); [ $i -lt 300 ] || { cat "$SITE_ROOT/journal.log"; exit 1; }; sleep 0.1; done
}
stop() {
  pid=$(cat "$SITE_ROOT/outpost.pid" 2>/dev/null) || return 0
  kill -TERM -$pid 2>/dev/null
  while kill -0 $pid 2>/dev/null; do sleep 0.1; done
  rm -f "$SITE_ROOT/outpost.pid"
}
case "$1" in
  daemon-reload) ;;
  enable) [ "$2" = --now ] && start ;;
  start) start ;;
  stop) stop ;;
  restart) stop; start ;;
  *) echo "systemctl stand-in: $*: not supported" >&2; exit 2 ;;
esac
`,
  );
  // 200 from a URL or not, with Node's fetch (the test's own polling needs no curl).
  write('answers_ok', `#!/bin/sh\nexec ${shellQuote(process.execPath)} -e 'fetch(process.argv[1]).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "$1"\n`);
  write('journalctl', `#!/bin/sh\n# journalctl -u outpost -n N\ntail -n "\${4:-200}" "$SITE_ROOT/journal.log"\n`);
}

/** Files the documents' commands name, with content like an operator's. */
function writeFixtures(work: string): void {
  mkdirSync(work, { recursive: true });
  writeFileSync(join(work, 'notes.txt'), 'Call Dana Whitfield at 415-555-0132 about card 4111 1111 1111 1111.\n');
  writeFileSync(join(work, 'export.csv'), 'name,email\nDana Whitfield,dana.whitfield@example.com\n');
  writeFileSync(join(work, 'prompts.txt'), 'My SSN is 536-22-1234, please update the form.\n');
  writeFileSync(join(work, 'prompts.jsonl'), `${JSON.stringify({ id: 'a', text: 'reach me at dana@example.com' })}\n${JSON.stringify({ id: 'b', text: 'the weather is fine' })}\n`);
  writeFileSync(join(work, 'file.txt'), 'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY and card 4111111111111111\n');
  // The site's bundle: the built-in baseline with a second risk tier, "high", that the docs name.
  const bundle = JSON.parse(readFileSync(join(ROOT, 'assets', 'policy', 'policy_bundle.baseline.json'), 'utf8')) as { version: string; risk_tiers: Record<string, unknown> };
  bundle.version = 'docs-site-1';
  bundle.risk_tiers.high = { ...(bundle.risk_tiers.baseline as object), description: 'The large model' };
  writeFileSync(join(work, 'policy_bundle.json'), JSON.stringify(bundle, null, 2));
  // The gateway's own volume holds the site's previous version, so policy.md's rollback has one.
  writeFileSync(join(root, 'policies', 'policy_bundle.json'), JSON.stringify({ ...bundle, version: 'docs-site-0' }, null, 2));
  writeFileSync(join(work, 'security-policy.md'), '# Security policy\n\nClassified material never leaves the enclave. Report incidents to the duty officer.\n');
  writeFileSync(join(work, 'runbook.md'), '# Runbook\n\nRestart the gateway with systemctl restart outpost after a policy change.\n');
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'outpost-docs-'));
  for (const dir of ['home', 'tmp', 'media/usb', 'media/trusted', 'backup', 'secure', 'etc/systemd/system', 'state/audit', 'policies']) mkdirSync(join(root, dir), { recursive: true });
  port = await freePort();
  ({ mock, url: mockUrl } = await startMock());
  writeStandIns();
  buildRelease(join(root, 'release-out'), ['--version', VERSION, '--runtime', 'workerd']);
}, 240_000);

afterAll(async () => {
  spawnSync(join(root, 'bin', 'systemctl'), ['stop', 'outpost'], { env: siteEnv() });
  await mock?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('commands in the documentation', () => {
  it('lists every command either run here or as not runnable here, with a reason', () => {
    const docs = commandsOf(documents());
    expect(docs.length).toBeGreaterThan(40);
    for (const c of docs) expect(c.text.trim(), `${c.file}:${c.line}`).not.toBe('');
    // NOT_HERE is only for what a test machine cannot do; it names no outpost command.
    for (const c of docs.filter((d) => notHere(d.text))) expect(c.text, `${c.file}:${c.line}`).not.toMatch(/^(npx )?outpost |bin\/outpost /);
  });

  it.skipIf(missingTools([['README.md', join(ROOT, 'README.md')]]).length)('README.md: starting the gateway each documented way, and workerd with the rendered config', () => {
    // The README's commands run in the repository (npm start, npx outpost), as a newcomer types them.
    const run = runDoc(commandsOf([['README.md', join(ROOT, 'README.md')]]), `http://127.0.0.1:${port}`, ROOT);
    rmSync(join(ROOT, 'outpost.capnp'), { force: true });
    expect(run.output, run.output).not.toMatch(/FAILED/);
    expect(run.status, run.output).toBe(0);
    expect(run.output.match(/ready, then stopped/g)?.length).toBe(5);
    expect(run.skipped.map(([c]) => c.text)).toEqual(['npm test                 # unit and end-to-end tests (real workerd, real SQLite, real .mmdb files)']);
  }, 300_000);

  it.skipIf(missingTools(documents().filter(([n]) => n.startsWith('docs/'))).length)('docs/*.md: audit, DLP scan, knowledge, policy and deployment commands against a live gateway', async () => {
    const work = join(root, 'docs-work');
    writeFixtures(work);
    // knowledge.md signs with the policy key it assumes in the folder (policy.md says how to make one).
    expect(spawnSync(join(root, 'bin', 'outpost'), ['policy', 'keygen', '--out', work], { env: siteEnv(), encoding: 'utf8' }).status).toBe(0);
    copyFileSync(join(root, 'release-out', 'dev-signing-key.pem'), join(root, 'secure', 'outpost-release.pem'));
    const hadReleaseOut = existsSync(join(ROOT, 'release-out'));
    const env = siteEnv();
    const gw: RunningGateway = await startGateway({ ...env, OUTPOST_AIRGAP: 'true' });
    try {
      for (let i = 0; i < 3; i++) {
        const res = await fetch(`${gw.url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ model: 'mock-llama', messages: [{ role: 'user', content: `hello ${i}` }] }) });
        expect(res.status).toBe(200);
      }
      // knowledge.md exports from "a gateway that has the assets": this one gets them first.
      const cli = (...args: string[]) => spawnSync(join(root, 'bin', 'outpost'), args, { env: siteEnv(), cwd: work, encoding: 'utf8' });
      expect(cli('knowledge', 'pack', 'security-policy.md', 'runbook.md', '--version', 'seed', '--out', 'seed-knowledge.json').status).toBe(0);
      const seeded = cli('knowledge', 'import', 'seed-knowledge.json', '--runtime', gw.url);
      expect(seeded.status, seeded.stdout + seeded.stderr).toBe(0);
      const docs = readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).sort();
      for (const doc of docs) {
        // deployment.md builds the release from the repository, as its connected side does.
        const cwd = doc === 'deployment.md' ? ROOT : work;
        const run = runDoc(commandsOf([[`docs/${doc}`, join(ROOT, 'docs', doc)]]), gw.url, cwd, { PORT: new URL(gw.url).port });
        expect(run.output, `docs/${doc}\n${run.output}`).not.toMatch(/FAILED/);
        expect(run.status, `docs/${doc}\n${run.output}`).toBe(0);
        if (doc === 'audit.md') expect(run.output).toMatch(/OK \d+ events verified/);
        if (doc === 'policy.md') expect(run.output).toMatch(/Signature Verified Successfully/);
      }
    } finally {
      await gw.stop();
      if (!hadReleaseOut) rmSync(join(ROOT, 'release-out'), { recursive: true, force: true });
    }
  }, 300_000);

  it.skipIf(missingTools([['release/OPERATIONS.md', join(ROOT, 'release', 'OPERATIONS.md')]]).length)("the release's OPERATIONS.md: verify, install, upgrade, roll back, back up, restore and diagnose, as written", () => {
    const optOutpostBefore = existsSync('/opt/outpost');
    const out = join(root, 'release-out');
    // Step 1 verifies with a key "received out of band": the release's, carried to /media/trusted.
    copyFileSync(join(out, 'release-signing-key.pub.pem'), join(root, 'media', 'trusted', 'release-signing-key.pub.pem'));
    const staged = join(root, 'staging-src');
    mkdirSync(staged);
    spawnSync('tar', ['-xzf', join(out, `${RELEASE}.tar.gz`), '-C', staged]);
    const commands = commandsOf([['OPERATIONS.md', join(staged, RELEASE, 'OPERATIONS.md')]]);
    // "edit: targets, secrets": the operator's edit of outpost.env, appended after the copy.
    const site = siteEnv();
    // The site's paths stay as OPERATIONS.md lays them out (/opt/outpost/..., moved under the
    // test's root by rewrite() like every other path of the command).
    const edit = [
      ...['PORT', 'HOST', 'OUTPOST_UPSTREAM_URL', 'OUTPOST_ADMIN_TOKEN'].map((k) => `${k}=${site[k]}`),
      ...readFileSync(join(staged, RELEASE, 'etc', 'outpost.env.example'), 'utf8').split('\n').filter((l) => /^[A-Z_]+=\/opt\/outpost/.test(l)),
      'AIRGAP_POLICY_PATH=/opt/outpost/policies',
    ];
    const run = runDoc(
      commands.map((c) => (c.text.includes('outpost.env.example') ? { ...c, text: `${c.text} && printf '%s\\n' ${edit.map(shellQuote).join(' ')} >> /opt/outpost/outpost.env` } : c)),
      `http://127.0.0.1:${port}`,
      out,
    );
    expect(run.output, run.output).not.toMatch(/FAILED/);
    expect(run.status, run.output).toBe(0);
    expect(run.output).toMatch(/Signature Verified Successfully/);
    expect(run.output).toMatch(/^ok$/m);
    expect(run.output).toContain('INFO Outpost');
    expect(run.skipped.map(([c]) => c.text.split(' ')[1])).toEqual(['useradd', 'chown', 'chown']);
    // The release launcher logs its stop as the Node launcher does (systemctl stop/restart above).
    expect(readFileSync(join(root, 'journal.log'), 'utf8')).toContain('INFO Outpost shutting down (SIGTERM): draining in-flight requests');
    // Nothing of the site landed outside the test's root.
    if (!optOutpostBefore) expect(existsSync('/opt/outpost')).toBe(false);
  }, 300_000);
});

function documents(): Array<readonly [string, string]> {
  const docs = readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).sort();
  return [['README.md', join(ROOT, 'README.md')], ...docs.map((d) => [`docs/${d}`, join(ROOT, 'docs', d)] as const), ['release/OPERATIONS.md', join(ROOT, 'release', 'OPERATIONS.md')]];
}
