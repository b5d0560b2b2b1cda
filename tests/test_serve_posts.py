"""In ``mkdocs serve``, a post with broken front matter shows its problem like a module does,
and an address that leads nowhere gets the site's own page in the site's language."""

from __future__ import annotations

from pathlib import Path

from test_serve import Served, edit, served  # noqa: F401  (the fixture)

from conftest import run_build

POST_PAGE = "blog/2025/05/02/een-eerste-bericht-over-wachtrijen/"


def test_a_broken_post_shows_its_problem_where_it_would_be(served: Served) -> None:  # noqa: F811
    assert served.get(POST_PAGE)[0] == 200
    post = served.project / "blog/posts/eerste-bericht.md"
    edit(post, lambda text: text.replace("date: 2025-05-02", "date: 2025-05-02 en later"))

    served.wait_for_text("blog/eerste-bericht/", "Hier moet een auteur iets herstellen")
    page = served.get("blog/eerste-bericht/")[1]
    assert "blog/posts/eerste-bericht.md:3" in page
    assert "&#39;date&#39; is geen datum" in page or "'date' is geen datum" in page


def test_the_not_found_page_is_in_the_site_language_with_ways_back(small_site: Path) -> None:
    build = run_build(small_site)
    assert build.returncode == 0, build.log
    page = build.page("404.html")
    assert "Deze pagina bestaat niet" in page
    assert "404 - Not found" not in page
    assert 'href="https://proef.example/"' in page
    assert 'href="https://proef.example/cursussen/"' in page
    assert "zoekveld" in page
