"""Stage 2: a language of the site (``Locale``): text with fallbacks, UI messages with CLDR plurals,
dates and numbers (Babel); what is missing or out of date in each translation."""
