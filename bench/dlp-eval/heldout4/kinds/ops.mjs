/**
 * Operations snippets that carry credentials in less obvious places: command lines
 * (`mysql -p…`, `curl -u user:pass`), HTTP Basic headers, Kubernetes Secret manifests (base64 of
 * the password), .NET/Java XML config and .npmrc/.pypirc files, beside public keys, publishable
 * keys, hashes and placeholders that are not secrets.
 * @example
 * render(opsSnippet(rng)); // {text: '$ mysql -h db01 -u root -p\'…\' shop', spans, negatives}
 */
import { ipAddress } from '../ids.mjs';
import { decoy, secret, t } from '../marks.mjs';
import { person, personPiece } from '../names.mjs';
import { negative } from '../negatives.mjs';
import { genericVendor, passwordText, urlWithPassword, vendorKey } from '../secrets.mjs';

const base64 = (s) => Buffer.from(s).toString('base64');
const lines = (list) => list.flatMap((l, i) => (i ? ['\n', l] : [l]));

export function opsSnippet(rng) {
  const owner = person(rng);
  switch (rng.pick(['cli', 'basic', 'k8s', 'xml', 'rc'])) {
    case 'cli': return lines([
      t`# runbook step 4 (${personPiece(owner, 'lowercase-given')})`,
      t`$ mysql -h ${ipAddress(rng)} -u root -p'${secret('GENERIC_SECRET', 'cli-flag', passwordText(rng))}' shop < dump.sql`,
      t`$ curl -u admin:${secret('GENERIC_SECRET', 'cli-flag', passwordText(rng))} https://jenkins.internal/job/${negative(rng, 'build_number').text.replace(' ', '-')}/`,
      t`$ git checkout ${negative(rng, 'git_sha')}`,
      t`$ psql "${urlWithPassword(rng, rng.pick(['postgres', 'postgresql']))}" -c 'select 1'`,
    ]);
    case 'basic': return lines([
      t`POST /v1/charges HTTP/1.1`, t`Host: api.partner-co.com`,
      t`Authorization: Basic ${secret('GENERIC_SECRET', 'basic-auth', base64(`svc_billing:${passwordText(rng)}`))}`,
      t`Idempotency-Key: ${negative(rng, 'uuid')}`, t`X-Publishable-Key: ${negative(rng, 'publishable_key')}`, t`Content-Type: application/json`,
    ]);
    case 'k8s': return lines([
      t`apiVersion: v1`, t`kind: Secret`, t`metadata:`, t`  name: billing-db`, t`  annotations:`, t`    owner: ${personPiece(owner, 'full')}`, t`type: Opaque`, t`data:`,
      t`  username: ${decoy('base64_username', base64(rng.pick(['billing', 'svc_reports', 'postgres', 'app'])))}`, t`  password: ${secret('GENERIC_SECRET', 'k8s-base64', base64(passwordText(rng)))}`,
      t`  api-key: ${secret('GENERIC_SECRET', 'k8s-base64', base64(genericVendor(rng).piece.text))}`,
      t`# image digest ${negative(rng, 'sha256')}`,
    ]);
    case 'xml': return lines([
      t`<configuration>`, t`  <appSettings>`, t`    <add key="ApiKey" value="${vendorKey(rng).piece}" />`, t`    <add key="BuildId" value="${negative(rng, 'uuid')}" />`, t`  </appSettings>`,
      t`  <connectionStrings>`, t`    <add name="Main" connectionString="Server=sql01;Database=hr;User Id=sa;Password=${secret('GENERIC_SECRET', 'xml-connection-string', passwordText(rng))};" />`, t`  </connectionStrings>`,
      t`  <smtp><password>${secret('GENERIC_SECRET', 'xml-element', passwordText(rng))}</password></smtp>`, t`</configuration>`,
    ]);
    default: return lines([
      t`# ~/.npmrc`, t`//registry.npmjs.org/:_authToken=${vendorKey(rng, 'NPM_TOKEN').piece}`,
      t`# ~/.pypirc`, t`[pypi]`, t`username = __token__`, t`password = ${genericVendor(rng, 'pypi').piece}`,
      t`# ~/.ssh/authorized_keys`, t`${negative(rng, 'ssh_public_key')}`,
    ]);
  }
}
