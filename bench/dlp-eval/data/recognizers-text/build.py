"""
Builds bench/dlp-eval/data/public-recognizers-text.jsonl from Microsoft Recognizers-Text's
language-independent test specifications (Specs/Sequence/<Language>/<Model>.json: each case an
`Input` sentence and the `Results` the recognizer must return, with their `Text`), read from a git
mirror at the commit in README.md. Only data is taken; nothing of theirs is run.

  python3 bench/dlp-eval/data/recognizers-text/build.py --recognizers-text MIRROR

Method (reasons in README.md): a result's span is where its `Text` occurs in the input (compared
without case, since the specs give some values lower-cased); a case whose result text occurs more
than once, or not at all, is left out. Phone results with a confidence score under 0.8 are
`ignore` regions (the source itself is unsure of them). A case with no result is a hard negative over its whole input for its type only
(`scope`). GUIDs in dashed or braced form are hard negatives of kind `uuid` for every type.
"""
import argparse
import json
import re
import subprocess
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / 'public-recognizers-text.jsonl'

# spec file -> (gateway type or None for GUIDs, scope)
SPECS = {
    'Specs/Sequence/English/PhoneNumberModel.json': 'PHONE',
    'Specs/Sequence/Portuguese/PhoneNumberModel.json': 'PHONE',
    'Specs/Sequence/Chinese/PhoneNumberModel.json': 'PHONE',
    'Specs/Sequence/Hindi/PhoneNumberModel.json': 'PHONE',
    'Specs/Sequence/Turkish/PhoneNumberModel.json': 'PHONE',
    'Specs/Sequence/English/IpAddressModel.json': 'IP_ADDRESS',
    'Specs/Sequence/English/EmailModel.json': 'EMAIL',
    'Specs/Sequence/English/GUIDModel.json': None,
}
# Addresses that name no machine (unspecified, loopback, broadcast): not personal data.
TRIVIAL_IP = re.compile(r'^(::|::1|1::|0\.0\.0\.0|255\.255\.255\.255|[0:]+)$')


def show(mirror, path):
    raw = subprocess.run(['git', '-C', mirror, 'show', f'HEAD:{path}'], check=True, capture_output=True).stdout
    return json.loads(raw.decode('utf-8-sig'))


def locate(text, value):
    hay, needle = text.lower(), value.lower()
    first = hay.find(needle)
    if first < 0 or hay.find(needle, first + 1) >= 0:
        return None
    return first, first + len(value)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--recognizers-text', required=True)
    mirror = ap.parse_args().recognizers_text
    docs, skipped = [], 0
    for path, gateway_type in SPECS.items():
        language, model = path.split('/')[2], path.split('/')[3].removesuffix('.json')
        for n, case in enumerate(show(mirror, path)):
            text = case['Input']
            doc = {'id': f'recognizers-text/{language}/{model}/{n}', 'text': text, 'spans': [], 'source': f'recognizers-text:{language}/{model}'}
            if gateway_type is None:
                negatives = []
                for r in case['Results']:
                    at = locate(text, r['Text'])
                    if at and ('-' in r['Text'] or '{' in r['Text']):
                        negatives.append({'start': at[0], 'end': at[1], 'kind': 'uuid'})
                if negatives:
                    doc['negatives'] = negatives
                    docs.append(doc)
                continue
            doc['scope'] = [gateway_type]
            if not case['Results']:
                s = len(text) - len(text.lstrip())
                doc['negatives'] = [{'start': s, 'end': len(text.rstrip()), 'kind': f'not_{gateway_type.lower()}'}]
                docs.append(doc)
                continue
            spans, ignore, ok = [], [], True
            for r in case['Results']:
                at = locate(text, r['Text'])
                if not at:
                    ok = False
                    break
                score = r.get('Resolution', {}).get('score')
                weak = (gateway_type == 'PHONE' and score is not None and float(score) < 0.8) or (gateway_type == 'IP_ADDRESS' and TRIVIAL_IP.match(r['Text']))
                (ignore if weak else spans).append({'start': at[0], 'end': at[1]} if weak else {'start': at[0], 'end': at[1], 'type': gateway_type})
            if not ok:
                skipped += 1
                continue
            doc['spans'] = spans
            if ignore:
                doc['ignore'] = ignore
            docs.append(doc)
    with OUT.open('w') as f:
        for d in docs:
            f.write(json.dumps(d, ensure_ascii=False) + '\n')
    print(f'{len(docs)} documents, {sum(len(d["spans"]) for d in docs)} spans, {sum(len(d.get("negatives", [])) for d in docs)} hard negatives, {skipped} cases left out -> {OUT}')


if __name__ == '__main__':
    main()
