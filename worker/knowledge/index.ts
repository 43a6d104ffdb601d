/**
 * Knowledge assets: the site's own documents put in front of the model for bound models, after
 * the DLP has judged the caller's text (see docs/knowledge.md).
 *
 *   package.ts   the JSON file that carries assets across the gap (read, check, write)
 *   screen.ts    the DLP's word on an asset before it may reach a prompt
 *   chunks.ts    passages at paragraph and heading boundaries
 *   retrieve.ts  BM25 ranking of passages (MiniSearch), one index per asset set
 *   compose.ts   the added text within the token budget, system or retrieve
 *   inject.ts    where the text goes in each route's body
 *   store.ts     imported and volume assets, import/export, and apply() for the pipeline
 *
 * @example
 * const knowledge = await createKnowledgeStore(options);
 * const applied = await knowledge.apply(policy, call, body, lastUserText); // { body, use } | null
 */
export { createKnowledgeStore } from './store.js';
export type { KnowledgeStore, KnowledgeStoreOptions, AssetStatus, ImportResult } from './store.js';
export { readPackage, writePackage, PACKAGE_FORMAT, textSha256 } from './package.js';
export type { KnowledgeProblem } from './package.js';
export type { KnowledgeAsset, KnowledgeBinding, KnowledgeMode, KnowledgeUse } from './types.js';
export { KNOWLEDGE_HEADER } from './types.js';
