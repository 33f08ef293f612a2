"""Web addresses as a deck's relationships must hold them: URIs, not the text a person typed.

A source ``url`` may hold spaces or letters outside ASCII (``https://例子.cn/报告 2024``).
A relationship's ``Target`` is an ``xsd:anyURI``; PowerPoint and the Open XML SDK are strict
about it, so the host is written in IDNA (punycode) and the rest percent-encoded as UTF-8,
keeping what is already encoded (``%20``) and every character a URI allows.
"""

from __future__ import annotations

from urllib.parse import quote, urlsplit, urlunsplit

# Characters a URI may hold as they are (RFC 3986: reserved and unreserved, and '%' of an escape).
_KEEP = "!#$%&'()*+,/:;=?@[]~-._"


def link_uri(address: str) -> str:
    """``address`` as a URI a deck's hyperlink relationship can hold."""
    try:
        parts = urlsplit(address.strip())
        host = parts.hostname or ""
        if host and not host.isascii():
            netloc = parts.netloc.replace(host, host.encode("idna").decode("ascii"))
        else:
            netloc = parts.netloc
    except (ValueError, UnicodeError):  # a host IDNA cannot encode: percent-encode it all
        return quote(address.strip(), safe=_KEEP)
    path, query, fragment = (quote(p, safe=_KEEP) for p in (parts.path, parts.query, parts.fragment))
    return urlunsplit((parts.scheme, quote(netloc, safe=_KEEP), path, query, fragment))
