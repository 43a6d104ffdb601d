/**
 * Vendor credentials with a fixed literal prefix or shape that the other secret detectors do not
 * cover: Discord, Heroku, Azure, Grafana, Sentry, Pulumi, PlanetScale, Dynatrace, Notion, Mapbox,
 * Cloudflare, AI providers (Groq, Perplexity, Replicate, LangSmith, xAI), package registries
 * (RubyGems, Clojars), and more. One data row per vendor.
 *
 * Source of the token shapes: gitleaks' rule list (config/gitleaks.toml, github.com/gitleaks/gitleaks,
 * MIT licence) and detect-secrets' Discord plugin (github.com/Yelp/detect-secrets, Apache-2.0),
 * rewritten here as linear patterns with a literal anchor (no lazy `[\w.-]{0,50}?` key prefixes).
 */
import type { Candidate, Detector } from '../detector.js';
import { characterClasses, looksLikePlaceholder, shannonEntropy } from '../validators.js';
import { vendorTokenPlaceholder } from './secret-values.js';

/** A vendor token that is not a placeholder and carries real randomness. */
const randomToken = ({ value }: Candidate): boolean => !vendorTokenPlaceholder(value) && shannonEntropy(value) >= 3.2;

/** Characters that continue a token: a match must not start or end inside a longer run. */
const TOKEN_CHAR = 'A-Za-z0-9_-';

interface PrefixedVendor {
  /** Short name of the row, and the vendor and token kinds for the docs. */
  readonly id: string;
  readonly vendor: string;
  /** Literal prefixes the token starts with (case-insensitive anchors). */
  readonly prefixes: readonly string[];
  /** The whole token, starting with one of the prefixes (no flags; `g` is added). */
  readonly body: string;
  /** Case-insensitive pattern (vendors that print their prefix in either case). */
  readonly anyCase?: boolean;
}

/** Tokens that start with a vendor's literal prefix: the prefix anchors them, the shape and entropy decide. */
const PREFIXED_VENDORS: readonly PrefixedVendor[] = [
  { id: 'heroku', vendor: 'Heroku API keys (HRKU-)', prefixes: ['hrku-'], body: 'HRKU-AA[0-9a-zA-Z_-]{58}' },
  { id: 'grafana', vendor: 'Grafana Cloud and service-account tokens (glc_, glsa_)', prefixes: ['glc_', 'glsa_'], body: 'gl(?:c_[A-Za-z0-9+/]{32,400}={0,2}|sa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8})' },
  { id: 'sentry', vendor: 'Sentry auth tokens (sntrys_, sntryu_)', prefixes: ['sntrys_', 'sntryu_'], body: 'sntry(?:s_eyJ[A-Za-z0-9+/=_-]{60,400}|u_[a-f0-9]{64})' },
  { id: 'pulumi', vendor: 'Pulumi access tokens (pul-)', prefixes: ['pul-'], body: 'pul-[a-f0-9]{40}' },
  { id: 'planetscale', vendor: 'PlanetScale passwords and tokens (pscale_pw_, pscale_tkn_, pscale_oauth_)', prefixes: ['pscale_'], body: 'pscale_(?:pw|tkn|oauth)_[A-Za-z0-9_=.-]{32,64}' },
  { id: 'dynatrace', vendor: 'Dynatrace API tokens (dt0c01.)', prefixes: ['dt0c01.'], body: 'dt0c01\\.[A-Za-z0-9]{24}\\.[A-Za-z0-9]{64}' },
  { id: 'flutterwave', vendor: 'Flutterwave secret and encryption keys (FLWSECK-)', prefixes: ['flwseck'], body: 'FLWSECK(?:_TEST)?-[a-h0-9]{12,32}(?:-X)?' },
  { id: 'readme', vendor: 'ReadMe API keys (rdme_)', prefixes: ['rdme_'], body: 'rdme_[a-z0-9]{70}' },
  { id: 'rubygems', vendor: 'RubyGems API keys (rubygems_)', prefixes: ['rubygems_'], body: 'rubygems_[a-f0-9]{48}' },
  { id: 'clojars', vendor: 'Clojars deploy tokens (CLOJARS_)', prefixes: ['clojars_'], body: 'CLOJARS_[a-z0-9]{60}', anyCase: true },
  { id: 'prefect', vendor: 'Prefect API keys (pnu_)', prefixes: ['pnu_'], body: 'pnu_[A-Za-z0-9]{36}' },
  { id: 'infracost', vendor: 'Infracost API keys (ico-)', prefixes: ['ico-'], body: 'ico-[A-Za-z0-9]{32}' },
  { id: 'duffel', vendor: 'Duffel API tokens (duffel_test_, duffel_live_)', prefixes: ['duffel_'], body: 'duffel_(?:test|live)_[A-Za-z0-9_=-]{43}' },
  { id: 'easypost', vendor: 'EasyPost API keys (EZAK, EZTK)', prefixes: ['ezak', 'eztk'], body: 'EZ[AT]K[a-z0-9]{54}', anyCase: true },
  { id: 'shippo', vendor: 'Shippo API tokens (shippo_live_, shippo_test_)', prefixes: ['shippo_'], body: 'shippo_(?:live|test)_[a-fA-F0-9]{40}' },
  { id: 'typeform', vendor: 'Typeform personal tokens (tfp_)', prefixes: ['tfp_'], body: 'tfp_[A-Za-z0-9_.=-]{59}' },
  { id: 'supabase', vendor: 'Supabase access and service keys (sbp_, sb_secret_)', prefixes: ['sbp_', 'sb_secret_'], body: '(?:sbp_[a-f0-9]{40}|sb_secret_[A-Za-z0-9_-]{31,})' },
  { id: 'onepassword', vendor: '1Password service-account tokens (ops_eyJ)', prefixes: ['ops_eyj'], body: 'ops_eyJ[A-Za-z0-9+/]{250,}={0,3}' },
  { id: 'brevo', vendor: 'Brevo/Sendinblue API keys (xkeysib-, xsmtpsib-)', prefixes: ['xkeysib-', 'xsmtpsib-'], body: 'x(?:keysib|smtpsib)-[a-f0-9]{64}-[A-Za-z0-9]{16}' },
  { id: 'new_relic', vendor: 'New Relic insert and browser keys (NRII-, NRJS-)', prefixes: ['nrii-', 'nrjs-'], body: 'NR(?:II-[A-Za-z0-9-]{32}|JS-[a-f0-9]{19})' },
  { id: 'artifactory', vendor: 'JFrog Artifactory API keys (AKCp) and reference tokens (cmVmdGtu)', prefixes: ['akcp', 'cmvmdgtu'], body: '(?:AKCp[A-Za-z0-9]{69}|cmVmdGtu[A-Za-z0-9]{56})' },
  { id: 'openshift', vendor: 'OpenShift user tokens (sha256~)', prefixes: ['sha256~'], body: 'sha256~[A-Za-z0-9_-]{43}' },
  { id: 'scalingo', vendor: 'Scalingo API tokens (tk-us-)', prefixes: ['tk-us-'], body: 'tk-us-[A-Za-z0-9_-]{48}' },
  { id: 'flyio', vendor: 'Fly.io access tokens (fo1_, fm1a_, fm1r_, fm2_)', prefixes: ['fo1_', 'fm1', 'fm2_'], body: '(?:fo1_[A-Za-z0-9_-]{43}|fm1[ar]_[A-Za-z0-9+/]{100,}={0,3}|fm2_[A-Za-z0-9+/]{100,}={0,3})' },
  { id: 'doppler_personal', vendor: 'Doppler personal tokens (dp.pt.)', prefixes: ['dp.pt.'], body: 'dp\\.pt\\.[A-Za-z0-9]{43}' },
  { id: 'alibaba', vendor: 'Alibaba Cloud access key ids (LTAI)', prefixes: ['ltai'], body: 'LTAI[A-Za-z0-9]{20}' },
  { id: 'facebook', vendor: 'Facebook/Meta access tokens (EAAB, EAAC, EAAG)', prefixes: ['eaa'], body: 'EAA[BCG][A-Za-z0-9]{100,}' },
  { id: 'hubspot', vendor: 'HubSpot private-app tokens (pat-na1-, pat-eu1-)', prefixes: ['pat-'], body: 'pat-(?:na|eu)[12]-[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}' },
  { id: 'notion', vendor: 'Notion integration tokens (ntn_, secret_)', prefixes: ['ntn_', 'secret_'], body: '(?:ntn_[0-9]{11}[A-Za-z0-9]{35}|secret_[A-Za-z0-9]{43})' },
  { id: 'mapbox', vendor: 'Mapbox secret tokens (sk.eyJ)', prefixes: ['sk.eyj'], body: 'sk\\.eyJ[A-Za-z0-9_-]{20,}\\.[A-Za-z0-9_-]{20,}' },
  { id: 'cloudflare_origin_ca', vendor: 'Cloudflare Origin CA keys (v1.0-)', prefixes: ['v1.0-'], body: 'v1\\.0-[a-f0-9]{24}-[a-f0-9]{146}' },
  { id: 'groq', vendor: 'Groq API keys (gsk_)', prefixes: ['gsk_'], body: 'gsk_[A-Za-z0-9]{52}' },
  { id: 'perplexity', vendor: 'Perplexity API keys (pplx-)', prefixes: ['pplx-'], body: 'pplx-[A-Za-z0-9]{48}' },
  { id: 'replicate', vendor: 'Replicate API tokens (r8_)', prefixes: ['r8_'], body: 'r8_[A-Za-z0-9]{37}' },
  { id: 'langsmith', vendor: 'LangSmith API keys (lsv2_pt_, lsv2_sk_)', prefixes: ['lsv2_'], body: 'lsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10}' },
  { id: 'xai', vendor: 'xAI API keys (xai-)', prefixes: ['xai-'], body: 'xai-[A-Za-z0-9]{80}' },
  { id: 'sourcegraph', vendor: 'Sourcegraph access tokens (sgp_)', prefixes: ['sgp_'], body: 'sgp_(?:[a-fA-F0-9]{16}|local)_[a-fA-F0-9]{40}' },
  { id: 'octopus_deploy', vendor: 'Octopus Deploy API keys (API-)', prefixes: ['api-'], body: 'API-[A-Z0-9]{26}' },
  { id: 'harness', vendor: 'Harness access tokens (pat., sat.)', prefixes: ['pat.', 'sat.'], body: '(?:pat|sat)\\.[A-Za-z0-9_-]{22}\\.[0-9a-f]{24}\\.[A-Za-z0-9]{20}' },
  { id: 'contentful', vendor: 'Contentful personal access tokens (CFPAT-)', prefixes: ['cfpat-'], body: 'CFPAT-[A-Za-z0-9_-]{43}' },
  { id: 'frameio', vendor: 'Frame.io API tokens (fio-u-)', prefixes: ['fio-u-'], body: 'fio-u-[A-Za-z0-9_=-]{64}' },
  { id: 'adobe', vendor: 'Adobe client secrets (p8e-)', prefixes: ['p8e-'], body: 'p8e-[A-Za-z0-9]{32}', anyCase: true },
  { id: 'dropbox', vendor: 'Dropbox short-lived access tokens (sl.)', prefixes: ['sl.'], body: 'sl\\.(?:u\\.)?[A-Za-z0-9_=-]{130,}' },
  { id: 'plaid', vendor: 'Plaid access tokens (access-sandbox-, access-development-, access-production-)', prefixes: ['access-'], body: 'access-(?:sandbox|development|production)-[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}' },
  { id: 'docker', vendor: 'Docker Hub personal access tokens (dckr_pat_)', prefixes: ['dckr_pat_'], body: 'dckr_pat_[A-Za-z0-9_-]{27,}' },
  { id: 'vercel', vendor: 'Vercel personal, integration, access, refresh and API tokens (vcp_, vci_, vca_, vcr_, vck_)', prefixes: ['vcp_', 'vci_', 'vca_', 'vcr_', 'vck_'], body: 'vc[pciark]_[A-Za-z0-9]{24,64}' },
  { id: 'figma', vendor: 'Figma personal access tokens (figd_)', prefixes: ['figd_'], body: 'figd_[A-Za-z0-9_-]{40,}' },
  { id: 'cloudflare', vendor: 'Cloudflare user and account API tokens (cfut_, cfat_, cfk_)', prefixes: ['cfut_', 'cfat_', 'cfk_'], body: 'cf(?:ut|at|k)_[A-Za-z0-9]{40,64}' },
  { id: 'square', vendor: 'Square production access tokens (EAAA + 60 characters)', prefixes: ['eaaa'], body: 'EAAA[A-Za-z0-9_-]{60}' },
  { id: 'yandex', vendor: 'Yandex Cloud API keys (AQVN) and IAM tokens (t1.)', prefixes: ['aqvn'], body: 'AQVN[A-Za-z0-9_-]{35,38}' },
];

/**
 * The prefixed vendors as two detectors (exact case, and any case), one alternation each: a scan
 * pays per detector, so forty vendors cost what two do. The rows above stay the data and the docs.
 */
function prefixedDetector(anyCase: boolean): Detector {
  const rows = PREFIXED_VENDORS.filter((v) => (v.anyCase ?? false) === anyCase);
  return {
    id: anyCase ? 'tier1.vendor_token.any_case' : 'tier1.vendor_token.prefixed',
    anchor: { literals: rows.flatMap((v) => v.prefixes), notAfter: TOKEN_CHAR },
    type: 'GENERIC_SECRET',
    secret: true,
    description: `Vendor tokens with fixed prefixes: ${rows.map((v) => v.vendor).join('; ')}`,
    pattern: new RegExp(`(?<![${TOKEN_CHAR}])(?:${rows.map((v) => v.body).join('|')})(?![${TOKEN_CHAR}])`, anyCase ? 'gi' : 'g'),
    validator: randomToken,
    score: 0.95,
  };
}

/**
 * Discord's user id, base64-encoded, as the first part of a bot token: a decimal snowflake. A token
 * whose first part does not decode so (made up, or a newer format) still counts when it looks random.
 */
function discordTokenValid({ value }: Candidate): boolean | number {
  const first = value.slice(0, value.indexOf('.'));
  try {
    if (/^\d{17,20}$/.test(atob(first.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (first.length % 4)) % 4)))) return 0.97;
  } catch {
    // not base64: judged by its shape below
  }
  return !looksLikePlaceholder(value) && characterClasses(value) >= 3 && shannonEntropy(value) >= 4;
}

/** The 64 characters before a match name the vendor (keeps bare UUIDs and hex ids out). */
const vendorNamedBefore =
  (vendor: RegExp) =>
  ({ text, start, value }: Candidate): boolean =>
    vendor.test(text.slice(Math.max(0, start - 64), start)) && !looksLikePlaceholder(value);

export const VENDOR_SECRET_DETECTORS: readonly Detector[] = [
  prefixedDetector(false),
  prefixedDetector(true),
  {
    id: 'tier1.vendor.discord_bot_token',
    anchor: { runs: ['capitals'], first: 'MNO', notAfter: TOKEN_CHAR },
    type: 'GENERIC_SECRET',
    secret: true,
    description: 'Discord bot tokens (base64 user id . 6 . 27+), after detect-secrets',
    pattern: /(?<![A-Za-z0-9_-])[MNO][A-Za-z0-9_-]{22,27}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,40}(?![A-Za-z0-9_-])/g,
    validator: discordTokenValid,
    score: 0.93,
    examples: ['MTk4NjIyNDgzNDcxOTI1MjQ4.Cl2FMQ.ZnCjm1XVW7vRze4b7Cq4se7kKWs'],
  },
  {
    id: 'tier1.vendor.discord_webhook',
    anchor: { literals: ['https://discord'] },
    type: 'GENERIC_SECRET',
    secret: true,
    description: 'Discord webhook URLs (id and token)',
    pattern: /https:\/\/(?:ptb\.|canary\.)?discord(?:app)?\.com\/api\/webhooks\/\d{17,20}\/[A-Za-z0-9_-]{60,80}/g,
    validator: randomToken,
    score: 0.95,
  },
  {
    id: 'tier1.vendor.teams_webhook',
    anchor: { literals: ['https://'] },
    type: 'GENERIC_SECRET',
    secret: true,
    description: 'Microsoft Teams incoming webhook URLs (webhook.office.com/webhookb2/…)',
    pattern: /https:\/\/[a-z0-9-]{1,40}\.webhook\.office\.com\/webhookb2\/[a-f0-9-]{36}@[a-f0-9-]{36}\/IncomingWebhook\/[a-f0-9]{32}\/[a-f0-9-]{36}/g,
    score: 0.95,
  },
  {
    id: 'tier1.vendor.azure_ad_client_secret',
    anchor: { literals: ['q~'], window: [-4, -4], notAfter: 'A-Za-z0-9_~.-' },
    type: 'GENERIC_SECRET',
    secret: true,
    description: 'Azure AD (Entra ID) application client secrets (3 characters, a digit, Q~, 31-34 characters)',
    pattern: /(?<![A-Za-z0-9_~.-])[A-Za-z0-9_~.]{3}\dQ~[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])/g,
    validator: randomToken,
    score: 0.95,
    examples: ['Hsy8Q~hCHpRw1x.wdUsCv7oIu8ADHS-XHIi6qcHN'],
  },
  {
    id: 'tier1.vendor.azure_sas_signature',
    anchor: { literals: ['sig='], notAfter: 'A-Za-z0-9_' },
    type: 'GENERIC_SECRET',
    secret: true,
    description: 'Azure shared access signatures (the sig= of a SAS token or URL, next to sv=/se=/sp=)',
    pattern: /\bsig=([A-Za-z0-9%+/]{30,120}(?:=|%3D){0,2})/dgi,
    group: 1,
    validator: ({ text, start, value }) => /[?&;]s[veprt]=/.test(text.slice(Math.max(0, start - 200), start)) && shannonEntropy(value) >= 4,
    score: 0.93,
  },
  {
    id: 'tier1.vendor.heroku_api_key',
    anchor: { literals: ['heroku'] },
    type: 'GENERIC_SECRET',
    secret: true,
    description: 'Heroku API keys (a UUID assigned to a heroku-named key; bare UUIDs are never secrets)',
    pattern: /heroku[A-Za-z0-9_.-]{0,24}["']?[ \t]{0,3}(?:=|:=|:|=>)[ \t]{0,3}["']?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})(?![0-9a-fA-F-])/dgi,
    group: 1,
    validator: ({ value }) => !looksLikePlaceholder(value),
    score: 0.9,
  },
  {
    id: 'tier1.vendor.datadog_key',
    anchor: { runs: ['words'], first: '0-9a-f', notAfter: TOKEN_CHAR },
    type: 'GENERIC_SECRET',
    secret: true,
    description: 'Datadog API keys (32 hex) and application keys (40 hex) next to Datadog words (datadog, DD_API_KEY, DD_APP_KEY)',
    pattern: /(?<![A-Za-z0-9_-])[a-f0-9]{32}(?:[a-f0-9]{8})?(?![A-Za-z0-9_-])/g,
    keywords: ['datadog', 'dd_api', 'dd_app', 'dd-api', 'dd-app'],
    keywordsCaseInsensitive: true,
    // The Datadog word on the value's own line: a git SHA on the line above a DD_API_KEY is not one.
    validator: (c) => vendorNamedBefore(/(?:datadog|(?<![a-z])dd[_-]?(?:api|app))[^\n]*$/i)(c) && shannonEntropy(c.value) >= 3,
    score: 0.9,
    examples: ['datadog api key 4f9a1c2e3b4d4e5f8a9b0c1d2e3f4a5b'],
  },
  {
    id: 'tier1.vendor.okta_token',
    anchor: { runs: ['digits'], first: '0', digitRun: [2, 42], notAfter: TOKEN_CHAR },
    type: 'GENERIC_SECRET',
    secret: true,
    description: 'Okta API tokens (00 + 40 characters) next to the word okta',
    pattern: /(?<![A-Za-z0-9_-])00[A-Za-z0-9_-]{40}(?![A-Za-z0-9_-])/g,
    validator: (c) => vendorNamedBefore(/okta/i)(c) && characterClasses(c.value) >= 3,
    score: 0.9,
  },
];
