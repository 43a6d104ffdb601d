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
import { StringDecoder } from 'node:string_decoder';

// Plain prefix and substring tests where a regex would be needed for nothing but backtracking:
// lines come from another process and may be long.
const INTERNAL_PREFIX = /^workerd\/[\w/.-]+\.c\+\+:\d+: error: e = /;
const FAILED = 'failed: ';
const MAX_HELD_CHARS = 64 * 1024;
const REFERENCE = /wdErrId = (\w+)/;

/** The WARN line for one internal error, or null when the line is not one. */
export function describeInternalError(line: string): string | null {
  const prefix = INTERNAL_PREFIX.exec(line);
  if (!prefix) return null;
  // workerd's message is what follows the first "failed: " that opens it or follows a ": ".
  const rest = line.slice(prefix[0].length);
  const at = rest.startsWith(FAILED) ? 0 : rest.indexOf(`: ${FAILED}`);
  if (at < 0) return null;
  const message = rest.slice(at === 0 ? FAILED.length : at + 2 + FAILED.length);
  return `WARN Runtime: an outbound connection failed (${message.trim()})`;
}

/** workerd's reference of a `stack:` line following an internal error ('' without one); null for any other line. */
function stackReference(line: string): string | null {
  return line.startsWith('stack: ') ? (REFERENCE.exec(line)?.[1] ?? '') : null;
}

export function runtimeLogFilter(): Transform {
  let partial = '';
  let pending: string | null = null;
  const lineOut = (line: string, push: (s: string) => void) => {
    if (pending !== null) {
      const reference = stackReference(line);
      const held = pending;
      pending = null;
      if (reference !== null) {
        push(`${held}${reference ? `; reference=${reference}` : ''}\n`);
        return;
      }
      push(`${held}\n`);
    }
    const described = describeInternalError(line);
    if (described) pending = described;
    else push(`${line}\n`);
  };
  // Characters split across chunks are decoded whole; a line longer than MAX_HELD_CHARS is passed
  // on as it comes (it is no internal-error line), so memory stays bounded.
  const decoder = new StringDecoder('utf8');
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      const push = (s: string) => this.push(s);
      const text = decoder.write(chunk);
      let start = 0;
      for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
        lineOut(partial + text.slice(start, nl), push);
        partial = '';
        start = nl + 1;
      }
      partial += text.slice(start);
      if (partial.length > MAX_HELD_CHARS) {
        if (pending !== null) push(`${pending}\n`);
        pending = null;
        push(partial);
        partial = '';
      }
      done();
    },
    flush(done) {
      partial += decoder.end();
      if (partial) lineOut(partial, (s) => this.push(s));
      if (pending !== null) this.push(`${pending}\n`);
      done();
    },
  });
}
