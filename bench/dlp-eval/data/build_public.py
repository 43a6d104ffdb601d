"""
Builds bench/dlp-eval/data/public.jsonl from labelled data that other projects publish, read from
local git mirrors of their repositories at the commits named in each source's README.md. Only data
is taken (strings, offsets, labels); no code of theirs is copied or run, except that the
detect-secrets keyword fixtures are module-level str.format() constants, which are evaluated with
nothing but the string constants in scope.

  python3 bench/dlp-eval/data/build_public.py --presidio-research MIRROR --presidio MIRROR \
      --detect-secrets MIRROR --gitleaks MIRROR --names MIRROR
writes public.jsonl and public-names.jsonl

Record: {"id", "text", "spans": [{"start","end","type"}], "source",
         "negatives": [{"start","end"}]   spans that must not be reported (hard negatives),
         "ignore": [{"start","end"}]      labelled by the source as something outside our
                                          vocabulary or as a weak/uncertain match: predictions
                                          inside are neither right nor wrong,
         "scope": ["TYPE", ...]           fixtures that only know about some types: predictions
                                          of other types are not scored in that document}
libphonenumber examples are added by public_phones.mjs (it needs the npm package).
"""
import argparse
import ast
import json
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
EXTRACT = HERE / 'extract_pytest_params.py'

SECRET_SCOPE = ['GENERIC_SECRET', 'URL_PASSWORD', 'AWS_ACCESS_KEY', 'AWS_SECRET_KEY', 'GITHUB_TOKEN', 'GITLAB_TOKEN',
                'GOOGLE_API_KEY', 'GOOGLE_OAUTH_TOKEN', 'NPM_TOKEN', 'OPENAI_API_KEY', 'ANTHROPIC_API_KEY',
                'SLACK_TOKEN', 'STRIPE_KEY', 'JWT', 'PRIVATE_KEY']


def show(mirror: str, path: str) -> str:
    return subprocess.run(['git', '-C', mirror, 'show', f'HEAD:{path}'], check=True, capture_output=True, text=True).stdout


def params(mirror: str, path: str) -> list:
    out = subprocess.run([sys.executable, str(EXTRACT)], input=show(mirror, path), check=True, capture_output=True, text=True).stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]


# --- microsoft/presidio-research: synthetic sentences with entity spans -----------------------
PR_GOLD = {'PERSON': 'PERSON', 'CREDIT_CARD': 'CREDIT_CARD', 'PHONE_NUMBER': 'PHONE', 'EMAIL_ADDRESS': 'EMAIL',
           'IBAN_CODE': 'IBAN', 'US_SSN': 'US_SSN', 'IP_ADDRESS': 'IP_ADDRESS', 'US_DRIVER_LICENSE': 'DRIVER_LICENSE'}
# Organisations, places and nationalities: names that are not people's (hard negatives).
PR_NEGATIVE = {'ORGANIZATION', 'GPE', 'LOCATION', 'NRP'}
# Outside our vocabulary (addresses, generic dates, ages, domains, titles): not scored.
PR_IGNORE = {'STREET_ADDRESS', 'ADDRESS', 'ZIP_CODE', 'DATE_TIME', 'AGE', 'DOMAIN_NAME', 'TITLE', 'PREFIX'}


def presidio_research(mirror: str, path: str, tag: str, limit: int | None):
    data = json.loads(show(mirror, path))
    for i, sample in enumerate(data[:limit]):
        rec = {'id': f'presidio-research/{tag}/{i}', 'text': sample['full_text'], 'spans': [], 'negatives': [], 'ignore': [],
               'source': f'presidio-research:{path}'}
        for s in sample['spans']:
            span = {'start': s['start_position'], 'end': s['end_position']}
            t = s['entity_type']
            if t in PR_GOLD:
                rec['spans'].append({**span, 'type': PR_GOLD[t]})
            elif t in PR_NEGATIVE:
                rec['negatives'].append({**span, 'kind': t.lower()})
            else:
                rec['ignore'].append(span)
        yield rec


# --- microsoft/presidio: recognizer unit-test cases (text, expected positions, score ranges) ---
PRESIDIO_TESTS = {
    'test_credit_card_recognizer.py': 'CREDIT_CARD', 'test_email_recognizer.py': 'EMAIL', 'test_iban_recognizer.py': 'IBAN',
    'test_ip_recognizer.py': 'IP_ADDRESS', 'test_phone_recognizer.py': 'PHONE', 'test_us_ssn_recognizer.py': 'US_SSN',
    'test_us_driver_license_recognizer.py': 'DRIVER_LICENSE', 'test_us_passport_recognizer.py': 'US_PASSPORT',
    # Dates found by a date recognizer with no birth context: ordinary dates, so DATE_OF_BIRTH negatives.
    'test_date_recognizer.py': 'DATE_OF_BIRTH',
}


def presidio_tests(mirror: str):
    for file, our_type in PRESIDIO_TESTS.items():
        for i, row in enumerate(params(mirror, f'presidio-analyzer/tests/{file}')):
            text = row.get('text', row.get('iban'))
            positions = row.get('expected_positions', row.get('expected_res'))
            if not isinstance(text, str) or positions is None:
                continue
            ranges = row.get('expected_score_ranges') or []
            if not positions and row.get('expected_len') == 1:
                positions = [(0, len(text))]  # one match expected, position not given: the whole text
            rec = {'id': f'presidio/{file[5:-3]}/{i}', 'text': text, 'spans': [], 'negatives': [], 'ignore': [], 'scope': [our_type],
                   'source': f'presidio:presidio-analyzer/tests/{file}'}
            if our_type == 'DATE_OF_BIRTH':
                rec['negatives'] = [{'start': a, 'end': b, 'kind': 'ordinary_date'} for a, b in positions]
                yield rec
                continue
            for k, (a, b) in enumerate(positions):
                top = ranges[k][1] if k < len(ranges) else 'max'
                # Presidio's own "very weak" matches (best score below 0.5) are guesses, not labels.
                target = rec['spans'] if top == 'max' or top >= 0.5 else rec['ignore']
                target.append({'start': a, 'end': b, **({'type': our_type} if target is rec['spans'] else {})})
            if row.get('expected_len') == 0:
                rec['negatives'].append({'start': 0, 'end': len(text), 'kind': f'not_{our_type.lower()}'})
            yield rec


# --- Yelp/detect-secrets: plugin fixtures (payload, should_flag) and keyword fixtures ---------
DS_TYPES = {'aws_key': 'AWS_ACCESS_KEY', 'github_token': 'GITHUB_TOKEN', 'gitlab_token': 'GITLAB_TOKEN', 'jwt': 'JWT',
            'npm': 'NPM_TOKEN', 'openai': 'OPENAI_API_KEY', 'stripe_key': 'STRIPE_KEY', 'slack': 'SLACK_TOKEN',
            'basic_auth': 'URL_PASSWORD', 'ip_public': 'IP_ADDRESS', 'private_key': 'PRIVATE_KEY'}
DS_SKIP = {'base', 'high_entropy_strings', 'ibm_cos_hmac', 'keyword'}


PLACEHOLDER = re.compile(r'(.)\1{3}|\$\{[\w.]+\}|\{\{\s*[\w.$ ]+\s*\}\}|<[\w .:-]+>')
# For a value that should be a secret: six equal letters, digits, * or # in a row (not the dashes of a PEM header).
PLACEHOLDER_VALUE = re.compile(r'([A-Za-z0-9*#])\1{5}|\$\{[\w.]+\}|\{\{\s*[\w.$ ]+\s*\}\}|<[\w .:-]+>')


def secret_span(plugin: str, payload: str):
    """Where the secret is in a flagged payload: the password of a URL, the value of an assignment, or the token."""
    if plugin == 'basic_auth':
        m = re.search(r'://[^:/@\s]*:([^@\s]+)@', payload)
        return (m.start(1), m.end(1)) if m else None
    if plugin == 'private_key' or '-----BEGIN' in payload:
        return (0, len(payload.rstrip()))
    m = re.search(r'[=:]\s*["\'`]?([^"\'`\s=:][^"\'`\s]*)["\'`]?\s*[,;]?\s*$', payload)
    if m and len(m.group(1)) >= 8:
        return (m.start(1), m.end(1))
    tokens = [(t.start(), t.end()) for t in re.finditer(r'\S+', payload)]
    return max(tokens, key=lambda t: t[1] - t[0]) if tokens else None


def detect_secrets(mirror: str):
    files = subprocess.run(['git', '-C', mirror, 'ls-tree', '--name-only', 'HEAD', 'tests/plugins/'], check=True, capture_output=True, text=True).stdout.split()
    for path in files:
        plugin = Path(path).name.removesuffix('_test.py')
        if plugin in DS_SKIP or not path.endswith('_test.py'):
            continue
        our_type = DS_TYPES.get(plugin, 'GENERIC_SECRET')
        scope = ['IP_ADDRESS'] if our_type == 'IP_ADDRESS' else SECRET_SCOPE
        for i, row in enumerate(params(mirror, path)):
            payload = row.get('payload', row.get('line', row.get('file_content')))
            if not isinstance(payload, str) or not payload.strip():
                continue
            flag = row.get('should_flag', True)
            rec = {'id': f'detect-secrets/{plugin}/{i}', 'text': payload, 'spans': [], 'negatives': [], 'scope': scope,
                   'source': f'detect-secrets:{path}'}
            if flag:
                span = secret_span(plugin, payload)
                # Visible placeholders (AP6xxxxxxxxxx, AKIAZZZZ…) test a regex, not a secret; the
                # gitleaks placeholders are negatives, so these are left out rather than positives.
                if not span or PLACEHOLDER_VALUE.search(payload[span[0]:span[1]]):
                    continue
                rec['spans'].append({'start': span[0], 'end': span[1], 'type': our_type})
            elif plugin == 'basic_auth':
                rec['negatives'].append({'start': 0, 'end': len(payload), 'kind': 'url_without_password'})
            else:
                # "Not a <vendor> key" (wrong length, private IP for a public-IP plugin) is not
                # "not sensitive" in our vocabulary, so other plugins' unflagged payloads are not negatives.
                continue
            yield rec
    yield from detect_secrets_keywords(mirror)


def detect_secrets_keywords(mirror: str):
    """keyword_test.py: module-level lists of (line, secret-or-None), built with str.format on constants."""
    path = 'tests/plugins/keyword_test.py'
    tree = ast.parse(show(mirror, path))
    scope: dict = {}
    for node in tree.body:
        if not (isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)):
            continue
        name = node.targets[0].id
        if not name.isupper() or name == 'LONG_LINE':
            continue
        # Only string constants, str.format and earlier constants are in scope; no builtins. A list
        # is evaluated element by element, so one element built from code (LONG_LINE) drops alone.
        parts = node.value.elts if isinstance(node.value, ast.List) else [node.value]
        values = []
        for part in parts:
            try:
                values.append(eval(compile(ast.Expression(part), path, 'eval'), {'__builtins__': {}}, dict(scope)))
            except Exception:
                continue
        if isinstance(node.value, ast.List):
            scope[name] = values
        elif values:
            scope[name] = values[0]
    n = 0
    for name, cases in scope.items():
        if not name.endswith('_TEST_CASES') or not isinstance(cases, list):
            continue
        for case in cases:
            if not (isinstance(case, tuple) and len(case) >= 2 and isinstance(case[0], str)):
                continue
            line, secret = case[0], case[1]
            rec = {'id': f'detect-secrets/keyword/{n}', 'text': line, 'spans': [], 'negatives': [], 'scope': SECRET_SCOPE,
                   'source': f'detect-secrets:{path}:{name}'}
            n += 1
            if isinstance(secret, str) and secret in line:
                a = line.index(secret)
                rec['spans'].append({'start': a, 'end': a + len(secret), 'type': 'GENERIC_SECRET'})
            elif secret is None and re.search(r'["\'`]{2}|fake|\$\{\w+\}', line) and not any(isinstance(v, str) and len(v) >= 8 and v in line for v in scope.values()):
                # Empty values, fake values, references: not secrets. Lines left unflagged for that
                # tool's own reasons (a quote mismatch, a name it finds too noisy) are dropped.
                rec['negatives'].append({'start': 0, 'end': len(line), 'kind': 'secret_name_without_secret'})
            else:
                continue
            yield rec


# --- gitleaks/gitleaks: the rules' false-positive fixtures (allow-listed look-alikes) ----------
# Rules whose fixtures list well-formed keys allowed for reasons a DLP cannot know (published
# browser keys, length quirks): a DLP that reports them is not wrong, so they are not negatives.
GITLEAKS_REAL_FORMAT = {'gcp', 'anthropic'}  # (also excluded by the placeholder rule below)


def gitleaks(mirror: str):
    files = subprocess.run(['git', '-C', mirror, 'ls-tree', '--name-only', 'HEAD', 'cmd/generate/config/rules/'], check=True, capture_output=True, text=True).stdout.split()
    n = 0
    for path in files:
        if not path.endswith('.go') or path.endswith('_test.go') or Path(path).stem in GITLEAKS_REAL_FORMAT:
            continue
        in_fps = False
        for line in show(mirror, path).splitlines():
            if re.match(r'\s*fps\s*:?=\s*(\[\]string\{|append\(fps,)\s*$', line):
                in_fps = True
                continue
            if in_fps and re.match(r'\s*[})]', line):
                in_fps = False
                continue
            if not in_fps:
                continue
            # Only whole one-line literals; anything built with + or a helper is code, not data.
            m = re.match(r'\s*`([^`]+)`,\s*(//.*)?$', line) or re.match(r'\s*"((?:[^"\\]|\\.)+)",\s*(//.*)?$', line)
            if not m:
                continue
            text = m.group(1)
            if line.strip().startswith('"'):
                text = json.loads('"' + text + '"')
            if len(text.strip()) < 6:
                continue
            # Generic rules' fixtures are look-alikes by context; a vendor rule's fixture is only a
            # negative when it is visibly a placeholder (xxxx, ####, ${...}, {{...}}, <...>).
            if Path(path).stem not in ('generic', 'curl') and not PLACEHOLDER.search(text):
                continue
            yield {'id': f'gitleaks/{Path(path).stem}/{n}', 'text': text, 'spans': [], 'negatives': [{'start': 0, 'end': len(text), 'kind': 'secret_lookalike'}],
                   'scope': SECRET_SCOPE, 'source': f'gitleaks:{path}'}
            n += 1


# --- presidio-research templates filled with sigpwned/popular-names-by-country-dataset (CC0) ----
NAME_SLOTS = {'person', 'name', 'name_female', 'name_male', 'first_name', 'first_name_male', 'first_name_female',
              'first_name_nonbinary', 'last_name', 'last_name_male', 'last_name_female'}
NEGATIVE_SLOTS = {'organization', 'country', 'nationality', 'nation_woman', 'nation_man', 'nation_plural'}
PREFIX_SLOTS = {'prefix', 'prefix_male', 'prefix_female'}
PREFIXES = {'prefix': ['Mr.', 'Ms.', 'Dr.', 'Mx.'], 'prefix_male': ['Mr.', 'Dr.'], 'prefix_female': ['Ms.', 'Mrs.', 'Dr.']}


def csv_rows(mirror: str, path: str) -> list:
    import csv
    import io
    return list(csv.DictReader(io.StringIO(show(mirror, path).lstrip('\ufeff'))))


def names_in_templates(research: str, names: str, fills_per_template: int = 40):
    """Presidio's own chat templates (only those whose slots are names, organisations and countries),
    with people's names from 106 countries (romanised forms) instead of Faker's."""
    import random
    rnd = random.Random(14)
    forenames = [r['Romanized Name'].strip() for r in csv_rows(names, 'common-forenames-by-country.csv') if r['Romanized Name'].strip()]
    by_country: dict = {}
    for r in csv_rows(names, 'common-surnames-by-country.csv'):
        if r['Romanized Name'].strip():
            by_country.setdefault(r['Country'], []).append(r['Romanized Name'].strip())
    given_by_country: dict = {}
    for r in csv_rows(names, 'common-forenames-by-country.csv'):
        if r['Romanized Name'].strip():
            given_by_country.setdefault(r['Country'], []).append(r['Romanized Name'].strip())
    surnames = [n for ns in by_country.values() for n in ns]
    paired = [c for c in by_country if c in given_by_country]
    orgs = [r['organization'] for r in csv_rows(research, 'presidio_evaluator/data_generator/raw_data/companies_and_organizations.csv')]
    nat = csv_rows(research, 'presidio_evaluator/data_generator/raw_data/nationalities.csv')
    negatives = {'organization': orgs, 'country': [r['country'].title() for r in nat], 'nationality': [r['nationality'].title() for r in nat],
                 'nation_woman': [r['woman'].title() for r in nat], 'nation_man': [r['man'].title() for r in nat], 'nation_plural': [r['plural'].title() for r in nat]}
    templates = []
    for line in show(research, 'presidio_evaluator/data_generator/raw_data/templates.txt').splitlines():
        slots = re.findall(r'{{(\w+)}}', line)
        if slots and all(x in NAME_SLOTS | NEGATIVE_SLOTS | PREFIX_SLOTS for x in slots) and any(x in NAME_SLOTS for x in slots):
            templates.append(line.strip())
    n = 0
    for t_index, template in enumerate(templates):
        for _ in range(fills_per_template):
            text, spans, negs, pos = '', [], [], 0
            for m in re.finditer(r'{{(\w+)}}', template):
                text += template[pos:m.start()]
                slot = m.group(1)
                if slot in ('person', 'name', 'name_female', 'name_male'):
                    c = rnd.choice(paired)
                    value = f"{rnd.choice(given_by_country[c])} {rnd.choice(by_country[c])}"
                elif slot.startswith('first_name'):
                    value = rnd.choice(forenames)
                elif slot.startswith('last_name'):
                    value = rnd.choice(surnames)
                elif slot in PREFIX_SLOTS:
                    value = rnd.choice(PREFIXES[slot])
                else:
                    value = rnd.choice(negatives[slot])
                if slot in NAME_SLOTS:
                    spans.append({'start': len(text), 'end': len(text) + len(value), 'type': 'PERSON'})
                elif slot in NEGATIVE_SLOTS:
                    negs.append({'start': len(text), 'end': len(text) + len(value), 'kind': 'organisation' if slot == 'organization' else 'place_or_nationality'})
                text += value
                pos = m.end()
            text += template[pos:]
            yield {'id': f'names-in-templates/{t_index}/{n}', 'text': text, 'spans': spans, 'negatives': negs,
                   'source': 'presidio-research:templates.txt + popular-names-by-country-dataset'}
            n += 1


def main() -> None:
    ap = argparse.ArgumentParser()
    for name in ('--presidio-research', '--presidio', '--detect-secrets', '--gitleaks'):
        ap.add_argument(name, required=True)
    ap.add_argument('--names', required=True, help='mirror of sigpwned/popular-names-by-country-dataset')
    ap.add_argument('--out', default=str(HERE / 'public.jsonl'))
    a = ap.parse_args()
    with open(HERE / 'public-names.jsonl', 'w', encoding='utf-8') as out:
        for r in names_in_templates(a.presidio_research, a.names):
            out.write(json.dumps(r, ensure_ascii=False) + '\n')
    records = [
        *presidio_research(a.presidio_research, 'data/synth_dataset_v2.json', 'synth_v2', None),
        *presidio_research(a.presidio_research, 'tests/data/generated_large.json', 'generated_large', 1000),
        *presidio_tests(a.presidio),
        *detect_secrets(a.detect_secrets),
        *gitleaks(a.gitleaks),
    ]
    with open(a.out, 'w', encoding='utf-8') as out:
        for r in records:
            for k in ('negatives', 'ignore'):
                if k in r and not r[k]:
                    del r[k]
            out.write(json.dumps(r, ensure_ascii=False) + '\n')
    print(f'{len(records)} records -> {a.out}', file=sys.stderr)


main()
