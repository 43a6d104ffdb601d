/**
 * Growable typed lists the candidate pass (candidates.ts) fills for each text and reuses for the
 * next, so its hot loop pushes offsets without allocating per position.
 */

/** A growable list of text offsets, so the hot loop pushes without allocating per position. */
export class Positions {
  starts: Int32Array;
  ends: Int32Array;
  count = 0;
  /** False once a window starts before the previous one (literals of different lengths). */
  sorted = true;
  constructor(capacity: number) {
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
  }
  /** Empties the list for the next text, keeping its buffers. */
  clear(): void {
    this.count = 0;
    this.sorted = true;
  }
  push(start: number, end: number): void {
    if (this.count === this.starts.length) {
      const capacity = Math.max(16, this.count * 2);
      const starts = new Int32Array(capacity);
      const ends = new Int32Array(capacity);
      starts.set(this.starts);
      ends.set(this.ends);
      this.starts = starts;
      this.ends = ends;
    }
    if (this.count > 0 && start < this.starts[this.count - 1]!) this.sorted = false;
    this.starts[this.count] = start;
    this.ends[this.count] = end;
    this.count++;
  }
  /** Orders the windows by start (only needed when `sorted` is false). */
  sort(): void {
    if (this.sorted) return;
    const order = Array.from({ length: this.count }, (_, i) => i).sort((a, b) => this.starts[a]! - this.starts[b]!);
    const starts = Int32Array.from(order, (i) => this.starts[i]!);
    const ends = Int32Array.from(order, (i) => this.ends[i]!);
    this.starts = starts;
    this.ends = ends;
    this.sorted = true;
  }
}

/** Keyword-list hits: parallel arrays of owner index, start and end. */
export class ListHits {
  owners: Int32Array = new Int32Array(16);
  starts: Int32Array = new Int32Array(16);
  ends: Int32Array = new Int32Array(16);
  count = 0;
  push(owner: number, start: number, end: number): void {
    if (this.count === this.owners.length) {
      const grow = (a: Int32Array): Int32Array => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.owners = grow(this.owners);
      this.starts = grow(this.starts);
      this.ends = grow(this.ends);
    }
    this.owners[this.count] = owner;
    this.starts[this.count] = start;
    this.ends[this.count] = end;
    this.count++;
  }
  /** Orders hits [from, count) that end at one offset: longest first, then by owner (insertion sort; a handful). */
  orderBatch(from: number): void {
    for (let i = from + 1; i < this.count; i++) {
      const owner = this.owners[i]!;
      const start = this.starts[i]!;
      let j = i - 1;
      while (j >= from && (this.starts[j]! > start || (this.starts[j] === start && this.owners[j]! > owner))) {
        this.owners[j + 1] = this.owners[j]!;
        this.starts[j + 1] = this.starts[j]!;
        j--;
      }
      this.owners[j + 1] = owner;
      this.starts[j + 1] = start;
    }
  }
}
