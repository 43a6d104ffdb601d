"""
Reads labelled examples out of another project's pytest files without running them: finds every
@pytest.mark.parametrize(...) list, keeps the elements that are plain literals (ast.literal_eval),
and prints one JSON object per element with the parameter names as keys. Data only: the test code
itself is not copied.

  git -C MIRROR show COMMIT:path/test_x.py | python3 extract_pytest_params.py > rows.jsonl
"""
import ast
import json
import sys


def main() -> None:
    tree = ast.parse(sys.stdin.read())
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        f = node.func
        if not (isinstance(f, ast.Attribute) and f.attr == 'parametrize' and len(node.args) >= 2):
            continue
        try:
            names = ast.literal_eval(node.args[0])
        except ValueError:
            continue
        names = [n.strip() for n in (names.split(',') if isinstance(names, str) else names)]
        if not isinstance(node.args[1], (ast.List, ast.Tuple)):
            continue
        for element in node.args[1].elts:
            try:
                value = ast.literal_eval(element)
            except (ValueError, SyntaxError):
                continue  # built with code (format calls, helpers): not a literal, skipped
            if len(names) == 1:
                value = (value,)
            if not isinstance(value, tuple) or len(value) != len(names):
                continue
            print(json.dumps(dict(zip(names, value)), ensure_ascii=False))


main()
