#!/usr/bin/env python3
"""Extract gitleaks' literal true- and false-positive samples into test data.

gitleaks' rule sources (cmd/generate/config/rules/*.go, MIT License, Copyright (c) 2019
Zachary Rice) validate each rule against `tps` (must be found) and `fps` (must not) lists.
This script reads those Go files and keeps the samples written as plain string literals
(elements of `[]string{...}` or arguments of `append(tps, ...)`); samples that gitleaks
generates at run time (utils.GenerateSampleSecret, secrets.NewSecret) are not literals and
are covered by the regex-generated test instead.

Usage: scripts/gitleaks_samples.py <gitleaks checkout or rules dir> > tests/data/gitleaks/samples.json
With a `git --git-dir` mirror: pass `--git-dir DIR` to read HEAD's files.
"""
import json
import re
import subprocess
import sys
from pathlib import Path

ESC = {"n": "\n", "t": "\t", "r": "\r", "\\": "\\", '"': '"', "'": "'", "a": "\a",
       "b": "\b", "f": "\f", "v": "\v"}


def decode(lit):
    if lit[0] == "`":
        return lit[1:-1].replace("\r", "")
    body, out, i = lit[1:-1], [], 0
    while i < len(body):
        c = body[i]
        if c != "\\":
            out.append(c)
            i += 1
            continue
        n = body[i + 1]
        if n in ESC:
            out.append(ESC[n])
            i += 2
        elif n == "x":
            out.append(chr(int(body[i + 2:i + 4], 16)))
            i += 4
        elif n == "u":
            out.append(chr(int(body[i + 2:i + 6], 16)))
            i += 6
        elif n == "U":
            out.append(chr(int(body[i + 2:i + 10], 16)))
            i += 10
        else:  # octal
            out.append(chr(int(body[i + 1:i + 4], 8)))
            i += 4
    return "".join(out)


TOKEN = re.compile(r'''//[^\n]*|/\*.*?\*/|`[^`]*`|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|[A-Za-z_][A-Za-z0-9_.]*|:=|\S''', re.S)


def tokens(src):
    return [t for t in TOKEN.findall(src) if not t.startswith("//") and not t.startswith("/*")]


def samples(src):
    """{rule_id: {"tps": [...], "fps": [...]}} for one Go file."""
    out = {}
    for func in re.split(r"\nfunc ", src)[1:]:
        m = re.search(r'RuleID:\s*"([^"]+)"', func)
        if not m:
            continue
        rule = out.setdefault(m.group(1), {"tps": [], "fps": []})
        toks = tokens(func)
        for i, t in enumerate(toks):
            if t not in ("tps", "fps") or i + 1 >= len(toks) or toks[i + 1] not in (":=", "="):
                continue
            # The expression runs until the brackets opened after `=` close again. A literal
            # counts when its innermost bracket is a `{...}` list or `append(...)`'s
            # parentheses (not another call's arguments), and it stands alone.
            stack, j = [], i + 2
            while j < len(toks):
                tok = toks[j]
                if tok == "[" and j + 1 < len(toks) and toks[j + 1] == "]":
                    j += 2  # `[]string`
                    continue
                if tok in "({[":
                    kind = "list" if tok == "{" or (tok == "(" and toks[j - 1] == "append") else "other"
                    stack.append(kind)
                elif tok in ")}]":
                    stack.pop()
                    if not stack:
                        break
                elif tok[0] in "`\"" and stack and stack[-1] == "list":
                    prev, nxt = toks[j - 1], toks[j + 1] if j + 1 < len(toks) else ""
                    if prev in ("{", ",", "(") and nxt in (",", "}", ")"):
                        rule[t].append(decode(tok))
                j += 1
    return out


def main():
    args = sys.argv[1:]
    files = {}
    if args[:1] == ["--git-dir"]:
        git = ["git", "--git-dir", args[1]]
        names = subprocess.run(git + ["ls-tree", "--name-only", "HEAD", "cmd/generate/config/rules/"],
                               capture_output=True, text=True, check=True).stdout.split()
        for n in names:
            if n.endswith(".go") and not n.endswith("_test.go"):
                files[n] = subprocess.run(git + ["show", "HEAD:" + n], capture_output=True,
                                          text=True, check=True).stdout
    else:
        root = Path(args[0])
        d = root / "cmd/generate/config/rules" if (root / "cmd").exists() else root
        for p in sorted(d.glob("*.go")):
            if not p.name.endswith("_test.go"):
                files[p.name] = p.read_text()
    result = {}
    for name in sorted(files):
        for rid, s in samples(files[name]).items():
            r = result.setdefault(rid, {"tps": [], "fps": []})
            r["tps"] += s["tps"]
            r["fps"] += s["fps"]
    result = {k: v for k, v in sorted(result.items()) if v["tps"] or v["fps"]}
    doc = {
        "source": "https://github.com/gitleaks/gitleaks cmd/generate/config/rules/*.go",
        "license": "MIT License, Copyright (c) 2019 Zachary Rice (see data/gitleaks/LICENSE)",
        "generated_by": "scripts/gitleaks_samples.py",
        "rules": result,
    }
    json.dump(doc, sys.stdout, indent=1, ensure_ascii=False)
    sys.stdout.write("\n")
    n_tp = sum(len(v["tps"]) for v in result.values())
    n_fp = sum(len(v["fps"]) for v in result.values())
    print(f"{len(result)} rules, {n_tp} true positives, {n_fp} false positives", file=sys.stderr)


main()
