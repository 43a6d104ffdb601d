/**
 * Worker-side group commit for audit records: records made while one batch is crossing to the
 * queue (one RPC to the Durable Object) wait and then cross together in the next RPC. The first
 * record of an idle queue is sent at once, so one connection pays no added latency; under load
 * N concurrent requests cost one RPC (and one fsync at the Durable Object) instead of N.
 *
 * Every caller's promise still settles only when its own batch is committed: a response never
 * leaves before its own event is durable. A failed batch rejects every record in it.
 */

/** Sends one batch; resolves once every event in it is committed, in order. */
export type SendBatch<E, R> = (events: E[]) => Promise<R[]>;

interface Waiting<E, R> {
  readonly event: E;
  resolve(r: R): void;
  reject(e: unknown): void;
  settled: boolean;
  /** Wakes this record's call when it heads the line and nothing is in flight: it sends. */
  wake: (() => void) | null;
}

/**
 * @example
 * const batches = new RecordCoalescer((events) => stub.appendMany(events));
 * await batches.record(event); // durable once this resolves
 */
export class RecordCoalescer<E, R> {
  private waiting: Waiting<E, R>[] = [];
  private sending = false;
  /** RPCs sent and events carried (for tests and the benchmark). */
  batches = 0;
  events = 0;

  constructor(
    private readonly send: SendBatch<E, R>,
    private readonly maxBatch = 256,
  ) {}

  /**
   * The batch is sent from the call of the record that heads it, never from a finished
   * request: on workerd every I/O belongs to one request, and a request that has answered
   * must not carry other requests' RPCs.
   */
  async record(event: E): Promise<R> {
    let w!: Waiting<E, R>;
    const done = new Promise<R>((resolve, reject) => {
      w = { event, resolve, reject, settled: false, wake: null };
    });
    this.waiting.push(w);
    const settledOrFailed = done.then(
      () => undefined,
      () => undefined,
    );
    while (!w.settled) {
      if (!this.sending && this.waiting[0] === w) {
        await this.sendHead();
        continue;
      }
      await Promise.race([new Promise<void>((r) => (w.wake = r)), settledOrFailed]);
      w.wake = null;
    }
    return done;
  }

  private async sendHead(): Promise<void> {
    this.sending = true;
    const batch = this.waiting.splice(0, this.maxBatch);
    this.batches++;
    this.events += batch.length;
    try {
      const results = await this.send(batch.map((w) => w.event));
      if (results.length !== batch.length) throw new Error(`audit batch answered ${results.length} of ${batch.length} events`);
      batch.forEach((w, i) => {
        w.settled = true;
        w.resolve(results[i]!);
      });
    } catch (e) {
      for (const w of batch) {
        w.settled = true;
        w.reject(e);
      }
    } finally {
      this.sending = false;
      this.waiting[0]?.wake?.();
    }
  }
}
