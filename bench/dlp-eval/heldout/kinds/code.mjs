/**
 * Source code in several languages: credentials hard-coded in assignments, client constructors and
 * headers; test fixtures with people's data; and the ids, hashes and placeholders code is full of.
 */
import { NAMED_SECRETS, humanPassword, secrets, urlWithPassword } from '../values/secrets.mjs';
import { lookalikes, placeholder } from '../values/negatives.mjs';
import { birthDate } from '../values/dates.mjs';
import { phone } from '../values/phones.mjs';
import { card, ssn } from '../values/ids.mjs';
import { emailFor, names, person } from '../values/people.mjs';
import { val } from '../builder.mjs';

const pw = (rng) => val('GENERIC_SECRET', humanPassword(rng), 'password');

const LANGUAGES = {
  python: (rng, b) => {
    const [name, make] = rng.pick(NAMED_SECRETS);
    b.add(['import os\nimport requests\n\n', `${name} = "`, make(rng), '"\n', `FALLBACK_TOKEN = os.environ.get("API_TOKEN", "`, placeholder(rng), '")\n\n']);
    b.add(['def fetch_orders(since):\n    resp = requests.get(\n        "https://api.tallyhq.com/v2/orders",\n        headers={"Authorization": f"Bearer ', secrets.bearer(rng), '"},\n        params={"since": since, "cursor": "', lookalikes.requestId(rng), '"},\n    )\n    return resp.json()\n\n']);
    b.add(['conn = psycopg2.connect(host="db", user="etl", password="', pw(rng), '")\n']);
  },
  javascript: (rng, b) => {
    const [name, make] = rng.pick(NAMED_SECRETS);
    b.add([`// ${rng.pick(['TODO: move to vault', 'temporary, remove before release', 'test config'])}\nconst ${name.toLowerCase().replace(/_([a-z])/g, (_, c) => c.toUpperCase())} = '`, make(rng), "';\n"]);
    b.add(["const client = new Stripe('", secrets.stripe(rng), "', { apiVersion: '2024-06-20' });\n"]);
    b.add(["const mongo = await MongoClient.connect('", ...urlWithPassword(rng), "');\n"]);
    b.add(["const requestId = '", lookalikes.uuid(rng), "';\nconst apiKey = process.env.API_KEY ?? '", placeholder(rng), "';\n"]);
  },
  go: (rng, b) => {
    b.add(['package main\n\nconst (\n\tawsKeyID     = "', secrets.awsAccess(rng), '"\n\tawsSecretKey = "', secrets.awsSecret(rng), '"\n\tcommit       = "', lookalikes.gitSha(rng), '"\n)\n\n']);
    b.add(['func dsn() string {\n\treturn "', ...urlWithPassword(rng), '"\n}\n']);
  },
  java: (rng, b) => {
    b.add(['public class MailConfig {\n    private static final String SMTP_USER = "notifications";\n    private static final String SMTP_PASSWORD = "', pw(rng), '";\n']);
    b.add(['    private static final String SENDGRID_KEY = "', secrets.sendgrid(rng), '";\n    private static final String TEMPLATE_ID = "', lookalikes.uuid(rng), '";\n}\n']);
  },
  ruby: (rng, b) => {
    b.add(["Rails.application.configure do\n  config.secret_key_base = '", secrets.hexToken(rng), "'\n  config.x.slack_token = '", secrets.slack(rng), "'\nend\n"]);
  },
  php: (rng, b) => {
    b.add(["<?php\n$db = new PDO('mysql:host=localhost;dbname=shop', 'shop', '", pw(rng), "');\n$mailgun = '", secrets.mailgun(rng), "';\n$version = '", lookalikes.version(rng), "';\n"]);
  },
  csharp: (rng, b) => {
    b.add(['var conn = "Server=sql01;Database=Payroll;User Id=payroll_app;Password=', pw(rng), ';";\nvar storage = "DefaultEndpointsProtocol=https;AccountName=fernbankdata;AccountKey=', secrets.azureStorage(rng), ';EndpointSuffix=core.windows.net";\n']);
  },
  shell: (rng, b) => {
    b.add(['#!/usr/bin/env bash\nset -euo pipefail\nexport GITHUB_TOKEN=', secrets.github(rng), '\nexport NPM_TOKEN="', secrets.npm(rng), '"\n']);
    b.add(['curl -s -H "Authorization: Bearer ', secrets.jwt(rng), '" https://api.internal/v1/me\n']);
    b.add(['curl -u "deploy:', pw(rng), '" https://nexus.corp.lan/repository/releases/\n']);
    b.add(['echo "deploying ', lookalikes.gitSha(rng), '"\n']);
  },
  test: (rng, b) => {
    const p = person(rng, { latinOnly: true });
    b.add(["describe('customer import', () => {\n  const fixture = {\n    name: '", ...names.full(rng, p), "',\n    email: '", emailFor(rng, p, 'example.org'), "',\n    phone: '", phone(rng), "',\n    dob: '", birthDate(rng, 'iso'), "',\n"]);
    b.add(["    ssn: '", ssn(rng), "',\n    card: '", card(rng), "',\n    id: '", lookalikes.uuid(rng), "',\n  };\n});\n"]);
  },
  openai: (rng, b) => {
    b.add(['from openai import OpenAI\nfrom anthropic import Anthropic\n\nclient = OpenAI(api_key="', secrets.openai(rng), '")\nclaude = Anthropic(api_key="', secrets.anthropic(rng), '")\n']);
    b.add(['gmaps_key = "', secrets.google(rng), '"\nvault_token = "', secrets.vault(rng), '"\ngitlab = Gitlab(private_token="', secrets.gitlab(rng), '")\n']);
  },
};

export function sourceCode(rng, b) {
  const language = rng.pick(Object.keys(LANGUAGES));
  LANGUAGES[language](rng, b);
  if (rng.chance(0.08)) b.add(['\nPRIVATE_KEY = """', secrets.privateKey(rng), '"""\n']);
  return language;
}
