/**
 * Helpers for the release tests: build a release into a temporary folder, unpack it, and run the
 * release's own sh launcher (real workerd or Deno, no Node in the path) until /readyz answers.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..');

/** Builds dist/ once if a test file runs on its own (npm test builds it first). */
export function ensureBuilt(): void {
  if (!existsSync(join(ROOT, 'dist', 'worker.js'))) execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), '--quiet'], { stdio: 'ignore' });
}

/** Runs scripts/release.mjs into outDir; returns its stdout. */
export function buildRelease(outDir: string, args: string[] = [], env: Record<string, string> = {}): string {
  ensureBuilt();
  return execFileSync(process.execPath, [join(ROOT, 'scripts', 'release.mjs'), '--out', outDir, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 16 << 20,
  });
}

export interface Launched {
  readonly child: ChildProcess;
  readonly url: string;
  output(): string;
  stop(): Promise<number | null>;
}

/**
 * Starts `<launcher> start` with exactly the given environment (PATH reduced to system folders,
 * so a stray node or npm cannot be used), waits until GET /readyz answers 200.
 */
export async function startLauncher(launcher: string, env: Record<string, string>, args: string[] = []): Promise<Launched> {
  const child = spawn(launcher, ['start', ...args], {
    env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOME: env.OUTPOST_STATE_DIR ?? '/tmp', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  const url = `http://127.0.0.1:${env.PORT}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`launcher exited with ${child.exitCode}:\n${out}`);
    try {
      const res = await fetch(`${url}/readyz`);
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`not ready in 30 s:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  return {
    child,
    url,
    output: () => out,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

/** One chat completion through the gateway; returns status and the answer text. */
export async function chat(url: string, model = 'mock-llama'): Promise<{ status: number; text: string }> {
  const res = await fetch(`${url}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model, messages: [{ role: 'user', content: 'Hello from the release test' }] }),
  });
  const body = (await res.json()) as { choices?: { message?: { content?: string } }[] };
  return { status: res.status, text: body.choices?.[0]?.message?.content ?? JSON.stringify(body) };
}
