"""One-click searches for researching an organisation: links the user opens, nothing fetched here."""

from urllib.parse import quote_plus


def search_links(name: str) -> list[tuple[str, str]]:
    """(label, address) pairs for searching the web, the news and LinkedIn for this organisation's people."""
    quoted = quote_plus(name)
    exact = quote_plus(f'"{name}"')
    return [
        ("Search the web", f"https://duckduckgo.com/?q={exact}"),
        ("Recent news", f"https://news.google.com/search?q={exact}"),
        ("Their people on LinkedIn", f"https://www.linkedin.com/search/results/people/?keywords={quoted}"),
        ("Their LinkedIn page", f"https://www.linkedin.com/search/results/companies/?keywords={quoted}"),
    ]
