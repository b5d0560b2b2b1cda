"""The blog around Material's blog plugin: post rules, previews, feed checks, extras.

- ``posts``: where posts live, their addresses, authors, dates and drafts, checked.
- ``marketing``: descriptions, link previews, structured data, feed dates and enclosures.
- ``dressing``: next steps, related and latest posts, badges added to pages.
"""
