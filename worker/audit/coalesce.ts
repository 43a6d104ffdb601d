/**
 * Worker-side group commit for audit records: records made while one batch is crossing to the
 * queue (one RPC to the Durable Object) wait and then cross together in the next RPC. The first
 * record of an idle queue is sent at once, so one connection pays no added latency; under load
 * N concurrent requests cost one RPC (and one fsync at the Durable Object) instead of N.
 *
 * Every caller's promise still settles only when its own batch is committed: a response never
 * leaves before its own event is durable. A failed batch rejects every record in it.
 *
 * On workerd the batch's I/O belongs to the request that sends it. When that request's client
 * goes away, workerd cancels the request and drops its pending continuations: the send never
 * settles, not even its `finally`. Without a watchdog every later record of the process would wait
 * behind it forever (measured: the whole gateway hung after a load generator closed its
 * connections). So a batch that has been in flight longer than `stallMs` is given up: its records
 * are rejected (their commit state is unknown, so their requests fail closed) and the next record
 * sends. Waiting records hold a timer of their own, which also keeps workerd from cancelling them
 * as hung while they wait for another request's I/O.
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
 * const batches = new RecordCoalescer((texts) => postToOwner(texts));
 * await batches.record(event); // durable once this resolves
 */
export class RecordCoalescer<E, R> {
  private waiting: Waiting<E, R>[] = [];
  private sending = false;
  /** The batch in flight and when it left (for the watchdog). */
  private inFlight: Waiting<E, R>[] | null = null;
  private sentAt = 0;
  /** RPCs sent and events carried (for tests and the benchmark). */
  batches = 0;
  events = 0;

  /** Batches given up by the watchdog (for tests and the benchmark). */
  abandoned = 0;

  constructor(
    private readonly send: SendBatch<E, R>,
    private readonly maxBatch = 256,
    private readonly stallMs = 5_000,
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
      if (this.sending && Date.now() - this.sentAt > this.stallMs) this.abandonInFlight();
      if (!this.sending && this.waiting[0] === w) {
        await this.sendHead();
        continue;
      }
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([new Promise<void>((r) => (w.wake = r)), settledOrFailed, new Promise<void>((r) => (timer = setTimeout(r, this.stallMs)))]);
      clearTimeout(timer);
      w.wake = null;
    }
    return done;
  }

  /** Gives up the batch in flight (its sender's request was cancelled): rejects its records, frees the line. */
  private abandonInFlight(): void {
    const batch = this.inFlight ?? [];
    this.inFlight = null;
    this.sending = false;
    this.abandoned++;
    const error = new Error(`audit batch of ${batch.length} event(s) unanswered after ${this.stallMs} ms (the request that sent it ended); their commit state is unknown`);
    for (const w of batch) {
      if (w.settled) continue;
      w.settled = true;
      w.reject(error);
    }
  }

  private async sendHead(): Promise<void> {
    this.sending = true;
    const batch = this.waiting.splice(0, this.maxBatch);
    this.inFlight = batch;
    this.sentAt = Date.now();
    this.batches++;
    this.events += batch.length;
    try {
      const results = await this.send(batch.map((w) => w.event));
      if (results.length !== batch.length) throw new Error(`audit batch answered ${results.length} of ${batch.length} events`);
      batch.forEach((w, i) => {
        if (w.settled) return;
        w.settled = true;
        w.resolve(results[i]!);
      });
    } catch (e) {
      for (const w of batch) {
        if (w.settled) continue;
        w.settled = true;
        w.reject(e);
      }
    } finally {
      // Unless the watchdog gave this batch up meanwhile and another is in flight now.
      if (this.inFlight === batch) {
        this.inFlight = null;
        this.sending = false;
      }
      this.waiting[0]?.wake?.();
    }
  }
}
