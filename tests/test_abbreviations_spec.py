"""The abbreviation matcher (string methods, for speed) against its specification, written as
the regular expressions it replaced: on hand-picked edges and on many generated texts."""

from __future__ import annotations

import random
import re

import pytest

from catalogue.core.abbreviations import ABBREVIATIONS, ascii_lower, first_uses, spell_out

USE = {
    "IPAB": r"(?<![\w.-])IPAB(?![\w-])",
    "JIPH": r"(?<![\w.-])JIPH(?![\w-])",
    "OSJA": r"(?<![\w.-])OSJA(?![\w-])",
    "s.26": r"(?<![\w.-])(?:Police Act 1996,? )?s\.\s?26(?![\w])",
}
KNOWN = {
    "IPAB": r"International\s+Police\s+Assistance\s+Board",
    "JIPH": r"Joint\s+International\s+Policing\s+Hub",
    "OSJA": r"Overseas\s+Security\s+and\s+Justice\s+Assistance",
    "s.26": r"section\s+26\s+of\s+the\s+Police\s+Act\s+1996|Police\s+Act\s+1996,?\s+section\s+26",
}

EDGES = [
    "IPAB", "xIPAB", "IPABx", "IPAB-1", "-IPAB", ".IPAB", "IPAB.", "_IPAB", "(IPAB)", "éIPAB",
    "IPAB2", "2IPAB", "ipab", "s.26", "s. 26", "s.  26", "s.\n26", "s.26-", "s.26a", "s.260",
    "ss.26", "Police Act 1996 s.26", "Police Act 1996, s.26", "xPolice Act 1996 s.26",
    "Police Act 1996  s.26", "s.2 s.26", "INTERNATIONAL police\n\tASSISTANCE board",
    "Police Act 1996,section 26", "Police Act 1996 ,section 26", "section 26 of the police act 1996",
    "police act 1996, section 26", "JointInternational Policing Hub", "Overseas Security and",
    "IPAB²", "½IPAB", "ⅡOSJA", "s.26²", "s.\t26", "s.\u00a026", "s.\r\n26", "ends with s.",
    "International\r\nPolice Assistance Board", "Joint\u00a0International\u2028Policing Hub",
    "İNTERNATIONAL POLICE ASSISTANCE BOARD (IPAB)", "Overſeas Security and Justice Assistance",
    "joınt ınternatıonal polıcıng hub", "Overseas Security and Justice Assistance (OSJA)",
]

ATOMS = ["IPAB", "JIPH", "OSJA", "s.26", "s. 26", "s.", "26", "Police Act 1996", ",", " ", "  ",
         "\n", "\t", "\r\n", "\u00a0", "\u2028", "-", ".", "_", "x", "é", "²", "½", "Ⅱ", "(", ")",
         "International", "Police", "Assistance", "Board", "INTERNATIONAL POLICE", "Joint",
         "Policing Hub", "Overseas", "Security and", "Justice", "assistance", "section",
         "of the", "Act", "1996", "İ", "ı", "ſ", "\u212a"]


def _texts() -> list[str]:
    rng = random.Random(20261201)
    return [*EDGES, *("".join(rng.choice(ATOMS) for _ in range(rng.randint(1, 14)))
                      for _ in range(4000))]


def _reference_first_uses(text: str, done: set[str]) -> list[tuple[int, int, str]]:
    """What first_uses did with the patterns (the code before the string methods)."""
    found = []
    for abbreviation in ABBREVIATIONS:
        if abbreviation.short in done:
            continue
        use = re.compile(USE[abbreviation.short]).search(text)
        known = re.compile(KNOWN[abbreviation.short], re.I).search(text)
        glossed = (use is not None and known is not None
                   and text[use.end():known.start()].strip() == "("
                   and text[use.end():known.start()].lstrip().startswith("("))
        if known and (use is None or known.start() < use.start() or glossed):
            done.add(abbreviation.short)
            continue
        if use is None:
            continue
        done.add(abbreviation.short)
        found.append((use.start(), use.end(), abbreviation.short))
    return sorted(found)


@pytest.mark.parametrize("abbreviation", ABBREVIATIONS, ids=lambda a: a.short)
def test_uses_and_full_names_are_found_where_the_patterns_find_them(abbreviation) -> None:  # type: ignore[no-untyped-def]
    use, known = re.compile(USE[abbreviation.short]), re.compile(KNOWN[abbreviation.short], re.I)
    for text in _texts():
        expected_use = use.search(text)
        expected_known = known.search(text)
        assert abbreviation.use(text) == (expected_use.span() if expected_use else None), text
        assert abbreviation.known(ascii_lower(text)) == (
            expected_known.start() if expected_known else -1), text


def test_first_uses_and_what_they_mark_done_agree_with_the_patterns() -> None:
    rng = random.Random(7)
    for text in _texts():
        done = set(rng.sample(["IPAB", "JIPH", "OSJA", "s.26"], rng.randint(0, 2)))
        expected_done = set(done)
        expected = _reference_first_uses(text, expected_done)
        got = [(u.start, u.end, u.text.rsplit("(", 1)[1].rstrip(")"))
               for u in first_uses(text, done)]
        assert (got, done) == (expected, expected_done), text


def test_the_generated_texts_reach_every_case() -> None:
    """The comparison above is only as good as its texts: each abbreviation is found, absorbs
    the Act, and is refused for a joined character, in them."""
    texts = _texts()
    for short, pattern in USE.items():
        found = [m for m in map(re.compile(pattern).search, texts) if m]
        assert len(found) > 30, short
        assert any(short in t and not re.search(pattern, t) for t in texts), short
    assert any(m and m.group().startswith("Police") for m in
               map(re.compile(USE["s.26"]).search, texts))


def test_positions_survive_characters_whose_lower_case_is_longer() -> None:
    text = "İstanbul: IPAB form, then the International Police Assistance Board"
    assert len(ascii_lower(text)) == len(text)
    assert spell_out(text) == ("İstanbul: International Police Assistance Board (IPAB) form, "
                               "then the International Police Assistance Board")
    assert spell_out("İ International Police Assistance Board, IPAB").endswith(", IPAB")
