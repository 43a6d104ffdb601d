/**
 * A small JSON Schema walker: the structural half of bundle validation, driven by the very file
 * operators' editors use (assets/policy/policy_bundle.schema.json), so the two cannot disagree.
 *
 * Only the keywords that schema uses are implemented, and the walker refuses any other keyword
 * when it starts, so a schema edit that needs more fails the tests instead of being ignored.
 * Validator generators (ajv) are out: workerd forbids eval and new Function.
 */
import { childPath } from './json.js';

/** One thing wrong with a bundle, at a JSON path such as `$.models[2].target`. */
export interface Problem {
  readonly path: string;
  readonly message: string;
}

/** `$.models[2].target: unknown target "vllm-b"`. */
export function formatProblem(problem: Problem): string {
  return `${problem.path}: ${problem.message}`;
}

type SchemaNode = Readonly<Record<string, unknown>>;

const ANNOTATIONS = new Set(['$schema', '$id', 'title', 'description', 'default', 'examples', '$comment']);
const SUPPORTED = new Set([
  ...ANNOTATIONS,
  '$defs',
  '$ref',
  'type',
  'const',
  'enum',
  'properties',
  'additionalProperties',
  'required',
  'propertyNames',
  'minProperties',
  'items',
  'minItems',
  'maxItems',
  'minLength',
  'maxLength',
  'pattern',
  'minimum',
  'maximum',
]);

/** The JSON type name of a value, as JSON Schema spells it ('integer' only when asked about). */
export function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value === 'object' ? 'object' : typeof value;
}

function matchesType(value: unknown, type: string): boolean {
  if (type === 'integer') return typeof value === 'number' && Number.isInteger(value);
  if (type === 'number') return typeof value === 'number' && Number.isFinite(value);
  return jsonTypeOf(value) === type;
}

const quote = (v: unknown): string => JSON.stringify(v);

function valuePreview(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/**
 * Validates values against one schema document. Compiles each `pattern` once.
 * @example
 * const walker = new SchemaWalker(schemaJson);
 * walker.validate({ schema_version: 2 }); // [{ path: '$.schema_version', message: 'must be 1, got 2' }, ...]
 */
export class SchemaWalker {
  private readonly patterns = new Map<string, RegExp>();

  constructor(private readonly root: SchemaNode) {
    this.check(root, '#');
  }

  /** Refuses keywords the walker does not implement, and unresolvable references. */
  private check(node: unknown, where: string): void {
    if (!node || typeof node !== 'object' || Array.isArray(node)) throw new Error(`schema ${where} is not an object`);
    for (const [key, value] of Object.entries(node)) {
      if (!SUPPORTED.has(key)) throw new Error(`schema ${where} uses "${key}", which the policy schema walker does not implement`);
      if (key === '$ref') this.resolve(value as string);
      if (key === 'pattern') this.regex(value as string);
      if (key === 'properties' || key === '$defs') for (const [name, sub] of Object.entries(value as object)) this.check(sub, `${where}/${key}/${name}`);
      if (key === 'items' || key === 'propertyNames' || (key === 'additionalProperties' && typeof value === 'object')) this.check(value, `${where}/${key}`);
    }
  }

  private resolve(ref: string): SchemaNode {
    const match = /^#\/\$defs\/([A-Za-z0-9_]+)$/.exec(ref);
    const defs = this.root.$defs as Record<string, SchemaNode> | undefined;
    const target = match && defs?.[match[1]!];
    if (!target) throw new Error(`schema reference ${ref} does not resolve`);
    return target;
  }

  private regex(source: string): RegExp {
    let re = this.patterns.get(source);
    if (!re) {
      re = new RegExp(source, 'u');
      this.patterns.set(source, re);
    }
    return re;
  }

  /** All structural problems of `value`, in document order. */
  validate(value: unknown, path = '$'): Problem[] {
    const problems: Problem[] = [];
    this.walk(this.root, value, path, problems);
    return problems;
  }

  private walk(node: SchemaNode, value: unknown, path: string, out: Problem[]): void {
    if (typeof node.$ref === 'string') {
      this.walk(this.resolve(node.$ref), value, path, out);
      // Siblings of $ref (a description) are annotations only in this schema.
    }
    if ('const' in node && value !== node.const) {
      out.push({ path, message: `must be ${quote(node.const)}, got ${valuePreview(value)}` });
      return;
    }
    if (Array.isArray(node.enum) && !node.enum.includes(value as never)) {
      out.push({ path, message: `must be one of ${node.enum.map(quote).join(', ')}, got ${valuePreview(value)}` });
      return;
    }
    if (node.type !== undefined) {
      const types = Array.isArray(node.type) ? (node.type as string[]) : [node.type as string];
      if (!types.some((t) => matchesType(value, t))) {
        out.push({ path, message: `expected ${types.join(' or ')}, got ${jsonTypeOf(value)}` });
        return;
      }
    }
    if (typeof value === 'string') this.walkString(node, value, path, out);
    else if (typeof value === 'number') this.walkNumber(node, value, path, out);
    else if (Array.isArray(value)) this.walkArray(node, value, path, out);
    else if (value && typeof value === 'object') this.walkObject(node, value as Record<string, unknown>, path, out);
  }

  private walkString(node: SchemaNode, value: string, path: string, out: Problem[]): void {
    const length = [...value].length;
    if (typeof node.minLength === 'number' && length < node.minLength) {
      out.push({ path, message: node.minLength === 1 ? 'must not be empty' : `must be at least ${node.minLength} characters` });
    } else if (typeof node.maxLength === 'number' && length > node.maxLength) {
      out.push({ path, message: `must be at most ${node.maxLength} characters, got ${length}` });
    } else if (typeof node.pattern === 'string' && !this.regex(node.pattern).test(value)) {
      out.push({ path, message: `${valuePreview(value)} does not match ${node.pattern}` });
    }
  }

  private walkNumber(node: SchemaNode, value: number, path: string, out: Problem[]): void {
    if (typeof node.minimum === 'number' && value < node.minimum) out.push({ path, message: `must be at least ${node.minimum}, got ${value}` });
    if (typeof node.maximum === 'number' && value > node.maximum) out.push({ path, message: `must be at most ${node.maximum}, got ${value}` });
  }

  private walkArray(node: SchemaNode, value: unknown[], path: string, out: Problem[]): void {
    if (typeof node.minItems === 'number' && value.length < node.minItems) {
      out.push({ path, message: node.minItems === 1 ? 'must not be empty' : `must have at least ${node.minItems} items` });
    }
    if (typeof node.maxItems === 'number' && value.length > node.maxItems) out.push({ path, message: `must have at most ${node.maxItems} items` });
    if (node.items && typeof node.items === 'object') {
      value.forEach((item, i) => this.walk(node.items as SchemaNode, item, childPath(path, i), out));
    }
  }

  private walkObject(node: SchemaNode, value: Record<string, unknown>, path: string, out: Problem[]): void {
    const properties = (node.properties ?? {}) as Record<string, SchemaNode>;
    const keys = Object.keys(value);
    if (typeof node.minProperties === 'number' && keys.length < node.minProperties) {
      out.push({ path, message: node.minProperties === 1 ? 'must have at least one entry' : `must have at least ${node.minProperties} entries` });
    }
    for (const name of (node.required ?? []) as string[]) {
      if (!Object.prototype.hasOwnProperty.call(value, name)) out.push({ path, message: `missing required field ${quote(name)}` });
    }
    const names = node.propertyNames as SchemaNode | undefined;
    for (const key of keys) {
      const sub = childPath(path, key);
      if (names && typeof names.pattern === 'string' && !this.regex(names.pattern).test(key)) {
        out.push({ path: sub, message: `invalid name ${quote(key)} (must match ${names.pattern})` });
        continue;
      }
      const known = Object.prototype.hasOwnProperty.call(properties, key) ? properties[key] : undefined;
      if (known) this.walk(known, value[key], sub, out);
      else if (node.additionalProperties === false) {
        const allowed = Object.keys(properties);
        out.push({ path: sub, message: `unknown field${allowed.length ? ` (allowed here: ${allowed.join(', ')})` : ''}` });
      } else if (node.additionalProperties && typeof node.additionalProperties === 'object') {
        this.walk(node.additionalProperties as SchemaNode, value[key], sub, out);
      }
    }
  }
}
