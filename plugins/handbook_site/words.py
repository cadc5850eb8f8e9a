"""The words of this site's theme (theme/templates/), with their English defaults.

They join the handbook plugin's words (its HANDBOOK["theme_words"]), so
HANDBOOK["words"] and HANDBOOK["language_words"] change them as any other,
with the same checks. A `{name}` is a placeholder the template fills in.
"""

THEME_WORDS = {
    # The description search engines show, for pages without a Summary.
    "site_description": (
        "{organization}: Code of Conduct, how to report an incident, and how staff respond."
    ),
    "skip_link": "Skip to content",
    # The navigation's name for screen readers.
    "nav_label": "Documents",
    "home_lede": "Everyone deserves to feel safe and welcome. Start here.",
    # The heading of the home page's contacts.
    "contacts": "Contacts",
    # The danger box atop a `Contacts: first` page.
    "danger_title": "If anyone is in danger",
    "danger_text": (
        "Call emergency services first. Then tell an organizer. Stay with the person if it is"
        " safe to."
    ),
    # The jump list of a page's checklists, or of its headings.
    "toc_checklists": "Checklists on this page",
    "toc_headings": "On this page",
    # The Print section of a page with checklists.
    "print_title": "Print",
    # {cards} and {pdf} are links whose text is cards_title and print_cards_pdf.
    "print_cards": "{cards} to print and cut out (or the {pdf})",
    "print_cards_pdf": "PDF of the cards",
    # {letter} and {a4} are links whose text is print_sheet_letter and print_sheet_iso.
    "print_sheets": "Sheets to cut and fold, several cards to a page: {letter} or {a4}",
    "print_sheet_letter": "Letter PDF",
    "print_sheet_iso": "A4 PDF",
    # {form} is a link whose text is form_name.
    "print_form": "{form}: fill it in on a phone, or print it blank",
    # The description of the pocket cards' page in this theme's frame
    # (templates/handbook/cards.html; the plugin's own page has none).
    "cards_description": "{organization}: the checklists as pocket cards to print.",
    # Every page's footer: {email} is the CONDUCT_EMAIL link, {date} a <time>
    # (the plugin's footer_changed says when the page's text changed).
    "footer_questions": "Questions: {email}",
    "footer_built": "Built on {date}",
}
