"""
Builds bench/dlp-eval/data/public-secretlint.jsonl from secretlint's rule snapshots
(packages/@secretlint/secretlint-rule-*/test/snapshots/*/output.json: the fixture text as
`sourceContent` and each finding's character `range`), read from a git mirror at the commit in
README.md. Only data is taken; nothing of theirs is run.

  python3 bench/dlp-eval/data/secretlint/build.py --secretlint MIRROR

Method (why each step is there is in README.md):
- `ng.*` snapshots (the rule must report): one document per line that holds a reported range, so
  that unreported lines (comments, other vendors' keys the fixture does not label) are not scored.
  A range is used only if its text has the vendor's shape (some ranges in the snapshots point at
  the wrong characters: those findings, and their lines, are left out). Connection-string and
  basic-auth findings cover the whole URL; the label is the password inside it.
  Private-key snapshots whose finding covers the file are one document.
- A reported value with a run of ten or more of one character (`sk_live_AAAA…`) is `ignore`: a
  documentation placeholder, neither to be found nor to be faulted.
- `ok.*` snapshots of an allow-list (clearly not credentials): one document per non-comment line,
  the whole line a hard negative for the credential types (`scope`).
"""
import argparse
import json
import re
import subprocess
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / 'public-secretlint.jsonl'
SECRET_SCOPE = ['GENERIC_SECRET', 'URL_PASSWORD', 'AWS_ACCESS_KEY', 'AWS_SECRET_KEY', 'GITHUB_TOKEN', 'GITLAB_TOKEN',
                'GOOGLE_API_KEY', 'GOOGLE_OAUTH_TOKEN', 'NPM_TOKEN', 'OPENAI_API_KEY', 'ANTHROPIC_API_KEY',
                'SLACK_TOKEN', 'STRIPE_KEY', 'JWT', 'PRIVATE_KEY']

# rule -> (gateway type, shape the reported text must have). URL rules label the password.
RULES = {
    'anthropic': ('ANTHROPIC_API_KEY', r'sk-ant-'),
    'aws': ('AWS_ACCESS_KEY', r'(AKIA|ASIA)[A-Z0-9]{16}$'),
    'github': ('GITHUB_TOKEN', r'(gh[psoru]_|github_pat_)'),
    'gitlab': ('GITLAB_TOKEN', r'glpat-'),
    'openai': ('OPENAI_API_KEY', r'sk-'),
    'slack': ('SLACK_TOKEN', r'xox[a-z]-|xapp-'),
    'stripe': ('STRIPE_KEY', r'[sr]k_(live|test)_'),
    'npm': ('NPM_TOKEN', r'npm_[A-Za-z0-9]{36}$'),
    'privatekey': ('PRIVATE_KEY', r'-----BEGIN [A-Z ]*PRIVATE KEY-----'),
    'sendgrid': ('GENERIC_SECRET', r'SG\.'),
    'hashicorp-vault': ('GENERIC_SECRET', r'hv[sbr]\.'),
    'databricks': ('GENERIC_SECRET', r'dapi[0-9a-fA-F]'),
    'docker': ('GENERIC_SECRET', r'dckr_pat_'),
    'figma': ('GENERIC_SECRET', r'figd_'),
    'grafana': ('GENERIC_SECRET', r'gl(c|sa)_'),
    'groq': ('GENERIC_SECRET', r'gsk_'),
    'linear': ('GENERIC_SECRET', r'lin_api_'),
    'notion': ('GENERIC_SECRET', r'ntn_'),
    'shopify': ('GENERIC_SECRET', r'shp(ss|at|ca|pa)_'),
    'tailscale': ('GENERIC_SECRET', r'tskey-'),
    'vercel': ('GENERIC_SECRET', r'vc[pika]_|vc[a-z]_'),
    'cloudflare': ('GENERIC_SECRET', r'cf[auk]t?_'),
    '1password': ('GENERIC_SECRET', r'ops_'),
    'basicauth': ('URL_PASSWORD', r'[a-z][a-z0-9+.-]*://'),
    'database-connection-string': ('URL_PASSWORD', r'([a-z]+:)?[a-z][a-z0-9+.-]*://'),
}
# ok.* snapshots whose every line is plainly not a credential (checked by reading them).
OK_ALLOW = {('database-connection-string', 'ok.valid'), ('privatekey', 'placeholder-dots'), ('privatekey', 'placeholder-stars'),
            ('privatekey', 'placeholder-xxx'), ('tailscale', 'ok.valid'), ('stripe', 'ok.valid'),
            ('gitlab', 'ok.valid'), ('gitlab', 'ok.too_short'), ('slack', 'ok.valid'), ('docker', 'ok.valid')}
# Lines of allowed ok.* files that are arguable (a default password is still a password).
OK_LINE_SKIP = re.compile(r'IDENTICAL_CREDENTIALS|mongodb:mongodb|mysql:mysql|postgres:postgres@')
URL_PASSWORD = re.compile(r'://([^:/@\s]*):([^@\s]+)@[^@\s]*$')


def show(mirror, path):
    return subprocess.run(['git', '-C', mirror, 'show', f'HEAD:{path}'], check=True, capture_output=True, text=True).stdout


def placeholder_body(value):
    """A run of ten or more of one character: a documentation placeholder, not a key."""
    return re.search(r'(.)\1{9}', value) is not None


def label(rule, text, start, end):
    """(start, end) of the label inside the reported range, or None when the range is unusable."""
    gateway_type, shape = RULES[rule]
    value = text[start:end]
    if not re.match(shape, value):
        return None
    if gateway_type == 'URL_PASSWORD':
        m = URL_PASSWORD.search(value.rstrip('"\');,'))
        if not m or value.count('@') != 1 or not m.group(2):
            return None
        return start + m.start(2), start + m.end(2)
    return start, end


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--secretlint', required=True)
    mirror = ap.parse_args().secretlint
    files = subprocess.run(['git', '-C', mirror, 'ls-tree', '-r', '--name-only', 'HEAD'], check=True, capture_output=True, text=True).stdout.split('\n')
    snapshots = sorted(f for f in files if re.match(r'packages/@secretlint/secretlint-rule-[^/]+/test/snapshots/[^/]+/output\.json$', f))
    docs = []
    for path in snapshots:
        rule = path.split('secretlint-rule-')[1].split('/')[0]
        case = path.split('/')[-2]
        if rule not in RULES:
            continue
        snap = json.loads(show(mirror, path))
        text = snap.get('sourceContent') or ''
        if not text:
            continue
        gateway_type = RULES[rule][0]
        source = f'secretlint:{rule}/{case}'
        if snap['messages']:
            found = []
            for m in snap['messages']:
                s, e = m['range']
                got = label(rule, text, s, e)
                if got:
                    found.append(got)
            if rule == 'privatekey':
                if len(found) == 1 and found[0][1] - found[0][0] >= len(text.strip()) - 40:
                    s, e = found[0]
                    docs.append({'id': f'secretlint/{rule}/{case}', 'text': text, 'spans': [{'start': s, 'end': e, 'type': gateway_type}], 'scope': SECRET_SCOPE, 'source': source})
                continue
            offset = 0
            for n, line in enumerate(text.split('\n')):
                inside = [(s - offset, e - offset) for s, e in found if offset <= s and e <= offset + len(line)]
                reported = [m for m in snap['messages'] if offset <= m['range'][0] < offset + len(line) + 1]
                if inside and len(inside) == len(reported):
                    spans, ignore = [], []
                    for s, e in inside:
                        (ignore if placeholder_body(line[s:e]) else spans).append((s, e))
                    docs.append({'id': f'secretlint/{rule}/{case}/{n}', 'text': line,
                                 'spans': [{'start': s, 'end': e, 'type': gateway_type} for s, e in spans],
                                 'ignore': [{'start': s, 'end': e} for s, e in ignore], 'scope': SECRET_SCOPE, 'source': source})
                offset += len(line) + 1
        elif (rule, case) in OK_ALLOW:
            for n, line in enumerate(text.split('\n')):
                stripped = line.strip()
                if not stripped or stripped.startswith('#') or OK_LINE_SKIP.search(line):
                    continue
                s = len(line) - len(line.lstrip())
                docs.append({'id': f'secretlint/{rule}/{case}/{n}', 'text': line, 'spans': [],
                             'negatives': [{'start': s, 'end': s + len(stripped), 'kind': 'secretlint_ok'}], 'scope': SECRET_SCOPE, 'source': source})
    with OUT.open('w') as f:
        for d in docs:
            f.write(json.dumps(d, ensure_ascii=False) + '\n')
    print(f'{len(docs)} documents, {sum(len(d["spans"]) for d in docs)} spans, {sum(len(d.get("negatives", [])) for d in docs)} hard negatives -> {OUT}')


if __name__ == '__main__':
    main()
