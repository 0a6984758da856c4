"""RSS and Atom feeds made by the tests (no network, no copied articles)."""

from __future__ import annotations

ARTICLE = (
    "<p>The harbour board approved the expansion on Monday, officials said, after two years of talks.</p>"
    "<p>About 40 per cent of the cost will come from the city, according to a person familiar with the plan.</p>"
)


def rss(items: int = 2) -> bytes:
    """An RSS 2.0 channel: the first item carries the whole article, the others only link to theirs."""
    body = [
        "<item><title>Harbour expansion approved</title><link>https://bugle.example/harbour</link>"
        "<guid>https://bugle.example/harbour</guid><pubDate>Mon, 02 Nov 2026 09:30:00 GMT</pubDate>"
        f"<content:encoded><![CDATA[{ARTICLE}]]></content:encoded></item>"
    ]
    body += [
        f"<item><title>Teaser {n}</title><link>https://bugle.example/teaser-{n}</link>"
        f"<description>Read more.</description><pubDate>Tue, 03 Nov 2026 10:00:00 GMT</pubDate></item>"
        for n in range(2, items + 1)
    ]
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        "<title>The Daily Bugle</title><link>https://bugle.example/</link>"
        + "".join(body)
        + "</channel></rss>"
    ).encode()


def atom() -> bytes:
    """An Atom feed whose one entry has no link: its content is all there is."""
    return (
        b'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        b"<title>Valley Courier</title><id>urn:courier</id><updated>2026-11-04T08:00:00Z</updated>"
        b"<entry><title>Floods in the valley</title><id>urn:courier:floods</id>"
        b"<updated>2026-11-04T08:00:00Z</updated>"
        b'<content type="html">&lt;p&gt;Rivers rose two metres overnight, the mayor said on Wednesday morning.&lt;/p&gt;'
        b"&lt;p&gt;Nobody was hurt.&lt;/p&gt;</content></entry></feed>"
    )
