/**
 * Worker-side audit batching: concurrent records cross in few batches, each record settles only
 * when its own batch is committed, order is kept, and a failed batch fails exactly its records.
 */
import { describe, expect, it } from 'vitest';
import { RecordCoalescer } from '../../worker/audit/coalesce.js';

function deferredSender() {
  const calls: { events: number[]; resolve: (r: number[]) => void; reject: (e: unknown) => void }[] = [];
  const send = (events: number[]) => new Promise<number[]>((resolve, reject) => calls.push({ events, resolve, reject }));
  return { calls, send };
}
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('RecordCoalescer', () => {
  it('sends the first record at once and coalesces those that arrive while it is in flight', async () => {
    const { calls, send } = deferredSender();
    const c = new RecordCoalescer<number, number>(send);
    const settled: number[] = [];
    const first = c.record(1).then((r) => settled.push(r));
    await tick();
    expect(calls.map((x) => x.events)).toEqual([[1]]);
    const rest = [2, 3, 4, 5].map((n) => c.record(n).then((r) => settled.push(r)));
    await tick();
    expect(calls).toHaveLength(1); // still in flight: nothing else sent
    calls[0]!.resolve([10]);
    await first;
    await tick();
    expect(settled).toEqual([10]); // the others are not acknowledged before their own commit
    expect(calls.map((x) => x.events)).toEqual([[1], [2, 3, 4, 5]]);
    calls[1]!.resolve([20, 30, 40, 50]);
    await Promise.all(rest);
    expect(settled).toEqual([10, 20, 30, 40, 50]);
    expect([c.batches, c.events]).toEqual([2, 5]);
  });

  it('a failed batch rejects its own records only, and the next batch still goes', async () => {
    const { calls, send } = deferredSender();
    const c = new RecordCoalescer<number, number>(send);
    const a = c.record(1);
    await tick();
    const b = c.record(2);
    const d = c.record(3);
    await tick();
    calls[0]!.reject(new Error('disk full'));
    await expect(a).rejects.toThrow('disk full');
    await tick();
    calls[1]!.resolve([2, 3]);
    await expect(Promise.all([b, d])).resolves.toEqual([2, 3]);
  });

  it('under 500 concurrent records every one settles with its own result, in far fewer sends', async () => {
    let sends = 0;
    const c = new RecordCoalescer<number, number>(async (events) => {
      sends++;
      await tick();
      return events.map((e) => e * 2);
    }, 64);
    const results = await Promise.all(Array.from({ length: 500 }, (_, i) => c.record(i)));
    expect(results).toEqual(Array.from({ length: 500 }, (_, i) => i * 2));
    expect(sends).toBeLessThan(20);
  });
  it('gives up a batch whose send never settles (its request was cancelled): its records fail, later records are sent', async () => {
    const { calls, send } = deferredSender();
    const c = new RecordCoalescer<number, number>(send, 256, 50);
    const first = c.record(1);
    await tick();
    c.record(2).catch(() => undefined); // heads the next batch and is "cancelled": its send is never answered in time
    const stranded = c.record(3).then(
      () => 'committed',
      (e: Error) => e.message,
    );
    await tick();
    calls[0]!.resolve([10]);
    expect(await first).toBe(10);
    await tick();
    expect(calls.map((x) => x.events)).toEqual([[1], [2, 3]]);
    // calls[1] is never answered, as workerd drops a cancelled request's continuations.
    const later = c.record(4);
    await new Promise((r) => setTimeout(r, 150));
    expect(await stranded).toMatch(/unanswered after 50 ms .*commit state is unknown/);
    expect(calls.map((x) => x.events)).toEqual([[1], [2, 3], [4]]);
    calls[2]!.resolve([40]);
    expect(await later).toBe(40);
    expect(c.abandoned).toBe(1);
    // A late answer to the abandoned batch changes nothing and does not free the line twice.
    calls[1]!.resolve([20, 30]);
    await tick();
    const fifth = c.record(5);
    await tick();
    expect(calls.map((x) => x.events)).toEqual([[1], [2, 3], [4], [5]]);
    calls[3]!.resolve([50]);
    expect(await fifth).toBe(50);
  });
});
