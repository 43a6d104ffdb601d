/**
 * The API surfaces Outpost speaks, one Protocol object each (openai.ts, ollama.ts): routes and
 * their validation and text parts, content types, the stream codec, error bodies and model lists.
 * The pipeline is protocol-agnostic and asks these objects. This module only re-exports.
 */
export type { ModelListShape, ModelListing, ModelRoute, Protocol, ProtocolName, SplitFrames, StreamChannel, StreamCodec, StreamFraming, StreamText, TextPart } from './types.js';
export { DEFAULT_PROTOCOL, MODEL_ROUTES, PROTOCOLS, protocolForPath, protocolNamed } from './registry.js';
export { errorResponse, targetMismatchMessage, upstreamErrorBody } from './response.js';
export { OPENAI } from './openai.js';
export { OLLAMA } from './ollama.js';
export { collectStrings } from './text.js';
