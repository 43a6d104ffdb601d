// Zero acknowledged audit events lost across 20 kill -9 cycles of workerd under load (issue 5's
// target): test/audit/crash-cycles.mjs with 20 cycles. With --workers 2 (OUTPOST_WORKERS), each
// cycle kills one of the processes, the audit queue's owner and the other one in turn.
// With --audit-process own (OUTPOST_AUDIT_PROCESS), the owner is a process of its own.
//   node bench/audit-crash.mjs [--cycles 20] [--workers N] [--audit-process shared|own]   (default: 1, then 2)
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { crashCycles } from '../test/audit/crash-cycles.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const cycles = process.argv.includes('--cycles') ? Number(process.argv[process.argv.indexOf('--cycles') + 1]) : 20;
// One process, then two (the default run of `npm run bench`), or only the count given.
const workerCounts = process.argv.includes('--workers') ? [Number(process.argv[process.argv.indexOf('--workers') + 1])] : [1, 2];
const auditProcess = process.argv.includes('--audit-process') ? process.argv[process.argv.indexOf('--audit-process') + 1] : 'shared';
const port = 20000 + Math.floor(Math.random() * 20000);
const mock = spawn(process.execPath, [join(ROOT, 'test/mock/upstream.mjs'), String(port)], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 300));
try {
  for (const workers of workerCounts) {
    const started = Date.now();
    const r = await crashCycles({ cycles, upstreamUrl: `http://127.0.0.1:${port}`, workers, victim: 'alternate', auditProcess });
    const own = workers > 1 && auditProcess === 'own' ? `, OUTPOST_AUDIT_PROCESS=own: ${workers + 1} processes` : '';
    const what = workers > 1 ? `one of the workerd processes (OUTPOST_WORKERS=${workers}${own}; the audit queue's owner and another in turn)` : 'workerd (OUTPOST_WORKERS=1)';
    console.log(`\nkill -9 of ${what} under load (16 clients), ${r.cycles} cycles in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    console.log(`acknowledged requests: ${r.acknowledged}; events: ${r.events}; acknowledged without an event: ${r.missing.length}; duplicated: ${r.duplicates.length}; chain verifies: ${r.verified ? 'yes' : `NO (${r.verifyOutput})`}`);
    if (r.missing.length || r.duplicates.length || !r.verified) process.exitCode = 1;
  }
} finally {
  mock.kill();
}
