// CPU accounting for the gateway benchmarks, from outside the processes (workerd's clocks stand
// still during CPU work, so the isolate cannot time itself): utime + stime from /proc per runtime
// process, and the load generator's own CPU. Linux only; elsewhere the figures are NaN.
import { readdirSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const TICK_MS = 1000 / 100; // USER_HZ: 100 on Linux

/** utime + stime of one process in ms, or NaN when it cannot be read. */
export function cpuMs(pid) {
  try {
    // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(rest[11]) + Number(rest[12])) * TICK_MS;
  } catch {
    return NaN;
  }
}

/**
 * The runtime processes under an `outpost start` launcher (its children: workerd or deno), in
 * spawn order, so that index 0 is process 0 (the audit queue's owner).
 * @example
 * const [owner, second] = runtimePids(launcher.pid);
 */
export function runtimePids(launcherPid) {
  try {
    const tasks = readdirSync(`/proc/${launcherPid}/task`);
    const pids = tasks.flatMap((t) => readFileSync(`/proc/${launcherPid}/task/${t}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number));
    return [...new Set(pids)].sort((a, b) => a - b);
  } catch {
    return [];
  }
}

/**
 * Runs `fn` and returns its result with the CPU ms each of `pids` spent meanwhile.
 * @example
 * const { result, cpu } = measureCpu([pid], () => runWrk(url, 32, script)); // cpu: [ms]
 */
export function measureCpu(pids, fn) {
  const before = pids.map(cpuMs);
  const result = fn();
  const cpu = pids.map((p, i) => cpuMs(p) - before[i]);
  return { result, cpu };
}

/**
 * Runs a command under bash and returns its stdout with the CPU ms it used (bash's `times`: the
 * children's user and system time), for the load generator's share of the machine.
 * @example
 * const { stdout, cpuMs } = runCounted('wrk', ['-c', '32', url]);
 */
export function runCounted(command, args) {
  const out = execFileSync('bash', ['-c', '"$@" && echo "::times::" && times', 'counted', command, ...args], { encoding: 'utf8' });
  const [stdout, times] = out.split('::times::');
  const children = times.trim().split('\n').pop() ?? '';
  const secs = [...children.matchAll(/(\d+)m([\d.]+)s/g)].reduce((sum, m) => sum + Number(m[1]) * 60 + Number(m[2]), 0);
  return { stdout, cpuMs: secs * 1000 };
}
