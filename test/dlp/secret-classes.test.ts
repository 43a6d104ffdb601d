/**
 * Secrets in code and config by class (issue 14): Django keys whatever their quotes, XML config
 * attributes, CLI flags, value-first comparisons, backquoted values, brackets inside random values,
 * vendor prefixes (GitLab, npm .npmrc, PyPI, Mailchimp), unsigned JWTs; and what is not a secret:
 * references and templates, YAML aliases, host names, masked samples, empty PEM templates, UUIDs.
 */
import { describe, expect, it } from 'vitest';
import { compileDlp, scanText } from '../../worker/dlp/index.js';
import { settingsWith } from './fixtures.js';

const dlp = compileDlp(settingsWith({}));
const SECRET_TYPES = new Set(['GENERIC_SECRET', 'URL_PASSWORD', 'NPM_TOKEN', 'GITLAB_TOKEN', 'JWT', 'PRIVATE_KEY', 'SLACK_TOKEN']);
const secrets = (text: string) => scanText(dlp, text).filter((m) => SECRET_TYPES.has(m.type)).map((m) => text.slice(m.start, m.end));

describe('secrets in code and config', () => {
  it.each([
    ["SECRET_KEY = \"9*9fet*=zo4)=bwd2=+qw^=lgz_9-!sa8k_4_+u*m4a3wa+@n3'", '9*9fet*=zo4)=bwd2=+qw^=lgz_9-!sa8k_4_+u*m4a3wa+@n3'],
    ['DJANGO_SECRET_KEY=@h9wou(w2g+w-9w)xl-uc)y2+jk^a9#2dr^xb&zu4p^3ws1jog', '@h9wou(w2g+w-9w)xl-uc)y2+jk^a9#2dr^xb&zu4p^3ws1jog'],
    ['<add key="DB_PASSWORD" value="kOoMRqkGW7okG0E7sOWpTUbv" />', 'kOoMRqkGW7okG0E7sOWpTUbv'],
    ['<add key="client_secret" value="kiV6oGPnlOrCqEf1HAgdR" />', 'kiV6oGPnlOrCqEf1HAgdR'],
    ['pg_dump --webhook-secret Talcon5819* \\', 'Talcon5819*'],
    ['mysql --password=YTB453djvg%22 -h db', 'YTB453djvg%22'],
    ['if ("Xk9#pL2mQw7" == db_password) {', 'Xk9#pL2mQw7'],
    ['if (api_key === "m{{h}o)p${e]nob(ody[finds>-_$#thisone}}") {', 'm{{h}o)p${e]nob(ody[finds>-_$#thisone}}'],
    ['apiKey := `k9#Lm2xQ7pZ`', 'k9#Lm2xQ7pZ'],
    ["apiKey = 'Etter5837?'", 'Etter5837?'],
    ['char secret[25] = "Tr0ub4dor&3xyz";', 'Tr0ub4dor&3xyz'],
    ['AccountKey=lJzRc1YdHaAA2KCNJJ1tkYwF/+mKK6Ygw0NGe170Xu592euJv2wYUtBlV8z+qnlcNQSnIYVTkLWntUO1F8j8rQ==', 'lJzRc1YdHaAA2KCNJJ1tkYwF/+mKK6Ygw0NGe170Xu592euJv2wYUtBlV8z+qnlcNQSnIYVTkLWntUO1F8j8rQ=='],
    ['mysql://backup:*hHbSc3c4jLxodTiOgXZyz9P1b@mongo-a.larkspur.io:3306', '*hHbSc3c4jLxodTiOgXZyz9P1b'],
  ])('finds the secret in %j', (text, value) => {
    expect(secrets(text)).toContain(value);
  });

  it.each([
    ['//registry.npmjs.org/:_authToken=743b294a-cd03-11ec-9d64-0242ac120002', '743b294a-cd03-11ec-9d64-0242ac120002'],
    ['token: glimt-my-tokens_are-correctAB38', 'glimt-my-tokens_are-correctAB38'],
    ['GR1348941PREfix_helloworld380', 'GR1348941PREfix_helloworld380'],
    ['343ea45721923ed956e2b38c31db76aa-us30', '343ea45721923ed956e2b38c31db76aa-us30'],
    ['eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ', 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ'],
  ])('finds the vendor token in %j', (text, value) => {
    expect(secrets(text)).toEqual([value]);
  });

  it.each([
    'password = "%(PASSWORD)s"',
    'export PASSWORD=%(PASSWORD)s',
    'password: *db_password',
    'DB_PASSWORD=${DB_PASSWORD}',
    'client_secret: "{{ client_secret }}"',
    'Authentication-Results: 5h.ca.iphmx.com',
    '"token4": "xoxp-572370529330-573807301142-572331691188-####################"',
    '-----BEGIN OPENSSH PRIVATE KEY----------END OPENSSH PRIVATE KEY-----',
    '//registry.npmjs.org/:_authToken=${NPM_TOKEN}',
    'session_token: 3f2b8c1e-9a4d-4e7f-b2c1-7d8e9f0a1b2c',
    '<add key="PasswordMinLength" value="12" />',
    'run --token-file ./token.txt',
    'if (password == "") {',
  ])('finds no secret in %j', (text) => {
    expect(secrets(text)).toEqual([]);
  });
});
