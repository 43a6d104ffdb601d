// Ordinary gateway traffic for training the default Tier 3 model: code, software documentation,
// support chats, meeting notes, logs, news-like paragraphs and everyday requests. Generated here
// from small vocabularies (written for this project); without it the model learns "anything that
// is not a look-alike is sensitive" and flags half of the code and documentation it sees.
// Technical uses of words like private, secret, key, internal and confidential are deliberate.

const IDENT = ['user', 'order', 'item', 'cache', 'config', 'request', 'response', 'buffer', 'node', 'token', 'session', 'client', 'server', 'queue', 'event', 'handler', 'result', 'options', 'index', 'value', 'key', 'entry', 'path', 'file', 'stream', 'worker', 'job', 'row', 'column', 'schema', 'record', 'account', 'payload', 'message', 'context', 'state', 'secret', 'header', 'route', 'plugin'];
const VERB = ['get', 'set', 'load', 'parse', 'build', 'create', 'update', 'delete', 'find', 'resolve', 'validate', 'render', 'fetch', 'handle', 'format', 'merge', 'flush', 'encode', 'decode', 'compute', 'register', 'emit', 'read', 'write'];
const TYPE = ['string', 'number', 'boolean', 'Buffer', 'Uint8Array', 'Map<string, number>', 'Promise<void>', 'Record<string, unknown>', 'Date'];
const TECH = ['the parser', 'the cache layer', 'the CLI', 'the build step', 'the HTTP client', 'the test runner', 'the plugin API', 'the config loader', 'the router', 'the scheduler', 'the database driver', 'the logger', 'the bundler', 'the type checker', 'the package manager', 'the sync service', 'the container image'];
const THING = ['option', 'flag', 'environment variable', 'callback', 'method', 'field', 'parameter', 'hook', 'endpoint', 'event', 'setting', 'property', 'header', 'command'];
const NEWS_SUBJ = ['The city council', 'The national weather service', 'Researchers at the university', 'The football club', 'The central bank', 'Local farmers', 'The transport authority', 'The museum', 'Organisers of the festival', 'The space agency', 'Shares in the carmaker', 'The orchestra', 'Firefighters', 'The school board'];
const NEWS_PRED = ['announced a new timetable for the summer', 'reported record rainfall in the region last month', 'published a study on sleep and memory', 'won the cup final after extra time', 'left interest rates unchanged', 'expect a strong harvest despite the dry spring', 'will open the new tram line in September', 'unveiled an exhibition of medieval maps', 'sold out all tickets within an hour', 'launched a satellite to monitor sea ice', 'rose four percent after the earnings report', 'announced its programme for the new season', 'brought a warehouse fire under control overnight', 'approved a plan to renovate three schools'];
const NAMES = ['Anna', 'Tom', 'Priya', 'Lukas', 'Maria', 'Chen', 'Sam', 'Fatima', 'Jonas', 'Elena'];
const PRODUCTS = ['the mobile app', 'my subscription', 'the router', 'the invoice', 'my order', 'the printer', 'the online portal', 'the warranty', 'the delivery', 'the password reset'];


// Everyday first-person and narrative prose: the function words (I, my, we, the, not, to) of
// sensitive messages are just as common in harmless ones.
const ME = ['I', 'We', 'My team', 'My son', 'Our landlord', 'My boss', 'The kids', 'My partner', 'Our neighbour', 'My friend'];
const DID = ['lost', 'ordered', 'booked', 'returned', 'cancelled', 'renewed', 'forgot', 'fixed', 'moved', 'painted', 'cleaned', 'sold', 'borrowed', 'upgraded', 'printed'];
const OBJ = ['my card', 'the tickets', 'a new laptop', 'the hotel room', 'my parcel', 'the subscription', 'the car insurance', 'the kitchen', 'our old sofa', 'the garden fence', 'my phone', 'the train pass', 'the library books', 'the wedding photos', 'my passport photo', 'the heating', 'our broadband', 'the bike'];
const WHY = ['because it was too late', 'last week', 'before the weekend', 'after the storm', 'but it did not arrive', 'and now it does not work', 'for the school trip', 'so we could save money', 'because the price went up', 'in the end', 'while we were away', 'and I am not sure what to do next'];
const ASK = ['Can you help me', 'How do I', 'Is it possible to', 'What is the best way to', 'Could you tell me how to', 'I would like to', 'Please explain how to', 'I need to'];
const TASK = ['change my delivery address', 'get a refund', 'reset my password', 'update my billing date', 'check my balance', 'add a second user to my account', 'cancel my order', 'book a table for six', 'fix a slow laptop', 'clean a cast iron pan', 'plan a trip to Lisbon', 'write a thank-you card', 'learn to play chess', 'improve my running time', 'train a puppy not to bite', 'grow tomatoes on a balcony'];
const STORY = ['The rain did not stop all day, so the match was moved to the indoor hall.', 'It was the first time the bridge had been closed in over a century.', 'She opened the shop at seven and the queue was already around the corner.', 'The old lighthouse is now a small museum run by volunteers.', 'By the evening the roads were clear again and the buses ran on time.', 'He had never seen so many birds on the lake before.', 'The recipe has been in the family for three generations.', 'Nobody expected the film to be so popular, least of all its director.', 'The team trained twice a week through the winter and it paid off.', 'If you are not sure which option to choose, start with the default settings.', 'You should not need to restart the application after changing this value.', 'The software is provided as is, without warranty of any kind, and the authors are not liable for any damages.', 'Permission is granted to use, copy and modify this work, provided that the notice is kept.', 'Do not edit this file by hand; it is generated by the build.'];

// README, licence, contributing and code-of-conduct prose, as found in any software project.
const DOC_PROSE = [
  'This package is a small, fast and dependency-free implementation of the algorithm.', 'Install it with npm and import the default export.', 'Pull requests are welcome; please open an issue first to discuss what you would like to change.',
  'Please make sure to update tests as appropriate.', 'The software is provided "as is", without warranty of any kind, express or implied.', 'In no event shall the authors or copyright holders be liable for any claim, damages or other liability.',
  'Permission is hereby granted, free of charge, to any person obtaining a copy of this software.', 'We as members, contributors and leaders pledge to make participation in our community a harassment-free experience for everyone.',
  'Instances of abusive, harassing or otherwise unacceptable behaviour may be reported to the community leaders responsible for enforcement.', 'All complaints will be reviewed and investigated promptly and fairly.',
  'If you discover a security vulnerability, please report it privately to the maintainers rather than opening a public issue.', 'We will acknowledge your report within two working days and keep you informed of the progress.',
  'Maintainers have the right to remove, edit or reject comments, commits and code that are not aligned with this code of conduct.', 'Decisions are made by consensus among the core collaborators; if no consensus is reached, the lead decides.',
  'The API is considered stable; breaking changes only happen in major versions.', 'This option is deprecated and will be removed in the next major release.', 'It is safe to call this method more than once.',
  'Note that this only works in Node.js 18 and later.', 'The returned promise resolves once the stream has finished or rejects on the first error.', 'See the migration guide for details on upgrading from version 2.',
  'Internally, the cache is a map from keys to entries, evicted in least-recently-used order.', 'Private methods are prefixed with an underscore and are not part of the public interface.', 'The confidential computing mode is only available on supported hardware.',
  'Thanks to all the people who have contributed to this project.', 'This project follows semantic versioning.', 'Benchmarks were run on a laptop and are only indicative.',
];
// Short support and small-talk lines: "not", "yet" and "my" without anything private.
const SUPPORT = [
  'My card was declined at the shop, is there a problem with it?', 'I have not received my statement yet.', 'Has my refund been processed yet?', 'The app is not showing my latest payments.',
  'Why was I charged twice for the same order?', 'Nobody is answering the phone at the branch.', 'I still have not got the parcel, it says delivered.',
  'Is the pool open on Sundays?', 'I do not understand this bill, can you explain it?',
  'My pin does not work any more.', 'Please close my old savings account.', 'What time does the store open tomorrow?', 'I forgot my username, not my password.',
  'The transfer has not arrived yet, it has been three days.', 'Can you send me the receipt again?', 'I moved house, how do I update my address?', 'Is there a fee for paying abroad with my card?',
];
const cap = (s) => s[0].toUpperCase() + s.slice(1);

/** A generator of ordinary documents from a PRNG `r`. */
export function backgroundDocument(r) {
  const pick = (list) => list[Math.floor(r() * list.length)];
  const n = (k) => 1 + Math.floor(r() * k);
  const name = () => `${pick(VERB)}${cap(pick(IDENT))}`;
  const kinds = [
    () => {
      const lines = [`export function ${name()}(${pick(IDENT)}: ${pick(TYPE)}, ${pick(IDENT)}Options = {}) {`];
      for (let i = 0; i < n(8); i++) lines.push(pick([
        `  const ${pick(IDENT)} = await ${name()}(${pick(IDENT)});`,
        `  if (!${pick(IDENT)}) throw new Error('${pick(IDENT)} is required');`,
        `  // ${pick(VERB)} the ${pick(IDENT)} before we ${pick(VERB)} the ${pick(IDENT)}`,
        `  for (const ${pick(IDENT)} of ${pick(IDENT)}s) ${name()}(${pick(IDENT)});`,
        `  this.#${pick(IDENT)} = new Map();`,
        `  return ${pick(IDENT)}.${name()}();`,
        `  const secretKey = process.env.${pick(IDENT).toUpperCase()}_SECRET ?? '';`,
      ]));
      lines.push('}');
      return lines.join('\n');
    },
    () => `class ${cap(pick(IDENT))}${cap(pick(IDENT))} {\n  private readonly ${pick(IDENT)}: ${pick(TYPE)};\n  private ${pick(IDENT)}s = new Set<string>();\n  constructor(private ${pick(IDENT)}: ${cap(pick(IDENT))}) {}\n  /** Internal: ${pick(VERB)}s the ${pick(IDENT)}. */\n  protected ${name()}(): void {\n    this.${pick(IDENT)}s.clear();\n  }\n}`,
    () => `def ${pick(VERB)}_${pick(IDENT)}(${pick(IDENT)}, ${pick(IDENT)}=None):\n    """${cap(pick(VERB))} the ${pick(IDENT)} and return the ${pick(IDENT)}."""\n    if ${pick(IDENT)} is None:\n        raise ValueError("missing ${pick(IDENT)}")\n    return [${pick(IDENT)}.${pick(IDENT)} for ${pick(IDENT)} in ${pick(IDENT)}s if ${pick(IDENT)}]`,
    () => `SELECT ${pick(IDENT)}_id, ${pick(IDENT)}, created_at FROM ${pick(IDENT)}s WHERE ${pick(IDENT)} = $1 AND status = 'active' ORDER BY created_at DESC LIMIT ${n(100)};`,
    () => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${pick(IDENT)}-${pick(IDENT)}\nspec:\n  replicas: ${n(5)}\n  template:\n    spec:\n      containers:\n        - name: app\n          image: registry.local/${pick(IDENT)}:${n(9)}.${n(20)}\n          envFrom:\n            - secretRef:\n                name: ${pick(IDENT)}-secrets`,
    () => `${cap(pick(VERB))}s the ${pick(IDENT)} for ${pick(TECH)}. The \`${pick(IDENT)}\` ${pick(THING)} controls whether ${pick(IDENT)}s are ${pick(VERB)}d before they reach ${pick(TECH)}; it defaults to \`${pick(['true', 'false', 'null', '0'])}\`. Keep your API key secret: do not commit it to the repository.`,
    () => `## ${cap(pick(IDENT))} ${pick(THING)}s\n\n${cap(pick(TECH))} reads its ${pick(THING)}s from \`${pick(IDENT)}.config.js\`. Private fields are not part of the public API and may change in a minor release. See the changelog for breaking changes in version ${n(9)}.${n(20)}.0.`,
    () => `### Changed\n- ${cap(pick(TECH))}: ${pick(VERB)} ${pick(IDENT)}s lazily (#${n(4000)})\n- Internal: moved the ${pick(IDENT)} helpers to their own module\n### Fixed\n- ${cap(pick(VERB))} no longer fails on an empty ${pick(IDENT)} (#${n(4000)})`,
    () => `Hi, I cannot log in to ${pick(PRODUCTS)} since yesterday. I tried resetting my password twice. Can you help? - Agent: Sorry to hear that, ${pick(NAMES)}. I have sent a new reset link; please check your spam folder too.`,
    () => `Customer: my order arrived damaged, the box was crushed. Agent: I am sorry about that. I have arranged a replacement, it should arrive within ${n(5)} working days. Is there anything else I can help with?`,
    () => `Meeting notes ${n(28)}/${n(12)}: attendees ${pick(NAMES)}, ${pick(NAMES)}, ${pick(NAMES)}. Agenda: ${pick(IDENT)} migration status, ${pick(TECH)} performance, holiday rota. Actions: ${pick(NAMES)} to update the ${pick(IDENT)} dashboard; ${pick(NAMES)} to book the room for the retro.`,
    () => `${pick(NEWS_SUBJ)} ${pick(NEWS_PRED)}. ${pick(NEWS_SUBJ)} ${pick(NEWS_PRED)}, officials said on ${pick(['Monday', 'Tuesday', 'Friday', 'Sunday'])}.`,
    () => Array.from({ length: n(6) + 2 }, () => `2026-0${n(9)}-1${n(9)} 1${n(9)}:${10 + n(49)}:${10 + n(49)} ${pick(['INFO', 'WARN', 'ERROR', 'DEBUG'])} ${pick(IDENT)}.${pick(IDENT)}: ${pick(VERB)} ${pick(IDENT)} ${pick(['ok', 'failed', 'timed out after 30s', 'retrying', 'done in ' + n(900) + 'ms'])}`).join('\n'),
    () => `Can you explain why ${pick(TECH)} throws "${cap(pick(IDENT))} is not defined" when I ${pick(VERB)} the ${pick(IDENT)}? I am using version ${n(9)}.${n(20)} on Linux.`,
    () => `Write a ${pick(['short poem', 'limerick', 'birthday message', 'toast for a wedding', 'product description for a lamp', 'cover letter for a barista job'])} about ${pick(['autumn', 'our dog', 'coffee', 'the sea', 'a new bicycle', 'teamwork'])}.`,
    () => `Summarise this article: ${pick(NEWS_SUBJ)} ${pick(NEWS_PRED)}. The decision follows months of discussion and was welcomed by residents.`,
    () => `Give me a ${n(7)}-day meal plan for a family of ${n(5)} with a budget of ${n(200)} euros, vegetarian on weekdays.`,
    () => `Our ${pick(IDENT)} service returns 500 when the ${pick(IDENT)} header is missing. Stack trace:\n  at ${name()} (src/${pick(IDENT)}.ts:${n(300)}:${n(40)})\n  at ${name()} (src/${pick(IDENT)}.ts:${n(300)}:${n(40)})`,
    () => `${pick(ME)} ${pick(DID)} ${pick(OBJ)} ${pick(WHY)}. ${pick(ASK)} ${pick(TASK)}?`,
    () => `${pick(['Set the', 'Use the', 'Rotate the', 'Store the', 'Pass the'])} ${pick(['client secret', 'private key', 'confidential flag', 'secret manager entry', 'internal endpoint', 'restricted scope', 'classified field'])} ${pick(['in the vault, not in the code', 'through an environment variable', 'when you deploy to production', 'as described in the setup guide', 'before the token expires'])}. ${pick(STORY)}`,
    () => `${pick(['Classified ads', 'The secret ingredient in this soup', 'A private beach', 'Top secret: the surprise party', 'Our confidential customer survey results, now published,'])} ${pick(['is ginger', 'show a rise in demand for bikes', 'is open to hotel guests only', 'starts at six, bring a cake', 'are on the website'])}. ${pick(STORY)}`,
    () => `${pick(ASK)} ${pick(TASK)}? ${pick(ME)} ${pick(DID)} ${pick(OBJ)} ${pick(WHY)}, and I do not want to make the same mistake again.`,
    () => Array.from({ length: n(4) + 1 }, () => pick(STORY)).join(' '),
    () => pick(SUPPORT),
    () => `${pick(SUPPORT)} ${pick(SUPPORT)}`,
    () => `${pick(NAMES)}: ${pick(SUPPORT)}\nAgent: ${pick(['Let me check that for you.', 'I can help with that.', 'Thanks for waiting, it is sorted now.', 'Could you confirm the last four digits?'])}`,
    () => `# ${pick(IDENT)}-${pick(IDENT)}\n\n${Array.from({ length: n(5) + 1 }, () => pick(DOC_PROSE)).join(' ')}\n\n## ${pick(['Install', 'Usage', 'Contributing', 'License', 'Security', 'Governance'])}\n\n${Array.from({ length: n(4) + 1 }, () => pick(DOC_PROSE)).join(' ')}`,
    () => Array.from({ length: n(6) + 2 }, () => pick(DOC_PROSE)).join(' '),
    () => `${pick(STORY)} ${pick(NEWS_SUBJ)} ${pick(NEWS_PRED)}. ${pick(STORY)}`,
    () => `Hi ${pick(NAMES)}, thanks for the update. I will ${pick(VERB)} the ${pick(IDENT)} report tomorrow and send it to the team. We agreed to meet on ${pick(['Monday', 'Wednesday', 'Thursday'])} to go through ${pick(TECH)}. Let me know if that does not work for you.`,
  ];
  return pick(kinds)();
}
