"""content/ui/<lang>.yml: every label the generated pages use, and which labels take values.

Labels that take values (a number, a language name) are ICU messages, checked by
scripts.content.messageformat: a number is said through a plural block so that the words
around it agree with it. Every other label is plain text, shown as written.
"""

from __future__ import annotations

from scripts.content.fields import Text
from scripts.content.messageformat import ArgType
from scripts.content.model import Model

ARGUMENTS: dict[str, dict[str, ArgType]] = {
    "headline_prisoners": {"count": "number"},
    "headline_crossings": {"closed": "number", "of_total": "text"},
    "headline_crossings_total": {"total": "number"},
    "headline_wallets": {"sanctioned": "number", "of_total": "text"},
    "headline_wallets_total": {"total": "number"},
    "count_open": {"count": "number"},
    "count_restricted": {"count": "number"},
    "count_closed": {"count": "number"},
    "card_active_sanctions": {"count": "number", "authorities": "text"},
    "stale_note": {"date": "text"},
    "factsheet_as_of": {"date": "text"},
    "map_locator": {"name": "text"},
    "map_desc": {"count": "number"},
    "value_at_least": {"value": "number"},
    "value_about": {"value": "number"},
    "fallback_notice": {"original": "text"},
    "partly_untranslated": {"original": "text"},
    "chart_desc": {"first": "number", "first_date": "text", "peak": "number", "peak_date": "text",
                   "last": "number", "last_date": "text"},
    "act_for": {"countries": "text"},
    "act_checked": {"date": "text"},
    "act_mail_to": {"name": "text"},
    "letter_count": {"count": "number", "counter": "text", "date": "text"},
    "prisoners_held_count": {"count": "number"},
    "prisoners_free_count": {"count": "number"},
    "prisoner_held_since": {"date": "text"},
    "prisoner_house_arrest_since": {"date": "text"},
    "prisoner_released_since": {"date": "text"},
    "prisoner_deported_since": {"date": "text"},
    "prisoner_died_since": {"date": "text"},
    "write_to": {"name": "text"},
    "address_checked": {"date": "text"},
    "criminal_article": {"article": "text"},
    "criminal_article_part": {"article": "text", "part": "text"},
    "write_who_intro": {"count": "number"},
    "evening_month": {"month": "text"},
    "home_write_intro": {"count": "number"},
    "align_in_force": {"authorities": "text"},
    "align_ended": {"authorities": "text"},
    "align_not_listed": {"authorities": "text"},
    "align_not_checked": {"authorities": "text"},
    "align_checked_on": {"authority": "text", "date": "text"},
    "releases_held": {"from": "text", "date_from": "text", "to": "text", "date_to": "text"},
    "releases_recognised": {"count": "number", "date_from": "text", "date_to": "text"},
    "release_pardoned": {"count": "number"},
    "release_released": {"count": "number"},
    "release_deported": {"count": "number"},
}
"""The labels the site fills in, and the value each may use: the rest are plain text."""


class UiStrings(Model):
    """content/ui/<lang>.yml: every label the generated pages use, per language.

    The default language must have every key; other languages fall back to it.
    """

    translated_from: Text | None = None
    home: Text | None = None
    repository: Text | None = None
    fallback_notice: Text | None = None
    partly_untranslated: Text | None = None
    translations: Text | None = None
    translations_intro: Text | None = None
    missing: Text | None = None
    out_of_date: Text | None = None
    complete: Text | None = None
    file: Text | None = None
    article: Text | None = None
    people: Text | None = None
    companies: Text | None = None
    crossings: Text | None = None
    political_prisoners: Text | None = None
    name: Text | None = None
    person_name: Text | None = None
    role: Text | None = None
    active_sanctions: Text | None = None
    sanctions: Text | None = None
    no_sanctions: Text | None = None
    index_empty: Text | None = None
    authority: Text | None = None
    programme: Text | None = None
    listed_on: Text | None = None
    status: Text | None = None
    date: Text | None = None
    event: Text | None = None
    note: Text | None = None
    source: Text | None = None
    sources: Text | None = None
    also_written: Text | None = None
    sectors: Text | None = None
    related: Text | None = None
    countries: Text | None = None
    traffic: Text | None = None
    current_status: Text | None = None
    since: Text | None = None
    status_since: Text | None = None
    reported_on: Text | None = None
    status_history: Text | None = None
    applies_to_all: Text | None = None
    count: Text | None = None
    counted_by: Text | None = None
    latest: Text | None = None
    data_says: Text | None = None
    on_date: Text | None = None
    all_figures: Text | None = None
    mentioned_in: Text | None = None
    as_of: Text | None = None
    related_indicators: Text | None = None
    last_updated: Text | None = None
    published_by: Text | None = None
    original: Text | None = None
    accessed: Text | None = None
    read_article: Text | None = None
    see_facts: Text | None = None
    share: Text | None = None
    chart_desc: Text | None = None
    chart_disagree: Text | None = None
    status_today: Text | None = None
    download: Text | None = None
    data: Text | None = None
    data_intro: Text | None = None
    data_wallets_json: Text | None = None
    data_wallets_csv: Text | None = None
    data_sanctions_csv: Text | None = None
    data_crossings: Text | None = None
    data_crossing_status: Text | None = None
    data_series: Text | None = None
    data_feed: Text | None = None
    data_schemas: Text | None = None
    data_schemas_intro: Text | None = None
    copy_link: Text | None = None
    link_to_fact: Text | None = None
    what_you_can_do: Text | None = None
    headline_prisoners: Text | None = None
    headline_crossings: Text | None = None
    headline_crossings_total: Text | None = None
    headline_wallets: Text | None = None
    headline_wallets_total: Text | None = None
    choose_language: Text | None = None
    status_open: Text | None = None
    status_restricted: Text | None = None
    status_closed: Text | None = None
    event_listed: Text | None = None
    event_renewed: Text | None = None
    event_upheld: Text | None = None
    event_annulled: Text | None = None
    event_lifted: Text | None = None
    event_expired: Text | None = None
    sanction_active: Text | None = None
    sanction_annulled: Text | None = None
    sanction_lifted: Text | None = None
    sanction_expired: Text | None = None
    count_open: Text | None = None
    count_restricted: Text | None = None
    count_closed: Text | None = None
    card_active_sanctions: Text | None = None
    traffic_cars: Text | None = None
    traffic_buses: Text | None = None
    traffic_freight: Text | None = None
    traffic_rail: Text | None = None
    traffic_pedestrians: Text | None = None
    traffic_cyclists: Text | None = None
    traffic_road: Text | None = None
    event_relisted: Text | None = None
    event_challenged: Text | None = None
    event_eased: Text | None = None
    fact_kind: Text | None = None
    kind_official: Text | None = None
    kind_reported: Text | None = None
    kind_announced: Text | None = None
    stale_note: Text | None = None
    value_at_least: Text | None = None
    value_about: Text | None = None
    by_traffic: Text | None = None
    corrections_log: Text | None = None
    corrections_none: Text | None = None
    what_changed: Text | None = None
    why: Text | None = None
    report_mistake: Text | None = None
    report_issue: Text | None = None
    report_email: Text | None = None
    fact_page: Text | None = None
    as_of_column: Text | None = None
    articles: Text | None = None
    latest_articles: Text | None = None
    previous_article: Text | None = None
    next_article: Text | None = None
    languages: Text | None = None
    original_language: Text | None = None
    embed_heading: Text | None = None
    embed_intro: Text | None = None
    embed_image: Text | None = None
    embed_frame: Text | None = None
    embed_data: Text | None = None
    embed_title: Text | None = None
    """The embeddable counter's title (its SVG, its frame, the alt text of the copied snippet)."""
    updated_on: Text | None = None
    """Before the date an article was last changed at its source: 'updated'."""
    data_articles: Text | None = None
    all_articles: Text | None = None
    factsheet_download: Text | None = None
    """The link from a fact page to its PDF (published by `make factsheets`)."""
    factsheet_latest: Text | None = None
    """Beside a printed fact sheet's QR code and address: the page online is always current."""
    factsheet_as_of: Text | None = None
    """In a printed fact sheet's footer, with the date its sources were last read."""
    map_title: Text | None = None
    map_locator: Text | None = None
    """The title of the small map on a crossing's page."""
    map_desc: Text | None = None
    """What the crossings map shows, for screen readers: how many crossings, and what the shapes mean."""
    map_marks_checkpoint: Text | None = None
    map_marks_settlement: Text | None = None
    """Said of each marker: does it stand at the crossing itself, or at the place it is named after?"""
    map_not_located: Text | None = None
    map_credit: Text | None = None
    act: Text | None = None
    act_intro: Text | None = None
    act_none: Text | None = None
    act_why: Text | None = None
    act_for: Text | None = None
    act_recipients: Text | None = None
    act_email: Text | None = None
    act_postal: Text | None = None
    act_checked: Text | None = None
    act_letter: Text | None = None
    act_letter_intro: Text | None = None
    act_mail_to: Text | None = None
    act_too_long: Text | None = None
    act_copy: Text | None = None
    act_text: Text | None = None
    act_pdf: Text | None = None
    act_print: Text | None = None
    act_openings: Text | None = None
    act_openings_intro: Text | None = None
    act_points: Text | None = None
    act_unsafe: Text | None = None
    act_open: Text | None = None
    letter_sources: Text | None = None
    placeholder_name: Text | None = None
    placeholder_town: Text | None = None
    letter_count: Text | None = None
    subject: Text | None = None
    name_withheld: Text | None = None
    withdrawn_what: Text | None = None
    withdrawn_why: Text | None = None
    withdrawn_page: Text | None = None
    prisoners: Text | None = None
    political_prisoner: Text | None = None
    prisoners_intro: Text | None = None
    viasna_list: Text | None = None
    birthdays: Text | None = None
    write_kit: Text | None = None
    prisoners_held: Text | None = None
    prisoners_held_count: Text | None = None
    prisoners_none_held: Text | None = None
    prisoners_free: Text | None = None
    prisoners_free_count: Text | None = None
    prisoners_none_free: Text | None = None
    in_custody_since: Text | None = None
    held_at: Text | None = None
    prisoner_status_held: Text | None = None
    prisoner_status_house_arrest: Text | None = None
    prisoner_status_released: Text | None = None
    prisoner_status_deported: Text | None = None
    prisoner_status_died: Text | None = None
    prisoner_held_since: Text | None = None
    prisoner_house_arrest_since: Text | None = None
    prisoner_released_since: Text | None = None
    prisoner_deported_since: Text | None = None
    prisoner_died_since: Text | None = None
    birthday: Text | None = None
    write_to: Text | None = None
    address_checked: Text | None = None
    address_how: Text | None = None
    postcard: Text | None = None
    address_hidden_none: Text | None = None
    address_hidden_stale: Text | None = None
    address_hidden_changed: Text | None = None
    address_hidden_not_held: Text | None = None
    address_hidden_house_arrest: Text | None = None
    prisoner_history: Text | None = None
    details: Text | None = None
    prisoner_event_detained: Text | None = None
    prisoner_event_recognised: Text | None = None
    prisoner_event_charged: Text | None = None
    prisoner_event_sentenced: Text | None = None
    prisoner_event_transferred: Text | None = None
    prisoner_event_house_arrest: Text | None = None
    prisoner_event_released: Text | None = None
    prisoner_event_pardoned: Text | None = None
    prisoner_event_deported: Text | None = None
    prisoner_event_died: Text | None = None
    criminal_article: Text | None = None
    criminal_article_part: Text | None = None
    birthdays_intro: Text | None = None
    birthdays_none: Text | None = None
    birthdays_later: Text | None = None
    birthdays_how: Text | None = None
    birthday_no_address: Text | None = None
    phrasebook: Text | None = None
    phrasebook_intro: Text | None = None
    phrase_meaning: Text | None = None
    phrase_topic_greeting: Text | None = None
    phrase_topic_about_me: Text | None = None
    phrase_topic_wishes: Text | None = None
    phrase_topic_birthday: Text | None = None
    phrase_topic_holiday: Text | None = None
    phrase_topic_closing: Text | None = None
    write_who: Text | None = None
    write_who_intro: Text | None = None
    write_who_none: Text | None = None
    address_shown: Text | None = None
    address_on_viasna: Text | None = None
    printables: Text | None = None
    postcard_intro: Text | None = None
    postcard_print: Text | None = None
    postcard_in_be: Text | None = None
    postcard_in_ru: Text | None = None
    postcard_address_hint: Text | None = None
    pdf_a6: Text | None = None
    pdf_a4: Text | None = None
    evening: Text | None = None
    evening_intro: Text | None = None
    evening_month: Text | None = None
    evening_steps: Text | None = None
    evening_step_language: Text | None = None
    evening_step_avoid: Text | None = None
    evening_step_address: Text | None = None
    evening_step_honest: Text | None = None
    evening_who: Text | None = None
    evening_none: Text | None = None
    calendar: Text | None = None
    calendar_intro: Text | None = None
    calendar_download: Text | None = None
    calendar_day: Text | None = None
    calendar_what: Text | None = None
    home_write: Text | None = None
    home_write_intro: Text | None = None
    prisoner_event_still_held: Text | None = None
    calendar_description: Text | None = None
    sanctions_page: Text | None = None
    sanctions_intro: Text | None = None
    sanctions_by_authority: Text | None = None
    sanctions_matrix: Text | None = None
    sanctions_in_words: Text | None = None
    sanctions_not_checked_note: Text | None = None
    align_state_in_force: Text | None = None
    align_state_ended: Text | None = None
    align_state_not_listed: Text | None = None
    align_state_not_checked: Text | None = None
    align_in_force: Text | None = None
    align_ended: Text | None = None
    align_not_listed: Text | None = None
    align_not_checked: Text | None = None
    align_checked_on: Text | None = None
    releases_page: Text | None = None
    releases_intro: Text | None = None
    releases_held: Text | None = None
    releases_recognised: Text | None = None
    releases_chart_title: Text | None = None
    releases_chart_desc: Text | None = None
    releases_legend_held: Text | None = None
    releases_legend_freed: Text | None = None
    releases_legend_relief: Text | None = None
    releases_by_year: Text | None = None
    year: Text | None = None
    releases_days: Text | None = None
    releases_freed: Text | None = None
    releases_abroad: Text | None = None
    releases_relief_steps: Text | None = None
    releases_counting_note: Text | None = None
    releases_timeline: Text | None = None
    release_pardoned: Text | None = None
    release_released: Text | None = None
    release_deported: Text | None = None
    relief_eased: Text | None = None
    relief_lifted: Text | None = None
    relief_eased_announced: Text | None = None
    relief_lifted_announced: Text | None = None
    since_then: Text | None = None
    since_then_fact: Text | None = None
