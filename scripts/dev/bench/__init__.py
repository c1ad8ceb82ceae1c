"""`make bench`: speed and weight of the site, measured side by side with two anchors."""
