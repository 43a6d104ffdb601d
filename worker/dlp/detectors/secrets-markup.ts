/**
 * Secrets whose name and value are written as markup or as two arguments rather than an
 * assignment: XML elements (<password>VALUE</password>, <db:password>…), Java properties XML and
 * Spring/Maven settings (<entry key="db.password">VALUE</entry>), and name/value pairs in calls
 * (PHP define('DB_PASSWORD', '…'), props.put("api_key", "…"), setenv("TOKEN", "…")). Values go
 * through the same references/placeholder/entropy checks as every other secret value.
 */
import type { Candidate, Detector } from '../detector.js';
import { SECRET_NAME, SECRET_NAME_KEYWORDS, SECRET_NAME_STARTS, secretValueScore } from './secret-values.js';

/** The lowercased element or key name right before `>VALUE` (db.password, db:password, password). */
function elementName(text: string, start: number): string {
  const before = text.slice(Math.max(0, start - 64), start);
  return (/([A-Za-z0-9_.:-]{1,48})["']?>$/.exec(before)?.[1] ?? '').replace(/^.*:/, '').toLowerCase();
}

/** The lowercased first argument right before `, "VALUE` (DB_PASSWORD in define('DB_PASSWORD', '…')). */
function pairName(text: string, start: number): string {
  const before = text.slice(Math.max(0, start - 80), start);
  return (/["']([A-Za-z0-9_.:-]{1,48})["'][ \t]{0,2},[ \t]{0,2}["']$/.exec(before)?.[1] ?? '').toLowerCase();
}

/** The secret name on the line before a `value:` line (Kubernetes/Compose env lists: "- name: DB_PASSWORD" / "  value: …"). */
function nameOnLineBefore(text: string, start: number): string {
  let lineStart = start;
  while (lineStart > 0 && lineStart > start - 120 && text.charCodeAt(lineStart - 1) !== 10) lineStart--;
  if (lineStart === 0 || text.charCodeAt(lineStart - 1) !== 10) return '';
  const previous = text.slice(Math.max(0, lineStart - 120), lineStart - 1);
  return (/(?:^|\n)[ \t]*-?[ \t]*(?:name|key)[ \t]*:[ \t]*["']?([A-Za-z0-9_.-]{1,64})["']?[ \t]*$/.exec(previous)?.[1] ?? '').toLowerCase();
}

/** A `value:` whose name is on the line before and names a secret. */
function envListValueValid({ value, text, start }: Candidate): boolean | number {
  const name = nameOnLineBefore(text, start);
  if (!name || !new RegExp(SECRET_NAME, 'i').test(name)) return false;
  const quoted = /["']$/.test(text.slice(Math.max(0, start - 1), start));
  return secretValueScore(value, name, quoted);
}

export const MARKUP_SECRET_DETECTORS: readonly Detector[] = [
  {
    id: 'tier1.generic_secret.env_list_value',
    anchor: { literals: ['value'], notAfter: 'A-Za-z0-9_' },
    type: 'GENERIC_SECRET',
    secret: true,
    description: 'Values of name/value env lists whose name names a secret (Kubernetes, Compose, CI): "- name: DB_PASSWORD" then "value: …"',
    pattern: /\bvalue[ \t]*:[ \t]*["']?([^\s"'`,#]{4,200})/dgi,
    group: 1,
    keywords: ['value'],
    keywordsCaseInsensitive: true,
    validator: envListValueValid,
    score: 0.86,
    examples: ['env:\n  - name: DB_PASSWORD\n    value: Xk9pL2mQw7!z'],
  },
  {
    id: 'tier1.generic_secret.xml_element',
    anchor: { literals: SECRET_NAME_STARTS },
    type: 'GENERIC_SECRET',
    secret: true,
    description: 'Text of XML elements that name a secret: <password>…</password>, <entry key="db.password">…</entry>',
    // The name sits in a tag (<db:password>) or a key/name attribute; the lookbehind is bounded.
    pattern: new RegExp(`(?<=<[A-Za-z0-9_.:-]{0,32}|(?:key|name)=["'][A-Za-z0-9_.:-]{0,32})${SECRET_NAME}[A-Za-z0-9_.-]{0,24}["']?>([^<>\\n]{4,200})</`, 'dgi'),
    group: 1,
    keywords: SECRET_NAME_KEYWORDS,
    keywordsCaseInsensitive: true,
    validator: (c: Candidate) => secretValueScore(c.value.trim(), elementName(c.text, c.start), true),
    score: 0.88,
    examples: ['<password>Xk9pL2mQw7!z</password>', '<entry key="db.password">Xk9pL2mQw7!z</entry>'],
  },
  {
    id: 'tier1.generic_secret.name_value_pair',
    anchor: { literals: SECRET_NAME_STARTS },
    type: 'GENERIC_SECRET',
    secret: true,
    description: "Quoted values passed right after a quoted secret name: define('DB_PASSWORD', '…'), props.put(\"api_key\", \"…\")",
    pattern: new RegExp(`(?<=["'][A-Za-z0-9_.:-]{0,32})${SECRET_NAME}[A-Za-z0-9_.:-]{0,24}["'][ \\t]{0,2},[ \\t]{0,2}["']([^"'\\n\\\\]{4,200})["']`, 'dgi'),
    group: 1,
    keywords: SECRET_NAME_KEYWORDS,
    keywordsCaseInsensitive: true,
    validator: (c: Candidate) => secretValueScore(c.value, pairName(c.text, c.start), true),
    score: 0.86,
    examples: ["define('DB_PASSWORD', 'Xk9pL2mQw7!z');"],
  },
];
