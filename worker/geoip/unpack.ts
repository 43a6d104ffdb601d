/**
 * Downloaded databases come packed: DB-IP serves `.mmdb.gz`, MaxMind `.tar.gz` with the
 * `.mmdb` inside a dated folder. Plain `.mmdb` bytes pass through unchanged.
 *
 * @example
 * const mmdb = await unpackMmdb(await download(url)); // raw MMDB bytes
 */
const isGzip = (b: Uint8Array): boolean => b.length > 2 && b[0] === 0x1f && b[1] === 0x8b;
const isTar = (b: Uint8Array): boolean =>
  b.length >= 512 && String.fromCharCode(...b.subarray(257, 262)) === 'ustar';

async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The first regular file ending in .mmdb in a (ustar) tar archive. */
function fromTar(tar: Uint8Array): Uint8Array {
  const text = (b: Uint8Array): string => String.fromCharCode(...b).replace(/\0.*$/s, '');
  for (let off = 0; off + 512 <= tar.length; ) {
    const header = tar.subarray(off, off + 512);
    const name = text(header.subarray(345, 500)) + (text(header.subarray(345, 500)) ? '/' : '') + text(header.subarray(0, 100));
    if (!name) break;
    const size = parseInt(text(header.subarray(124, 136)).trim() || '0', 8);
    const type = String.fromCharCode(header[156]!);
    const body = off + 512;
    if ((type === '0' || type === '\0') && name.endsWith('.mmdb')) return tar.subarray(body, body + size);
    off = body + Math.ceil(size / 512) * 512;
  }
  throw new Error('the archive holds no .mmdb file');
}

/** Raw MMDB bytes from plain, gzip or tar.gz input. */
export async function unpackMmdb(bytes: Uint8Array): Promise<Uint8Array> {
  const plain = isGzip(bytes) ? await gunzip(bytes) : bytes;
  return isTar(plain) ? fromTar(plain) : plain;
}
