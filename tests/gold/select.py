"""Draw the stories of the gold set and their split, reproducibly (see README.md).

Run from the repository root: `python3 tests/gold/select.py ../shared`. It prints, per source, the
stories drawn and whether each goes to dev/ or test/. The 16 stories annotated before the split
stay in dev/: rules were written from their misses, so they cannot be a blind test.
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


def main(shared: Path) -> None:
    rng = random.Random(SEED)
    for prefix, (folder, count, test_count, max_words) in DRAWS.items():
        drawn = rng.sample(candidates(shared, folder, prefix, max_words), count)
        for index, path in enumerate(drawn):
            split = "test" if index < test_count else "dev"
            print(f"{split}\t{path.relative_to(shared)}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared"))
