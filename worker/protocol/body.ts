/**
 * Reading a request body as JSON. JSON.parse silently keeps the last of two duplicate keys, so
 * the value the DLP scans and the raw bytes forwarded upstream could differ (an upstream parser
 * may keep the first). Duplicate keys anywhere in the body are refused with 400, using the same
 * strict reader as the policy loader.
 */
import { GatewayError } from '../core/index.js';
import { JsonSyntaxError, readJson } from '../policy/json.js';

/**
 * The parsed body; throws a 400 GatewayError on invalid JSON or a duplicate key.
 * @example
 * parseRequestJson('{"model":"m","model":"x"}'); // throws 400 duplicate_key
 */
export function parseRequestJson(text: string): unknown {
  let result: ReturnType<typeof readJson>;
  try {
    result = readJson(text);
  } catch (error) {
    if (error instanceof JsonSyntaxError || error instanceof SyntaxError || error instanceof RangeError) {
      throw new GatewayError(400, 'invalid_json', 'Request body is not valid JSON');
    }
    throw error;
  }
  const duplicate = result.duplicates[0];
  if (duplicate) {
    // The key name is the caller's text: name only where it is, not what it is.
    throw new GatewayError(400, 'duplicate_key', `Request body repeats a key in one object (line ${duplicate.line}, column ${duplicate.column})`);
  }
  return result.value;
}
