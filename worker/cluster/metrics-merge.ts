/**
 * Sums Prometheus text expositions of several processes into one (OUTPOST_WORKERS > 1): the
 * process that serves a scrape adds its peers' counters and histograms to its own.
 *
 * - counter and histogram samples with the same name and labels are added;
 * - gauges are the serving process's own: they describe what all processes share (the one audit
 *   queue's depth, the policy volume, the certificate files), so a sum would multiply them;
 * - a series only a peer has (a model only it has served) is added as it is.
 * Lines are split at their last space (our exposition writes no timestamps), so the work is
 * linear in the text's length.
 */

interface Family {
  readonly header: string[];
  type: string;
  /** Sample key (name and labels) to value, in first-seen order. */
  readonly samples: Map<string, number>;
  /** The exposition (0: the serving process's own) whose HELP and TYPE lines the family keeps. */
  readonly from: number;
}

const SUMMED = new Set(['counter', 'histogram']);

function parseValue(text: string): number {
  if (text === '+Inf') return Infinity;
  if (text === '-Inf') return -Infinity;
  return Number(text);
}

function formatValue(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return '+Inf';
  if (n === -Infinity) return '-Inf';
  return String(n);
}

/** Reads one exposition into `families` (new families and series appended in order). */
function addExposition(families: Map<string, Family>, text: string, source: number): void {
  const own = source === 0;
  let current: Family | undefined;
  for (const line of text.split('\n')) {
    if (line === '') continue;
    if (line.startsWith('# ')) {
      const parts = line.split(' ', 4);
      const name = parts[2] ?? '';
      let family = families.get(name);
      if (!family) {
        family = { header: [], type: 'untyped', samples: new Map(), from: source };
        families.set(name, family);
      }
      // HELP and TYPE lines come from the exposition that first named the family.
      if (family.from === source) {
        family.header.push(line);
        if (parts[1] === 'TYPE') family.type = parts[3] ?? 'untyped';
      }
      current = family;
      continue;
    }
    if (!current) continue;
    const space = line.lastIndexOf(' ');
    if (space <= 0) continue;
    const key = line.slice(0, space);
    const value = parseValue(line.slice(space + 1));
    const before = current.samples.get(key);
    if (before === undefined) current.samples.set(key, value);
    else if (!own && SUMMED.has(current.type)) current.samples.set(key, before + value);
  }
}

/**
 * @example
 * mergeExpositions('# TYPE x counter\nx 1\n', ['# TYPE x counter\nx 2\n']); // '# TYPE x counter\nx 3\n'
 */
export function mergeExpositions(own: string, peers: readonly string[]): string {
  const families = new Map<string, Family>();
  addExposition(families, own, 0);
  peers.forEach((text, i) => addExposition(families, text, i + 1));
  const lines: string[] = [];
  for (const family of families.values()) {
    lines.push(...family.header);
    for (const [key, value] of family.samples) lines.push(`${key} ${formatValue(value)}`);
  }
  return `${lines.join('\n')}\n`;
}
