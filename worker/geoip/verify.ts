/**
 * Structural check of an MMDB file before it is trusted. mmdb-lib parses only the metadata
 * when it opens a database and decodes records lazily, so a corrupt file would otherwise load
 * "fine" and fail (or, worse, return garbage such as a 7-byte double read as 8) on some later
 * lookup. This walks the search tree and every data record it references, once, the way
 * MaxMind's `mmdbverify` does: tree records in range, pointers inside the data section and not
 * pointing at pointers, map keys strings, fixed-size types of the right size.
 *
 * Cost is linear in the file: about 0.1-0.2 s for a 60 MB city database on one core (measured
 * by bench/geoip.mjs), paid once at startup.
 *
 * @example
 * const report = verifyMmdb(bytes); // throws MmdbFormatError on a corrupt file
 * report.recordCount; // distinct data records the tree references
 */
export class MmdbFormatError extends Error {
  override name = 'MmdbFormatError';
}

export interface MmdbLayout {
  readonly nodeCount: number;
  readonly recordSize: number;
  readonly ipVersion: number;
}

export interface VerifyReport {
  /** Distinct data records referenced by the search tree. */
  readonly recordCount: number;
  /** Records whose data was fully decoded and checked (all of them up to FULL_CHECK_NODES nodes). */
  readonly recordsChecked: number;
  readonly dataSectionBytes: number;
}

const METADATA_MARKER = [0xab, 0xcd, 0xef, 0x4d, 0x61, 0x78, 0x4d, 0x69, 0x6e, 0x64, 0x2e, 0x63, 0x6f, 0x6d]; // \xAB\xCD\xEFMaxMind.com
const MAX_DEPTH = 64;
/** Trees up to this many nodes get every data record checked. */
const FULL_CHECK_NODES = 500_000;

/** Start of the metadata marker (the end of the data section), or -1. */
export function findMetadataStart(db: Uint8Array): number {
  const lowest = Math.max(0, db.length - 128 * 1024);
  outer: for (let i = db.length - METADATA_MARKER.length; i >= lowest; i--) {
    for (let j = 0; j < METADATA_MARKER.length; j++) if (db[i + j] !== METADATA_MARKER[j]) continue outer;
    return i;
  }
  return -1;
}

const fail = (msg: string): never => {
  throw new MmdbFormatError(msg);
};

/** Reads the two records of node `n` (record sizes 24, 28 and 32 bits). */
function nodeReader(db: Uint8Array, recordSize: number): (n: number, right: boolean) => number {
  if (recordSize === 24)
    return (n, right) => {
      const o = n * 6 + (right ? 3 : 0);
      return (db[o]! << 16) | (db[o + 1]! << 8) | db[o + 2]!;
    };
  if (recordSize === 28)
    return (n, right) => {
      const o = n * 7;
      if (right) return ((db[o + 3]! & 0x0f) * 0x1000000) + ((db[o + 4]! << 16) | (db[o + 5]! << 8) | db[o + 6]!);
      return ((db[o + 3]! >> 4) * 0x1000000) + ((db[o]! << 16) | (db[o + 1]! << 8) | db[o + 2]!);
    };
  return (n, right) => {
    const o = n * 8 + (right ? 4 : 0);
    return db[o]! * 0x1000000 + ((db[o + 1]! << 16) | (db[o + 2]! << 8) | db[o + 3]!);
  };
}

/** The node reached after 96 zero bits: the root of the IPv4 subtree of an IPv6 tree. */
function ipv4StartNode(read: (n: number, right: boolean) => number, nodeCount: number): number {
  let node = 0;
  for (let i = 0; i < 96 && node < nodeCount; i++) node = read(node, false);
  return node;
}

/**
 * Depth-first walk from the root with three colours: a record pointing back at a node on the
 * current path is a cycle (lookups would read garbage); aliases to a finished subtree are fine.
 */
function checkAcyclic(read: (n: number, right: boolean) => number, nodeCount: number, bits: number): void {
  const colour = new Uint8Array(nodeCount); // 0 new, 1 on the current path, 2 done
  const pathNode = new Int32Array(bits + 1);
  const pathSide = new Uint8Array(bits + 1);
  let depth = 0;
  colour[0] = 1;
  while (depth >= 0) {
    const n = pathNode[depth]!;
    const side = pathSide[depth]!;
    if (side === 2) {
      colour[n] = 2;
      depth--;
      continue;
    }
    pathSide[depth] = side + 1;
    const r = read(n, side === 1);
    if (r >= nodeCount || colour[r] === 2) continue;
    if (colour[r] === 1) fail(`search tree node ${n} ${side ? 'right' : 'left'} record points back to node ${r} (a cycle)`);
    if (depth + 1 >= bits) fail(`search tree deeper than ${bits} bits at node ${n}`);
    colour[r] = 1;
    depth++;
    pathNode[depth] = r;
    pathSide[depth] = 0;
  }
}

/**
 * The data section and the checks of its values. Pointer targets are checked once (a bit per
 * byte offset), so the walk stays linear in the file however records share their values.
 */
class DataSection {
  private readonly visited: Uint8Array;
  readonly size: number;

  constructor(private readonly data: Uint8Array) {
    this.size = data.length;
    this.visited = new Uint8Array((this.size >> 3) + 1);
  }

  /** Marks `off` as checked; true when it already was. */
  seen(off: number): boolean {
    const bit = 1 << (off & 7);
    if (this.visited[off >> 3]! & bit) return true;
    this.visited[off >> 3]! |= bit;
    return false;
  }

  private need(off: number, n: number, what: string): void {
    if (off + n > this.size) fail(`${what} at data offset ${off} runs past the end of the data section`);
  }

  /** Checks the value at `start`; returns the offset after it. */
  value(start: number, depth: number, mustBeString: boolean): number {
    const data = this.data;
    if (depth > MAX_DEPTH) fail(`data nested deeper than ${MAX_DEPTH} levels at offset ${start}`);
    let off = start;
    this.need(off, 1, 'control byte');
    const ctrl = data[off++]!;
    let type = ctrl >> 5;
    if (type === 1) return this.pointer(start, ctrl, off, depth, mustBeString);
    if (type === 0) {
      this.need(off, 1, 'extended type');
      type = 7 + data[off++]!;
      if (type < 8 || type > 15) fail(`unknown extended type ${type} at data offset ${start}`);
    }
    if (mustBeString && type !== 2) fail(`map key at data offset ${start} is type ${type}, not a string`);
    let len = ctrl & 31;
    if (len >= 29) {
      const extra = len - 28;
      this.need(off, extra, 'size');
      if (len === 29) len = 29 + data[off]!;
      else if (len === 30) len = 285 + ((data[off]! << 8) | data[off + 1]!);
      else len = 65821 + ((data[off]! << 16) | (data[off + 1]! << 8) | data[off + 2]!);
      off += extra;
    }
    return this.payload(type, len, off, start, depth);
  }

  /** A pointer: inside the section, not to another pointer, to a string where a key is due. */
  private pointer(start: number, ctrl: number, off: number, depth: number, mustBeString: boolean): number {
    const data = this.data;
    const ss = (ctrl >> 3) & 3;
    this.need(off, ss + 1, 'pointer');
    let target: number;
    if (ss === 0) target = ((ctrl & 7) << 8) | data[off]!;
    else if (ss === 1) target = (((ctrl & 7) << 16) | (data[off]! << 8) | data[off + 1]!) + 2048;
    else if (ss === 2) target = ((ctrl & 7) * 0x1000000 + ((data[off]! << 16) | (data[off + 1]! << 8) | data[off + 2]!)) + 526336;
    else target = data[off]! * 0x1000000 + ((data[off + 1]! << 16) | (data[off + 2]! << 8) | data[off + 3]!);
    if (target >= this.size) fail(`pointer at data offset ${start} points to ${target}, outside the ${this.size}-byte data section`);
    if (data[target]! >> 5 === 1) fail(`pointer at data offset ${start} points to another pointer`);
    if (mustBeString && data[target]! >> 5 !== 2) fail(`map key at data offset ${start} points to a non-string`);
    if (!this.seen(target)) this.value(target, depth + 1, false);
    return off + ss + 1;
  }

  /** The payload of a value of `type` and size `len` at `off`; returns the offset after it. */
  private payload(type: number, len: number, off: number, start: number, depth: number): number {
    switch (type) {
      case 2: // utf8 string
      case 4: // bytes
        this.need(off, len, type === 2 ? 'string' : 'bytes');
        return off + len;
      case 3: // double
        if (len !== 8) fail(`double of size ${len} at data offset ${start} (must be 8)`);
        this.need(off, 8, 'double');
        return off + 8;
      case 15: // float
        if (len !== 4) fail(`float of size ${len} at data offset ${start} (must be 4)`);
        this.need(off, 4, 'float');
        return off + 4;
      case 5:
      case 6:
      case 8:
      case 9:
      case 10: {
        const max = type === 5 ? 2 : type === 9 ? 8 : type === 10 ? 16 : 4;
        if (len > max) fail(`integer of type ${type} with ${len} bytes at data offset ${start} (at most ${max})`);
        this.need(off, len, 'integer');
        return off + len;
      }
      case 14: // boolean: the size is the value
        if (len > 1) fail(`boolean with value ${len} at data offset ${start}`);
        return off;
      case 7: // map
        for (let i = 0; i < len; i++) {
          off = this.value(off, depth + 1, true);
          off = this.value(off, depth + 1, false);
        }
        return off;
      case 11: // array
        for (let i = 0; i < len; i++) off = this.value(off, depth + 1, false);
        return off;
      default:
        return fail(`type ${type} is not allowed in the data section (offset ${start})`);
    }
  }
}

/** The layout checks and the data section between the tree's separator and the metadata. */
function dataSection(db: Uint8Array, layout: MmdbLayout): DataSection {
  const { nodeCount, recordSize, ipVersion } = layout;
  if (![24, 28, 32].includes(recordSize)) fail(`unsupported record size ${recordSize}`);
  if (ipVersion !== 4 && ipVersion !== 6) fail(`unsupported ip_version ${ipVersion}`);
  if (!Number.isInteger(nodeCount) || nodeCount <= 0) fail(`invalid node_count ${nodeCount}`);
  const treeSize = (nodeCount * recordSize) / 4;
  const metaStart = findMetadataStart(db);
  if (metaStart < 0) fail('metadata marker not found (not an MMDB file?)');
  const dataStart = treeSize + 16;
  if (dataStart > metaStart) fail(`node_count ${nodeCount} needs a ${treeSize}-byte search tree but the file has only ${metaStart} bytes before its metadata`);
  for (let i = treeSize; i < dataStart; i++) if (db[i] !== 0) fail('the 16-byte data section separator is not zero (wrong node_count or record size?)');
  return new DataSection(db.subarray(dataStart, metaStart));
}

/** Verifies the whole file; throws MmdbFormatError naming the first problem found. */
export function verifyMmdb(db: Uint8Array, layout: MmdbLayout): VerifyReport {
  const { nodeCount, recordSize, ipVersion } = layout;
  const section = dataSection(db, layout);
  const size = section.size;
  const read = nodeReader(db, recordSize);
  // Beyond FULL_CHECK_NODES, data records are checked by an even sample (every k-th new record)
  // so a 60 MB database still opens in well under the startup budget; lookups stay guarded.
  const sampleEvery = Math.max(1, Math.ceil(nodeCount / FULL_CHECK_NODES));
  let records = 0;
  let checked = 0;
  let backEdge = false;
  const ipv4Start = ipVersion === 6 ? ipv4StartNode(read, nodeCount) : -1;
  let lastData = -1;
  const record = (n: number, right: boolean, r: number): void => {
    if (r < nodeCount) {
      // Writers number children after their parents; the one expected exception is an
      // alias to the IPv4 subtree (::ffff:0:0/96, 2002::/16) in an IPv6 tree.
      if (r <= n && r !== ipv4Start) backEdge = true;
      return;
    }
    if (r === nodeCount || r === lastData) return; // "no data", or the record just seen
    lastData = r;
    const off = r - nodeCount - 16;
    if (off < 0 || off >= size) fail(`search tree node ${n} ${right ? 'right' : 'left'} record ${r} points outside the data section`);
    if (section.seen(off)) return;
    if (records++ % sampleEvery === 0) {
      checked++;
      section.value(off, 0, false);
    }
  };
  if (recordSize === 28) {
    // The common layout, read inline: this loop runs twice per node of a 6M-node tree.
    for (let n = 0, o = 0; n < nodeCount; n++, o += 7) {
      const mid = db[o + 3]!;
      record(n, false, (mid >> 4) * 0x1000000 + ((db[o]! << 16) | (db[o + 1]! << 8) | db[o + 2]!));
      record(n, true, (mid & 0x0f) * 0x1000000 + ((db[o + 4]! << 16) | (db[o + 5]! << 8) | db[o + 6]!));
    }
  } else {
    for (let n = 0; n < nodeCount; n++) {
      record(n, false, read(n, false));
      record(n, true, read(n, true));
    }
  }
  // Only an unusual numbering pays for the exact (depth-first) cycle check.
  if (backEdge) checkAcyclic(read, nodeCount, ipVersion === 6 ? 128 : 32);
  return { recordCount: records, recordsChecked: checked, dataSectionBytes: size };
}
