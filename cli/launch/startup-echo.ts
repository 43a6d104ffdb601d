/**
 * With OUTPOST_WORKERS > 1 every process reads the same configuration at startup and warns about
 * the same things ("No policy volume at ...", "GeoIP: no database loaded"), once per process. Until
 * the group is ready, a line that another process has already printed as often is dropped, so the
 * operator reads each startup warning once; a line that differs, or one process repeating itself,
 * passes. After startup every line passes: a warning then concerns one process's own traffic.
 *
 * @example
 * const echo = startupEcho();
 * child0.stderr.pipe(echo.stream()).pipe(process.stderr);
 * child1.stderr.pipe(echo.stream()).pipe(process.stderr);
 * // ... once every process is ready:
 * echo.settle();
 */
import { Transform } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';

export interface StartupEcho {
  /** One filter per process's stderr. */
  stream(): Transform;
  /** Startup is over: every later line passes. */
  settle(): void;
}

// A startup warning is one short line; a longer one is passed as it is rather than remembered.
const MAX_REMEMBERED_CHARS = 4096;

export function startupEcho(): StartupEcho {
  /** How often each line was printed, by the process that printed it most. */
  const printed = new Map<string, number>();
  let settled = false;

  const stream = (): Transform => {
    const decoder = new StringDecoder('utf8');
    const ownCounts = new Map<string, number>();
    let partial = '';
    const keep = (line: string): boolean => {
      if (settled || line.length > MAX_REMEMBERED_CHARS) return true;
      const own = (ownCounts.get(line) ?? 0) + 1;
      ownCounts.set(line, own);
      if (own <= (printed.get(line) ?? 0)) return false;
      printed.set(line, own);
      return true;
    };
    const pass = (text: string, push: (s: string) => void) => {
      const lines = (partial + text).split('\n');
      partial = lines.pop()!;
      let out = '';
      for (const line of lines) if (keep(line)) out += `${line}\n`;
      // A line with no end yet is held only while it is short; a long one goes out as it comes.
      if (partial.length > MAX_REMEMBERED_CHARS) {
        out += partial;
        partial = '';
      }
      if (out) push(out);
    };
    return new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        pass(decoder.write(chunk), (s) => this.push(s));
        callback();
      },
      flush(callback) {
        const rest = partial + decoder.end();
        partial = '';
        if (rest && keep(rest)) this.push(rest);
        callback();
      },
    });
  };

  return { stream, settle: () => void (settled = true) };
}
