"""How many real-news sentences are read without a mistake: the held-out sets, judged.

The sets (``bench/data/heldout_news.txt``, ``heldout_news_2.txt`` to ``_5``) are sentences written
in the styles of district, commune and provincial portals and provincial newspapers,
north, centre and south, across every subject local news covers. A reader reads every
spoken line as an announcer would and records in ``heldout_judgement.tsv`` the sentences
with a mistake a listener would notice, round by round. This prints the figures of that
judgement, and, since the judgement is only as good as the code it read, the sentences
whose spoken form has changed since it (``heldout_spoken.txt``): those need reading again.

Run from the repository root:  python -m bench.heldout_bench  [--show] [--snapshot]
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

if __package__ in (None, ""):  # run as a file: python bench/heldout_bench.py
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reader.speech.normalize import normalize  # noqa: E402

DATA = Path(__file__).resolve().parent / "data"
SETS = {n: DATA / f"heldout_news{'' if n == 1 else f'_{n}'}.txt" for n in (1, 2, 3, 4, 5)}
JUDGEMENT = DATA / "heldout_judgement.tsv"
SNAPSHOT = DATA / "heldout_spoken.txt"
ROUNDS = ("first", "second", "third", "now")


def sentences(path: Path) -> list[str]:
    rows = [line.rstrip("\n").split("\t") for line in path.read_text(encoding="utf-8").splitlines()]
    return [row[2] for row in rows if len(row) == 3 and not row[0].startswith("#")]


def judged() -> dict[tuple[int, str], set[int]]:
    found: dict[tuple[int, str], set[int]] = defaultdict(set)
    for line in JUDGEMENT.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            set_no, number, round_, _ = line.split("\t", 3)
            found[(int(set_no), round_)].add(int(number))
    return found


def spoken_now() -> dict[str, str]:
    return {
        f"{set_no}:{i}": normalize(text)
        for set_no, path in SETS.items()
        for i, text in enumerate(sentences(path), start=1)
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="print every sentence and its spoken form")
    parser.add_argument("--snapshot", action="store_true", help="record the spoken forms as judged")
    args = parser.parse_args(argv)
    now = spoken_now()
    if args.show:
        for set_no, path in SETS.items():
            for i, text in enumerate(sentences(path), start=1):
                print(f"{set_no}:{i}| {text}\n    > {now[f'{set_no}:{i}']}")
    found = judged()
    for set_no, path in SETS.items():
        total = len(sentences(path))
        for round_ in ROUNDS:
            wrong = found.get((set_no, round_))
            if wrong is None and round_ != "now":
                continue
            n = len(wrong or ())
            print(f"set {set_no} ({total} sentences), {round_:>6} round: {n:3d} with a mistake,"
                  f" {100 * (total - n) / total:5.1f} % read right")
    if args.snapshot:
        SNAPSHOT.write_text("".join(f"{k}\t{v}\n" for k, v in now.items()), encoding="utf-8")
    elif SNAPSHOT.exists():
        before = dict(line.split("\t", 1) for line in SNAPSHOT.read_text(encoding="utf-8").splitlines())
        changed = [k for k, v in now.items() if before.get(k) != v]
        print(f"{len(changed)} sentences read differently since the last judgement"
              + (": " + ", ".join(changed[:30]) if changed else ""))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
