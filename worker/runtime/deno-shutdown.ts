/**
 * Graceful exit of `deno serve` on SIGTERM / SIGINT. deno serve stops accepting on SIGTERM but
 * then waits for the event loop to empty, and a connected gateway always has a timer armed
 * (platform links, the audit flusher), so it never exited. Here: wait for the requests in flight
 * to finish (bounded), close what must be closed (the audit queue: pending batch committed, file
 * closed), then exit.
 */

/** The parts of the Deno global shutdown uses. */
export interface DenoSignalApi {
  addSignalListener(signal: 'SIGTERM' | 'SIGINT', handler: () => void): void;
  exit(code?: number): never;
}

/** Work to finish before the process exits (the audit queue's close). */
export type Closer = () => void | Promise<void>;

/** How long in-flight requests get before the process exits anyway. */
export const DRAIN_LIMIT_MS = 10_000;

/**
 * `completed` resolves when the last byte is handed to Deno's HTTP layer, not when it has left
 * the socket; Deno.exit right then dropped the answer (the client saw an empty reply). A short
 * pause lets the server write it out; deno serve accepts nothing new meanwhile.
 */
const FLUSH_PAUSE_MS = 100;

/**
 * Counts requests in flight and, once a signal arrives, exits after they finish.
 * @example
 * const drain = new DenoDrain();
 * drain.track(info.completed);         // per request
 * drain.install(Deno, [() => store.close()]);
 */
export class DenoDrain {
  private inFlight = 0;
  private idle: (() => void) | null = null;
  private readonly closers: Closer[] = [];
  private installed = false;
  /** Set once a signal arrived: the exit is under way. */
  stopping = false;

  /** Counts one request until `completed` (deno serve's: the response fully sent) settles. */
  track(completed: Promise<void> | undefined): void {
    if (!completed) return;
    this.inFlight++;
    const done = () => {
      this.inFlight--;
      if (this.inFlight === 0) this.idle?.();
    };
    completed.then(done, done);
  }

  /** Adds work to finish before exit (run in the order added, after the drain). */
  onExit(closer: Closer): void {
    this.closers.push(closer);
  }

  /** Registers the signal listeners (once per process). */
  install(deno: DenoSignalApi, limitMs = DRAIN_LIMIT_MS): void {
    if (this.installed) return;
    this.installed = true;
    const stop = () => void this.stop(deno, limitMs);
    deno.addSignalListener('SIGTERM', stop);
    deno.addSignalListener('SIGINT', stop);
  }

  /** Waits for the requests in flight (at most limitMs), runs the closers, exits 0 (1 if one failed). */
  async stop(deno: DenoSignalApi, limitMs: number): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    if (this.inFlight > 0) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      await new Promise<void>((resolve) => {
        this.idle = resolve;
        timer = setTimeout(resolve, limitMs);
      });
      clearTimeout(timer);
      await new Promise((resolve) => setTimeout(resolve, FLUSH_PAUSE_MS));
    }
    let code = 0;
    for (const close of this.closers) {
      try {
        await close();
      } catch (e) {
        code = 1;
        console.error(`ERROR Shutdown: ${(e as Error).message}`);
      }
    }
    deno.exit(code);
  }
}

/** The process's one drain (deno serve runs one gateway per process). */
export const denoDrain = new DenoDrain();
