// Byte-level BPE as GPT-2 and RoBERTa use it, built here so that a test tokenizer.json of that
// kind needs no download: the byte-to-character table (every byte gets a printable character,
// the space becomes 'Ġ'), the GPT-2 pre-tokenisation pattern, and a small deterministic BPE
// trainer that learns merges from word counts.

/**
 * GPT-2's bytes_to_unicode: printable bytes keep their character, the others (controls, space,
 * 0x7f-0xa0, 0xad) are moved to U+0100 upwards in byte order.
 *
 * @example
 * byteToChar()[0x20] // 'Ġ'
 */
export function byteToChar() {
  const printable = [];
  for (let b = 0x21; b <= 0x7e; b++) printable.push(b);
  for (let b = 0xa1; b <= 0xac; b++) printable.push(b);
  for (let b = 0xae; b <= 0xff; b++) printable.push(b);
  const table = new Array(256);
  let shifted = 0;
  for (let b = 0; b < 256; b++) table[b] = printable.includes(b) ? String.fromCharCode(b) : String.fromCharCode(256 + shifted++);
  return table;
}

/** GPT-2's pre-tokenisation pattern (what the ByteLevel pre-tokenizer with use_regex applies). */
const GPT2_SPLIT = /'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+/gu;

/**
 * A text as the ByteLevel pre-tokenizer sees it: GPT-2 pieces, each piece's UTF-8 bytes as
 * byte characters.
 *
 * @example
 * byteLevelWords(' José') // ['ĠJosÃ©']
 */
export function byteLevelWords(text) {
  const table = byteToChar();
  const encoder = new TextEncoder();
  return (text.match(GPT2_SPLIT) ?? []).map((piece) => Array.from(encoder.encode(piece), (b) => table[b]).join(''));
}

/**
 * Learns `count` merges from weighted words (byte-character strings), most frequent pair first,
 * ties broken by the pair's text so the result does not depend on Map order.
 *
 * @example
 * trainMerges(new Map([['Ġlow', 5], ['Ġlower', 2]]), 3) // [['l','o'], ['lo','w'], ['Ġ','low']]
 */
export function trainMerges(wordCounts, count) {
  let words = [...wordCounts].map(([word, n]) => ({ symbols: Array.from(word), n }));
  const merges = [];
  while (merges.length < count) {
    const pairs = new Map();
    for (const { symbols, n } of words) for (let i = 0; i + 1 < symbols.length; i++) {
      const key = `${symbols[i]} ${symbols[i + 1]}`;
      pairs.set(key, (pairs.get(key) ?? 0) + n);
    }
    let best = null;
    for (const [key, n] of pairs) if (n >= 2 && (!best || n > best[1] || (n === best[1] && key < best[0]))) best = [key, n];
    if (!best) break;
    const [a, b] = best[0].split(' ');
    merges.push([a, b]);
    words = words.map(({ symbols, n }) => {
      const next = [];
      for (let i = 0; i < symbols.length; i++) {
        if (i + 1 < symbols.length && symbols[i] === a && symbols[i + 1] === b) {
          next.push(a + b);
          i++;
        } else next.push(symbols[i]);
      }
      return { symbols: next, n };
    });
  }
  return merges;
}
