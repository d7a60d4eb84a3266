"""The layout stays readable: short SQL files, a README per stage folder that
names every temp table and hq.* setting its functions use, and one place
that explains jit = off."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DB = ROOT / "db"
STAGES = sorted(p for p in (DB / "functions").iterdir() if p.is_dir())
HANDOFF = re.compile(r"pg_temp\.(hq_[a-z_]+)|'(hq\.[a-z_]+)'")


def sql_files() -> list[Path]:
    return [p for p in DB.rglob("*.sql") if not {"migrations", "data"} & set(p.relative_to(DB).parts)]


def test_no_sql_file_over_150_lines():
    long = [f"{p.relative_to(ROOT)} ({n} lines)" for p in sql_files()
            if (n := len(p.read_text().splitlines())) > 150]
    assert not long, "split these into stage functions: " + ", ".join(long)


def test_every_stage_folder_has_a_readme_naming_its_hand_offs():
    assert len(STAGES) >= 8
    missing: list[str] = []
    for stage in STAGES:
        readme = stage / "README.md"
        assert readme.exists(), f"{stage.relative_to(ROOT)} has no README.md (what it reads and writes)"
        text = readme.read_text()
        for path in stage.glob("*.sql"):
            for temp, setting in HANDOFF.findall(path.read_text()):
                name = temp or setting
                if name not in text:
                    missing.append(f"{stage.name}/README.md does not name {name} (used in {path.name})")
    assert not missing, "\n".join(sorted(set(missing)))


def test_pipeline_guide_lists_every_hand_off():
    guide = (ROOT / "docs" / "pipeline.md").read_text()
    names = {t or s for p in sql_files() for t, s in HANDOFF.findall(p.read_text())}
    assert names, "found no temp tables or settings to check"
    assert not [n for n in names if n not in guide], "docs/pipeline.md's hand-off table misses some"


def test_jit_is_explained_in_one_place():
    lines = [line for p in sql_files() for line in p.read_text().splitlines() if "jit" in line.lower()]
    assert lines
    assert all(line.strip() == "SET jit = off  -- why: docs/pipeline.md#jit" for line in lines), \
        "refer to docs/pipeline.md#jit instead of explaining jit again:\n" + "\n".join(
            line for line in lines if "docs/pipeline.md#jit" not in line)
    assert '<a id="jit"></a>' in (ROOT / "docs" / "pipeline.md").read_text()
