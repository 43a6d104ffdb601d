/**
 * The short allow-list of request and response fields whose values are protocol tokens, not
 * caller or model text, and so are not scanned by the DLP. Each entry checks its value: a value outside the expected shape
 * is scanned like any other string (issue 13: "nothing unscanned by default").
 *
 * Everything else in a request body is scanned, including `id`, `name`, tool definitions and any
 * field a client invents.
 */

/** Message roles of the OpenAI and Ollama chat APIs. */
const ROLES = new Set(['system', 'developer', 'user', 'assistant', 'tool', 'function']);

/** Content-part and tool types of the OpenAI chat API. */
const PART_TYPES = new Set(['text', 'image_url', 'input_audio', 'file', 'refusal', 'function', 'json_object', 'json_schema']);

/** A model name: a registry-style name (`llama3.1:8b`, `org/model-7b-instruct`), no spaces. */
const MODEL_NAME = /^[A-Za-z0-9][A-Za-z0-9._:/@+-]{0,127}$/;

/**
 * Model-shaped but worth a scan: nine or more digits in all (a card, an SSN or a phone fits in a
 * model-shaped string) or a long run of capitals and digits (a key id). Scanning costs little;
 * only a finding changes the outcome.
 */
const modelNeedsScan = (value: string): boolean => value.replace(/\D+/g, '').length >= 9 || /[A-Z0-9]{16}/.test(value);

/**
 * `object` of an OpenAI response (and of its stream chunks and lists). A response body is walked
 * like a request body: each of these would otherwise be one more scan of every response.
 */
const OBJECT_TYPES = new Set(['chat.completion', 'chat.completion.chunk', 'text_completion', 'list', 'embedding', 'model']);

/** Why a generation stopped: OpenAI's `finish_reason`, Ollama's `done_reason`. */
const FINISH_REASONS = new Set(['stop', 'length', 'tool_calls', 'content_filter', 'function_call', 'load', 'unload']);

/** Ollama's `format` as a string: only "json" (a JSON-schema object is walked and scanned). */
const FORMATS = new Set(['json']);

/** `data:` URLs of image or audio media, base64 encoded. */
const MEDIA_DATA_URL = /^data:(?:image|audio)\/[A-Za-z0-9.+-]{1,64};base64,/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Whether `value` is base64 that really decodes (length, alphabet and padding).
 * @example
 * isBase64('aGVsbG8='); // true
 * isBase64('card 4111111111111111'); // false
 */
export function isBase64(value: string): boolean {
  if (value.length === 0 || value.length % 4 !== 0 || !BASE64.test(value)) return false;
  try {
    atob(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether `value` is a `data:` URL of base64 image or audio media that decodes.
 * @example
 * isMediaDataUrl('data:image/png;base64,iVBORw0KGgo='); // true
 * isMediaDataUrl('data: remember the customer card 4111111111111111'); // false
 */
export function isMediaDataUrl(value: string): boolean {
  const head = MEDIA_DATA_URL.exec(value);
  return head !== null && isBase64(value.slice(head[0].length));
}

/**
 * Whether the string at `key` (under `parentKey`) is a checked protocol token that is not scanned.
 * @example
 * isProtocolToken('role', 'user', 'messages');            // true
 * isProtocolToken('role', 'card 4111111111111111', null); // false: scanned
 */
export function isProtocolToken(key: string | number, value: string, parentKey: string | number | null): boolean {
  switch (key) {
    case 'role':
      return ROLES.has(value);
    case 'type':
      return PART_TYPES.has(value);
    case 'model':
      return MODEL_NAME.test(value) && !modelNeedsScan(value);
    case 'format':
      return FORMATS.has(value);
    case 'object':
      return OBJECT_TYPES.has(value);
    case 'finish_reason':
    case 'done_reason':
      return FINISH_REASONS.has(value);
    case 'url':
      return parentKey === 'image_url' && isMediaDataUrl(value);
    case 'data':
      return parentKey === 'input_audio' && isBase64(value);
    default:
      // Ollama's `images`: an array of bare base64 strings.
      return parentKey === 'images' && typeof key === 'number' && isBase64(value);
  }
}
