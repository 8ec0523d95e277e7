"""Draw the stories of the gold set and their split, reproducibly (see README.md).

Run from the repository root: `python3 tests/gold/select.py ../shared`. It prints, per source, the
stories drawn and whether each goes to dev/ or test/, then the stories of the second development
set (dev2/). The 16 stories annotated before the split stay in dev/: rules were written from their
misses, so they cannot be a blind test.
"""

import hashlib
import random
import sys
from pathlib import Path

SEED = 20261206
ALREADY_ANNOTATED = {f"bbc-politics-{n:03d}" for n in
                     (55, 144, 151, 152, 160, 199, 211, 214, 228, 250, 269, 280, 283, 288, 293, 311)}
# source prefix -> (folder, stories to draw, of which test, longest story in words)
DRAWS = {
    "us-cnn-2024": ("corpus/us-news", 22, 11, 1600),
    "us-ptc-2018": ("corpus/us-news", 8, 4, 1600),
    "bbc-politics": ("corpus/bbc-politics", 20, 12, 700),
}


def candidates(shared: Path, folder: str, prefix: str, max_words: int) -> list[Path]:
    """Stories of one source short enough to annotate, one per distinct text and headline."""
    seen_hashes, seen_headlines, out = set(), set(), []
    files = sorted((shared / folder).glob(f"{prefix}-*.txt"))
    # the stories already annotated claim their texts and headlines first
    files.sort(key=lambda p: p.stem not in ALREADY_ANNOTATED)
    for path in files:
        data = path.read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        headline = data.decode("utf-8", "replace").strip().splitlines()[0].strip("# ").lower()
        duplicate = digest in seen_hashes or headline in seen_headlines
        seen_hashes.add(digest)
        seen_headlines.add(headline)
        if duplicate or path.stem in ALREADY_ANNOTATED or len(data.split()) > max_words:
            continue
        out.append(path)
    return sorted(out)


# A second draw (2026-12-07) for dev2/, a second development set: more stories to learn from,
# outside the dev/test split above (whose test split keeps its two fifths of those stories). It
# draws from what no gold file of the first draw or of people/ holds.
MORE_SEED = 20261207
# source prefix -> (folder, stories to draw, longest story in words)
MORE_DRAWS = {
    "us-cnn-2024": ("corpus/us-news", 6, 1600),
    "us-ptc-2018": ("corpus/us-news", 2, 1600),
    "bbc-politics": ("corpus/bbc-politics", 4, 700),
}

# A third draw (2026-12-07, later), also for dev2/: more unseen US stories, the kind the test split
# holds most of, so that rules learn from more than one outlet's habits.
THIRD_SEED = 20261208
THIRD_DRAWS = {
    "us-cnn-2024": ("corpus/us-news", 10, 1600),
    "us-ptc-2018": ("corpus/us-news", 1, 1600),
    "bbc-politics": ("corpus/bbc-politics", 3, 700),
}


def main(shared: Path) -> None:
    rng = random.Random(SEED)
    for prefix, (folder, count, test_count, max_words) in DRAWS.items():
        drawn = rng.sample(candidates(shared, folder, prefix, max_words), count)
        for index, path in enumerate(drawn):
            split = "test" if index < test_count else "dev"
            print(f"{split}\t{path.relative_to(shared)}")
    taken = {p.stem for split in ("dev", "test") for p in (Path(__file__).parent / split).glob("*.json")}
    taken |= {p.stem for p in (Path(__file__).parent / "people").glob("*.json")}
    rng = random.Random(MORE_SEED)
    for prefix, (folder, count, max_words) in MORE_DRAWS.items():
        pool = [p for p in candidates(shared, folder, prefix, max_words) if p.stem not in taken]
        for path in rng.sample(pool, count):
            print(f"dev2\t{path.relative_to(shared)}")
            taken.add(path.stem)
    rng = random.Random(THIRD_SEED)
    for prefix, (folder, count, max_words) in THIRD_DRAWS.items():
        pool = [p for p in candidates(shared, folder, prefix, max_words) if p.stem not in taken]
        for path in rng.sample(pool, count):
            print(f"dev2\t{path.relative_to(shared)}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared"))
