"""Widget parts set aside while search reads a page, and put back unchanged."""

from __future__ import annotations

from leerpad.site.search_skip import drop_markers, hide_from_search, restore_hidden

OPEN, CLOSE = "<!--leerpad:search-skip-->", "<!--/leerpad:search-skip-->"


def restored_both_ways(page: str) -> tuple[list[str], str]:
    """The parts set aside, and the page put back (the same whether it changed or not)."""
    hidden = hide_from_search(page)
    unchanged = restore_hidden(hidden.searched, hidden)
    # A copy is not the object hidden: the parts go back by their placeholders.
    changed = restore_hidden("".join(list(hidden.searched)), hidden)
    assert changed == unchanged
    return hidden.parts, unchanged


def test_marked_parts_are_hidden_in_order_and_restored_without_markers() -> None:
    page = f"<p>Vraag</p>{OPEN}<ul><li>sleutel 1</li></ul>{CLOSE}<p>Uitleg</p>{OPEN}<b>2</b>{CLOSE}"
    hidden = hide_from_search(page)
    assert hidden.parts == ["<ul><li>sleutel 1</li></ul>", "<b>2</b>"]
    assert "sleutel" not in hidden.searched and "<p>Uitleg</p>" in hidden.searched
    _, restored = restored_both_ways(page)
    assert restored == page.replace(OPEN, "").replace(CLOSE, "")


def test_a_page_without_markers_is_left_as_it_is() -> None:
    page = "<p>Geen widgets hier.</p>"
    hidden = hide_from_search(page)
    assert (hidden.searched, hidden.parts) == (page, [])
    assert restored_both_ways(page) == ([], page)


def test_an_opening_marker_without_a_close_hides_nothing_and_is_dropped() -> None:
    page = f"<p>a</p>{OPEN}<p>b</p>{OPEN}<p>c</p>{CLOSE}<p>d</p>{OPEN}<p>e</p>"
    parts, restored = restored_both_ways(page)
    # A part ends at the first close after its opening; the open at the end has none.
    assert parts == [f"<p>b</p>{OPEN}<p>c</p>"]
    assert restored == "<p>a</p><p>b</p><p>c</p><p>d</p><p>e</p>"


def test_an_authors_own_comment_that_looks_like_a_placeholder_stays() -> None:
    page = f"<!--leerpad:hidden:7--><p>tekst</p>{OPEN}<p>sleutel</p>{CLOSE}"
    _, restored = restored_both_ways(page)
    assert restored == "<!--leerpad:hidden:7--><p>tekst</p><p>sleutel</p>"


def test_drop_markers_looks_only_from_the_offset_given() -> None:
    page = f"<nav>…</nav><main>{OPEN}<p>x</p>{CLOSE}</main>"
    assert drop_markers(page, page.index("<main>")) == "<nav>…</nav><main><p>x</p></main>"
    assert drop_markers(page, len(page)) == page
