/**
 * workerd's own error lines, made operator lines. A failed outbound connection (a DNS lookup, a
 * refused port) that the worker already answers is logged by workerd as a C++ internal error
 * with a native stack (`workerd/jsg/util.c++:320: error: e = ...` and `stack: ...`), which reads
 * as a crash. Those two lines become one WARN line with workerd's own message and reference;
 * every other line passes unchanged.
 *
 * @example
 * child.stderr.pipe(runtimeLogFilter()).pipe(process.stderr);
 */
import { Transform } from 'node:stream';

const INTERNAL = /^workerd\/[\w/.-]+\.c\+\+:\d+: error: e = (?:.*?: )?failed: (.*)$/;
const STACK = /^stack: .*?(?:wdErrId = (\w+))?\s*$/;

/** The WARN line for one internal error, or null when the line is not one. */
export function describeInternalError(line: string): string | null {
  const m = INTERNAL.exec(line);
  return m ? `WARN Runtime: an outbound connection failed (${m[1]!.trim()})` : null;
}

export function runtimeLogFilter(): Transform {
  let partial = '';
  let pending: string | null = null;
  const lineOut = (line: string, push: (s: string) => void) => {
    if (pending !== null) {
      const stack = STACK.exec(line);
      const held = pending;
      pending = null;
      if (stack) {
        push(`${held}${stack[1] ? `; reference=${stack[1]}` : ''}\n`);
        return;
      }
      push(`${held}\n`);
    }
    const described = describeInternalError(line);
    if (described) pending = described;
    else push(`${line}\n`);
  };
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      const lines = (partial + chunk.toString('utf8')).split('\n');
      partial = lines.pop()!;
      for (const line of lines) lineOut(line, (s) => this.push(s));
      done();
    },
    flush(done) {
      if (partial) lineOut(partial, (s) => this.push(s));
      if (pending !== null) this.push(`${pending}\n`);
      done();
    },
  });
}
