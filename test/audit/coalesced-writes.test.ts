import { describe, expect, it } from 'vitest';
import { coalesceWrites } from '../../worker/audit/sqlite-wasm/coalesced-writes.js';
import type { SyncFile } from '../../worker/audit/sqlite-wasm/files.js';

/** An in-memory SyncFile that records each call reaching it. */
function memoryFile() {
  let data = new Uint8Array(0);
  const calls: string[] = [];
  const file: SyncFile = {
    read(buf, offset) {
      calls.push(`read@${offset}`);
      const got = data.subarray(offset, offset + buf.length);
      buf.set(got);
      return got.length;
    },
    write(buf, offset) {
      calls.push(`write@${offset}+${buf.length}`);
      if (offset + buf.length > data.length) {
        const grown = new Uint8Array(offset + buf.length);
        grown.set(data);
        data = grown;
      }
      data.set(buf, offset);
    },
    size: () => data.length,
    truncate: (size) => void (data = data.slice(0, size)),
    sync: () => void calls.push('sync'),
    linked: () => true,
    close: () => void calls.push('close'),
  };
  return { file, calls, bytes: () => data };
}

describe('coalesceWrites (the sqlite-wasm VFS gathers contiguous writes)', () => {
  it('writes contiguous writes as one, before the sync', () => {
    const m = memoryFile();
    const f = coalesceWrites(m.file);
    const wasm = new Uint8Array([1, 2, 3, 4]);
    f.write(wasm.subarray(0, 2), 10);
    wasm.set([9, 9], 0); // the caller reuses its buffer at once: the gathered copy must not change
    f.write(wasm.subarray(2, 4), 12);
    expect(m.calls).toEqual([]);
    f.sync();
    expect(m.calls).toEqual(['write@10+4', 'sync']);
    expect([...m.bytes().subarray(10, 14)]).toEqual([1, 2, 3, 4]);
  });

  it('writes what it gathered before a non-contiguous write, a read, a size query and a close', () => {
    const m = memoryFile();
    const f = coalesceWrites(m.file);
    f.write(new Uint8Array([1]), 0);
    f.write(new Uint8Array([2]), 5);
    expect(m.calls).toEqual(['write@0+1']);
    const buf = new Uint8Array(1);
    expect(f.read(buf, 5)).toBe(1);
    expect(buf[0]).toBe(2);
    f.write(new Uint8Array([3, 3]), 6);
    expect(f.size()).toBe(8);
    f.write(new Uint8Array([4]), 8);
    f.close();
    expect(m.calls).toEqual(['write@0+1', 'write@5+1', 'read@5', 'write@6+2', 'write@8+1', 'close']);
  });
});
