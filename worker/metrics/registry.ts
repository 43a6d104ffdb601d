/**
 * A small Prometheus registry: counters, gauges and histograms with labels, rendered in the text
 * exposition format (version 0.0.4). One registry per isolate; scrapes read it synchronously.
 */

type Labels = Readonly<Record<string, string>>;
const NO_LABELS: Labels = Object.freeze({});

function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}

function labelText(labels: Labels, extra?: [string, string]): string {
  const pairs = Object.entries(labels).map(([k, v]) => `${k}="${escapeLabel(v)}"`);
  if (extra) pairs.push(`${extra[0]}="${escapeLabel(extra[1])}"`);
  return pairs.length ? `{${pairs.join(',')}}` : '';
}

/**
 * The series of a metric by label set. A series is found by its labels in the order the caller
 * wrote them (one string concatenation per increment, no sort, no JSON): the sorted, canonical key
 * is computed only the first time an order is seen, so {a,b} and {b,a} still count as one series.
 */
class SeriesMap<S extends { labels: Labels }> {
  /** Labels in the caller's order -> series (many orders may lead to one series). */
  private readonly byWritten = new Map<string, S>();
  /** Canonical (sorted) key -> series, in creation order: what render walks. */
  private readonly byCanonical = new Map<string, S>();

  get(labels: Labels): S | undefined {
    const written = writtenKey(labels);
    const found = this.byWritten.get(written);
    if (found) return found;
    const series = this.byCanonical.get(canonicalKey(labels));
    if (series) this.byWritten.set(written, series);
    return series;
  }

  /** The series of `labels`, made by `create` the first time. */
  upsert(labels: Labels, create: () => S): S {
    const written = writtenKey(labels);
    let series = this.byWritten.get(written);
    if (series) return series;
    const canonical = canonicalKey(labels);
    series = this.byCanonical.get(canonical);
    if (!series) this.byCanonical.set(canonical, (series = create()));
    this.byWritten.set(written, series);
    return series;
  }

  values(): IterableIterator<S> {
    return this.byCanonical.values();
  }
}

/** Each name and value prefixed with its length: no label text can forge another set's key. */
function writtenKey(labels: Labels): string {
  let key = '';
  for (const name in labels) {
    const value = labels[name]!;
    key += `${name.length}:${name}${value.length}:${value}`;
  }
  return key;
}

function canonicalKey(labels: Labels): string {
  return JSON.stringify(Object.entries(labels).sort());
}

function formatNumber(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return '+Inf';
  if (n === -Infinity) return '-Inf';
  return String(n);
}

interface Metric {
  render(): string;
}

/** A monotonically increasing count per label set. */
export class Counter implements Metric {
  private readonly values = new SeriesMap<{ labels: Labels; value: number }>();
  constructor(readonly name: string, readonly help: string) {}

  inc(labels: Labels = NO_LABELS, by = 1): void {
    this.values.upsert(labels, () => ({ labels: { ...labels }, value: 0 })).value += by;
  }

  get(labels: Labels = NO_LABELS): number {
    return this.values.get(labels)?.value ?? 0;
  }

  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} counter`];
    for (const { labels, value } of this.values.values()) lines.push(`${this.name}${labelText(labels)} ${formatNumber(value)}`);
    return lines.join('\n');
  }
}

/** A value read at scrape time (queue depth, certificate expiry) or set by the code. */
export class Gauge implements Metric {
  private readonly values = new SeriesMap<{ labels: Labels; value: number }>();
  private collector: (() => Array<{ labels: Labels; value: number }>) | undefined;
  constructor(readonly name: string, readonly help: string) {}

  set(value: number, labels: Labels = NO_LABELS): void {
    this.values.upsert(labels, () => ({ labels: { ...labels }, value })).value = value;
  }

  /** Computes the values at each scrape instead of storing them. */
  collect(fn: () => Array<{ labels: Labels; value: number }>): void {
    this.collector = fn;
  }

  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} gauge`];
    const entries = this.collector ? this.collector() : [...this.values.values()];
    for (const { labels, value } of entries) lines.push(`${this.name}${labelText(labels)} ${formatNumber(value)}`);
    return lines.join('\n');
  }
}

/** Cumulative buckets, sum and count per label set. */
export class Histogram implements Metric {
  private readonly series = new SeriesMap<{ labels: Labels; counts: number[]; sum: number; count: number }>();
  constructor(readonly name: string, readonly help: string, readonly buckets: readonly number[]) {}

  observe(value: number, labels: Labels = NO_LABELS): void {
    const s = this.series.upsert(labels, () => ({ labels: { ...labels }, counts: this.buckets.map(() => 0), sum: 0, count: 0 }));
    for (let i = 0; i < this.buckets.length; i++) if (value <= this.buckets[i]!) s.counts[i]!++;
    s.sum += value;
    s.count++;
  }

  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`];
    for (const s of this.series.values()) {
      this.buckets.forEach((b, i) => lines.push(`${this.name}_bucket${labelText(s.labels, ['le', formatNumber(b)])} ${s.counts[i]}`));
      lines.push(`${this.name}_bucket${labelText(s.labels, ['le', '+Inf'])} ${s.count}`);
      lines.push(`${this.name}_sum${labelText(s.labels)} ${formatNumber(s.sum)}`);
      lines.push(`${this.name}_count${labelText(s.labels)} ${s.count}`);
    }
    return lines.join('\n');
  }
}

/** Holds metrics in registration order and renders them together. */
export class Registry {
  private readonly metrics: Metric[] = [];

  register<M extends Metric>(metric: M): M {
    this.metrics.push(metric);
    return metric;
  }

  render(): string {
    return `${this.metrics.map((m) => m.render()).join('\n')}\n`;
  }
}
