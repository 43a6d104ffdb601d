/**
 * Tier 1 credential detectors, gitleaks-style: a literal prefix as the prefilter, the provider's
 * exact token shape as the pattern, and a validator that refuses documentation placeholders
 * (`xoxb-your-token`, `AKIAIOSFODNN7EXAMPLE`, `sk-xxxx…`). Generic secrets need a secret-looking
 * name on the left and a high-entropy value on the right, so hashes and ids stay clean.
 */
import type { Candidate, Detector } from '../detector.js';
import { pemBlockEnd } from '../pem.js';
import { characterClasses, jwtValid, looksLikePlaceholder, shannonEntropy } from '../validators.js';

/** A provider token that is not a placeholder and carries real randomness. */
const realToken =
  (minEntropy: number) =>
  ({ value }: Candidate): boolean =>
    !looksLikePlaceholder(value) && shannonEntropy(value) >= minEntropy;

/**
 * An AWS key id in one case (a prose word like "Asia…" mixes cases), split at most 3 times; written
 * lower-case or split it must also hold a digit, as prose never does.
 */
function awsAccessKeyValid({ value }: Candidate): boolean {
  const key = value.replace(/\s/g, '');
  if (value.length - key.length > 3) return false;
  if (key !== key.toUpperCase() && key !== key.toLowerCase()) return false;
  if ((key !== value || key === key.toLowerCase()) && !/[2-7]/.test(key)) return false;
  return realToken(3)({ value: key.toUpperCase(), text: '', start: 0, end: 0 });
}

/** A token whose tail is masked (xoxp-123-456-####, sk_live_abc****): a redacted sample, not a secret. */
const masked = ({ value, text, end }: Candidate): boolean => /[-_]$/.test(value) || /^[#*•]{3}/.test(text.slice(end, end + 3));

/**
 * A PEM block holds key material: something between its BEGIN line and its END line (or the end
 * of the block when it is unterminated). A header with nothing after it, or a body of placeholder
 * dots, stars or x's, is a template or a quoted header line ("-----BEGIN PRIVATE KEY-----" alone in
 * a README or a log), not a key.
 */
function pemHasBody({ value }: Candidate): boolean {
  const body = value.replace(/-{4,5} ?(?:BEGIN|END) [A-Z ]*-{4,5}/gi, '').replace(/\s|\\n/g, '');
  // A body of dots, stars or x's ("\n...\n", "****") is a documentation placeholder.
  if (body.length > 0 && /^(?:[.*•…#]+|x+)$/i.test(body)) return false;
  return body.length > 0;
}

/** 40 base64 characters that look random: not hex (a git SHA), three character classes, no placeholder. */
function awsSecretShaped(value: string): boolean {
  return !/^[0-9a-f]+$/i.test(value) && characterClasses(value) >= 3 && shannonEntropy(value) >= 4 && !looksLikePlaceholder(value);
}

/** An access key id ending just before a value, with only a separator between ("AKIA… / ", "AKIA…:", "AKIA…,"). */
const AWS_KEY_ID_JUST_BEFORE = /(?:AKIA|ASIA)[A-Z2-7]{16}[\s:,;/|="']{1,6}$/i;

export const SECRET_DETECTORS: readonly Detector[] = [
  {
    id: 'tier1.aws_access_key',
    anchor: { literals: ['akia', 'asia', 'abia', 'acca'], notAfter: 'A-Za-z0-9' },
    type: 'AWS_ACCESS_KEY',
    secret: true,
    description: 'AWS access key ids (AKIA/ASIA/ABIA/ACCA + 16 base32 characters)',
    // Also lower-cased, or split by spaces or a line break (normalised to one space).
    pattern: /(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA)(?:[ \n]?[A-Z2-7]){16}(?![A-Za-z0-9])/gi,
    keywords: ['akia', 'asia', 'abia', 'acca'],
    keywordsCaseInsensitive: true,
    validator: awsAccessKeyValid,
    score: 0.95,
    examples: ['AKIAZ7VRSQ2LMXK4P3TN'],
  },
  {
    id: 'tier1.aws_secret_key',
    anchor: { literals: ['aws_secret_access_key', 'secret_access_key', 'secretaccesskey', 'aws secret', 'aws_secret', 'secret key', 'secret_key'], after: 64, first: 'A-Za-z0-9/+', notAfter: 'A-Za-z0-9/+' },
    type: 'AWS_SECRET_KEY',
    secret: true,
    description: 'AWS secret access keys (40 base64 characters) next to AWS secret words; git SHAs (hex) excluded',
    pattern: /(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g,
    keywords: ['secret', 'aws'],
    keywordsCaseInsensitive: true,
    validator: ({ value }) => awsSecretShaped(value),
    context: ['aws_secret_access_key', 'secret_access_key', 'secretaccesskey', 'aws secret', 'aws_secret', 'secret key', 'secret_key'],
    contextRequired: true,
    contextWindow: 64,
    score: 0.95,
  },
  {
    id: 'tier1.aws_secret_key_after_id',
    anchor: { literals: ['akia', 'asia'], after: 32, first: 'A-Za-z0-9/+', notAfter: 'A-Za-z0-9/+' },
    type: 'AWS_SECRET_KEY',
    secret: true,
    description: 'AWS secret access keys pasted right after their access key id ("AKIA… / wJalr…", "AKIA…:wJalr…"), as key pairs are handed over',
    pattern: /(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g,
    keywords: ['akia', 'asia'],
    keywordsCaseInsensitive: true,
    validator: ({ value, text, start }) => AWS_KEY_ID_JUST_BEFORE.test(text.slice(Math.max(0, start - 28), start)) && awsSecretShaped(value),
    score: 0.95,
  },
  {
    id: 'tier1.github_token',
    anchor: { literals: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_'], notAfter: 'A-Za-z0-9_' },
    type: 'GITHUB_TOKEN',
    secret: true,
    description: 'GitHub tokens: classic (ghp_, gho_, ghu_, ghs_, ghr_) and fine-grained (github_pat_)',
    pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})\b/g,
    keywords: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_'],
    validator: realToken(3.5),
    score: 0.99,
  },
  {
    id: 'tier1.openai_key',
    anchor: { literals: ['sk-'], notAfter: 'A-Za-z0-9_' },
    type: 'OPENAI_API_KEY',
    secret: true,
    description: 'OpenAI API keys (sk-, sk-proj-, sk-svcacct-, sk-admin-)',
    pattern: /\bsk-(?!ant-)(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{32,200}/g,
    keywords: ['sk-'],
    validator: ({ value }) => (value.includes('T3BlbkFJ') ? 0.99 : realToken(4)({ value, text: '', start: 0, end: 0 })),
    score: 0.95,
  },
  {
    id: 'tier1.anthropic_key',
    anchor: { literals: ['sk-ant-'], notAfter: 'A-Za-z0-9_' },
    type: 'ANTHROPIC_API_KEY',
    secret: true,
    description: 'Anthropic API and admin keys (sk-ant-api03-, sk-ant-admin01-)',
    pattern: /\bsk-ant-(?:api|admin|oat)\d{2}-[A-Za-z0-9_-]{80,120}/g,
    keywords: ['sk-ant-'],
    validator: realToken(3.5),
    score: 0.99,
  },
  {
    id: 'tier1.slack_token',
    anchor: { literals: ['xox', 'xapp-', 'https://hooks.slack.com/'], notAfter: 'A-Za-z0-9_' },
    type: 'SLACK_TOKEN',
    secret: true,
    description: 'Slack tokens (xoxb-, xoxp-, xoxa-, xoxo-, xoxs-, xoxr-, xapp-) and incoming webhook URLs',
    pattern:
      /\b(?:xox[abposr]-\d{6,}-[0-9A-Za-z-]{8,}|xapp-\d-[A-Z0-9]{8,}-\d{6,}-[a-f0-9]{32,}|https:\/\/hooks\.slack\.com\/services\/T[A-Z0-9]{8,}\/B[A-Z0-9]{8,}\/[A-Za-z0-9]{20,})/g,
    keywords: ['xox', 'xapp-', 'hooks.slack.com'],
    validator: (c) => realToken(3)(c) && !masked(c),
    score: 0.97,
  },
  {
    id: 'tier1.stripe_key',
    anchor: { literals: ['sk_live_', 'sk_test_', 'rk_live_', 'rk_test_', 'whsec_'], notAfter: 'A-Za-z0-9_' },
    type: 'STRIPE_KEY',
    secret: true,
    description: 'Stripe secret and restricted keys (sk_live_, sk_test_, rk_live_, rk_test_) and webhook secrets',
    pattern: /\b(?:(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{24,99}|whsec_[A-Za-z0-9]{32,})\b/g,
    keywords: ['sk_live_', 'sk_test_', 'rk_live_', 'rk_test_', 'whsec_'],
    validator: realToken(3.5),
    score: 0.97,
  },
  {
    id: 'tier1.google_api_key',
    anchor: { literals: ['aiza'], notAfter: 'A-Za-z0-9_' },
    type: 'GOOGLE_API_KEY',
    secret: true,
    description: 'Google API keys (AIza + 35 characters)',
    pattern: /\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/g,
    keywords: ['AIza'],
    validator: realToken(3.5),
    score: 0.97,
  },
  {
    id: 'tier1.google_oauth',
    anchor: { literals: ['gocspx-', 'ya29.'], notAfter: 'A-Za-z0-9_' },
    type: 'GOOGLE_OAUTH_TOKEN',
    secret: true,
    description: 'Google OAuth client secrets (GOCSPX-) and access tokens (ya29.)',
    pattern: /\b(?:GOCSPX-[A-Za-z0-9_-]{28}|ya29\.[0-9A-Za-z_-]{30,})(?![0-9A-Za-z_-])/g,
    keywords: ['GOCSPX-', 'ya29.'],
    validator: realToken(3.5),
    score: 0.97,
  },
  {
    id: 'tier1.npm_token',
    anchor: { literals: ['npm_'], notAfter: 'A-Za-z0-9_' },
    type: 'NPM_TOKEN',
    secret: true,
    description: 'npm access tokens (npm_ + 36 characters)',
    pattern: /\bnpm_[A-Za-z0-9]{36}\b/g,
    keywords: ['npm_'],
    validator: realToken(3.5),
    score: 0.97,
  },
  {
    id: 'tier1.npm_token.npmrc',
    anchor: { literals: [':_auth'] },
    type: 'NPM_TOKEN',
    secret: true,
    description: 'npm registry credentials in .npmrc (//registry/:_authToken=…, legacy UUID tokens included; ${NPM_TOKEN} references refused)',
    pattern: /:_auth(?:Token)?[ \t]*=[ \t]*["']?([A-Za-z0-9_.+/=-]{20,200})/dg,
    group: 1,
    keywords: [':_auth'],
    validator: realToken(3),
    score: 0.95,
    examples: ['//registry.npmjs.org/:_authToken=743b294a-cd03-11ec-9d64-0242ac120002'],
  },
  {
    id: 'tier1.gitlab_token',
    anchor: { literals: ['glpat-', 'glptt-', 'gldt-', 'glrt-', 'glcbt-', 'glsoat-', 'glft-', 'glimt-', 'glagent-', 'gloas-', 'gr1348941'], notAfter: 'A-Za-z0-9_-' },
    type: 'GITLAB_TOKEN',
    secret: true,
    description: 'GitLab tokens (glpat-, glptt-, gldt-, glrt-, glcbt-, glsoat-, glft-, glimt-, glagent-, gloas-, runner registration GR1348941)',
    pattern: /(?<![A-Za-z0-9_-])(?:gl(?:pat|ptt|dt|rt|cbt|soat|ft|imt|agent|oas)-|GR1348941)[A-Za-z0-9_-]{20,}(?:\.[0-9a-z]{2}\.[0-9a-z]{7,9})?(?![A-Za-z0-9_-])/g,
    keywords: ['glpat-', 'glptt-', 'gldt-', 'glrt-', 'glcbt-', 'glsoat-', 'glft-', 'glimt-', 'glagent-', 'gloas-', 'GR1348941'],
    validator: realToken(3.5),
    score: 0.97,
  },
  {
    id: 'tier1.private_key',
    anchor: { literals: ['----', 'mii', 'b3blbnnzac1rzxktdje'] },
    type: 'PRIVATE_KEY',
    secret: true,
    description: 'PEM private key blocks (RSA, EC, DSA, OpenSSH, PKCS#8, encrypted, PGP); an unterminated block counts',
    // The header (any case, four or five dashes) or the first bytes of a DER private key body
    // (PKCS#1 RSA, PKCS#8, OpenSSH) when the header was dropped; resolveEnd finds where the block ends.
    pattern:
      /-{4,5} ?BEGIN (?:(?:RSA|EC|DSA|OPENSSH|ENCRYPTED|PGP) )?PRIVATE KEY(?: BLOCK)? ?-{4,5}|(?<![A-Za-z0-9+/])(?:MII[A-Za-z0-9+/]{3}IBA(?:AKC|DANBgkqhkiG9w0BAQEFAASC)|b3BlbnNzaC1rZXktdjE)/gi,
    keywords: ['begin', 'miie', 'miic', 'miij', 'miig', 'b3blbnnzac1rzxktdje'],
    keywordsCaseInsensitive: true,
    resolveEnd: pemBlockEnd,
    validator: pemHasBody,
    score: 0.99,
  },
  {
    id: 'tier1.jwt',
    anchor: { literals: ['eyj'], notAfter: 'A-Za-z0-9_-' },
    type: 'JWT',
    secret: true,
    description: 'JSON Web Tokens, decoded structurally (JSON header with alg, JSON object payload)',
    // The lookbehind keeps a match from starting inside a run ("eyJ-eyJ-…"): each run is read once.
    // The signature may be missing (an unsigned or truncated token still carries its claims).
    pattern: /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}(?:\.[A-Za-z0-9_-]*)?/g,
    keywords: ['eyJ'],
    validator: ({ value }) => jwtValid(value),
    score: 0.95,
  },
  {
    id: 'tier1.bearer_token',
    anchor: { literals: ['bearer', 'basic'], notAfter: 'A-Za-z0-9_' },
    type: 'GENERIC_SECRET',
    secret: true,
    description: 'Bearer and Basic credentials in Authorization headers',
    pattern: /\b(?:Bearer|Basic) ([A-Za-z0-9._~+/-]{16,}=*)/dg,
    group: 1,
    keywords: ['Bearer ', 'Basic '],
    validator: ({ value }) => !looksLikePlaceholder(value) && characterClasses(value) >= 2 && shannonEntropy(value) >= 3.5,
    score: 0.85,
  },
];
