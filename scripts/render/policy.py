"""What every page of the site allows itself: nothing from anyone else.

The Content-Security-Policy is a meta tag written by the page templates themselves (GitHub
Pages sends no headers): scripts, styles, images, fonts and connections from the site only.
No page has an inline script, so the policy needs no hashes. Styles allow 'unsafe-inline'
for the style attributes of Material's markup and of the inline SVG charts.
"""

from __future__ import annotations

CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "font-src 'self'; connect-src 'self'; worker-src 'self'; frame-src 'none'; object-src 'none'; "
       "base-uri 'self'; form-action 'self'")
REFERRER = "no-referrer"
