"""Doubts are for editors: kept in the data, listed by `manual check --notes`, never on a public page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from build_tools.checks.hedges import editors_notes
from build_tools.cli import main
from build_tools.load import load_manual

from .conftest import LANGS, REPO, built_page, squash, ui, visible_text

MANUAL = load_manual(REPO).manual
# the words of doubt the domain review found on the public site, written out here on purpose
# (not taken from the check), so this test still fails if the check's pattern is weakened
PUBLIC_DOUBTS = re.compile(
    r"inte kontrollera[dt]|härlett|härledd|redaktionell kommentar|unverified|not verified|not been verified",
    re.IGNORECASE,
)


def public_files(site: Path) -> list[Path]:
    return sorted([*site.rglob("*.html"), *site.rglob("search_index.json")])


def test_no_public_page_shows_an_editors_doubt(built_site: Path) -> None:
    found = [
        f"{path.relative_to(built_site)}: {match.group(0)}"
        for path in public_files(built_site)
        for match in PUBLIC_DOUBTS.finditer(visible_text(path.read_text(encoding="utf-8")))
    ]
    assert len(public_files(built_site)) > 50
    assert found == []


def test_editors_notes_exist_in_the_data_and_never_reach_the_site(built_site: Path) -> None:
    notes = editors_notes(MANUAL)
    assert notes, "the real content keeps its open questions as editors' notes"
    site_text = " ".join(squash(visible_text(p.read_text(encoding="utf-8"))) for p in public_files(built_site))
    shown = [note.format() for note in notes if squash(note.message.removeprefix("editors' note: "))[:60] in site_text]
    assert shown == []


def test_manual_check_lists_editors_notes_only_when_asked(capsys) -> None:
    assert main(["check", "--root", str(REPO)]) == 0
    quiet = capsys.readouterr()
    assert "editors' note:" not in quiet.out
    assert f"{len(editors_notes(MANUAL))} editors' note(s)" in quiet.err
    assert main(["check", "--notes", "--root", str(REPO)]) == 0
    listed = [line for line in capsys.readouterr().out.splitlines() if "notice: editors' note:" in line]
    assert len(listed) == len(editors_notes(MANUAL))
    assert all(re.match(r"^[\w/.-]+\.yml:\d+: notice: editors' note: \S", line) for line in listed)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("step", MANUAL.steps, ids=lambda s: s.id)
def test_the_owner_box_says_what_kind_of_responsibility_the_step_gives(built_site: Path, step, lang: str) -> None:
    markup = built_page(built_site, lang, f"steg/{step.id}")
    box = re.search(r'<div class="manual-owner">(.*?)</div>', markup, re.S)
    assert box, "every step page opens with its owner box"
    text = squash(visible_text(box.group(1)))
    assert text.startswith(ui(f"owner_role_{step.owner_role}", lang) + ":")
    for owner in step.owner:
        assert MANUAL.actor_by_id[owner].name.get(lang) in text


def test_identification_names_no_lead_that_the_manual_does_not_give() -> None:
    identification = MANUAL.steps[0]
    assert identification.owner_role == "acts_on_suspicion"
