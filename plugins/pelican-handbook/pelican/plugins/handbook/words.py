"""The wording of every fixed string the plugin shows: one dict a site can override.

A site changes any of them with `HANDBOOK["words"]`, a dict merged over
DEFAULT_WORDS (an unknown key, an empty value or an unknown placeholder is an
error). A theme's own words join the catalog with their defaults in
`HANDBOOK["theme_words"]`, and are changed the same way. Templates see the
merged dict as `HANDBOOK_WORDS`; the scripts read the SCRIPT_WORDS part of it
from a JSON block the page carries (handbook/words.html) and fall back to
their own English for anything missing.

A `{name}` in a word is a placeholder that the template or the script fills
in: a count, a date, a title, or a link whose own text is another word.
"""

from __future__ import annotations

import re

from .hints import did_you_mean
from .plurals import forms, forms_problem

DEFAULT_WORDS = {
    # --- Checklists (checklist.js) ---
    # The button that clears one checklist, then the checklist it names (read
    # by screen readers after the button's text).
    "reset": "Reset",
    "reset_which": "“{title}”",
    # The name of a checklist without a title, in the two strings above.
    "untitled_checklist": "this checklist",
    "confirm_reset": "Clear the ticks of “{title}”?",
    # Each checklist's progress line. A count word: one string, or its forms
    # by plural category ({"one": ..., "other": ...}), picked by {done} (plurals.py).
    "progress": "{done} of {total} done",
    # The panel above the first checklist (start over, copy the timeline):
    # its name for screen readers, its buttons, its status line and its
    # confirmation. Neutral, to fit any checklist; a site names what it runs
    # through (an incident, a release) in HANDBOOK["words"].
    "incident_panel": "Checklist run",
    "start_incident": "Start over",
    "copy_timeline": "Copy timeline",
    "no_incident": "No start time on this device.",
    "incident_started": "Started {day} at {time}.",
    "confirm_start": "Start over? This clears every tick on this page.",
    # The copied timeline: its first line, and the start when none was recorded.
    "timeline_start": "Started: {start}",
    "timeline_not_recorded": "not recorded",
    # The timeline shown when the clipboard refuses it, and the messages.
    "timeline_label": "Timeline (select it and copy it)",
    "timeline_copied": "Timeline copied.",
    "timeline_copy_by_hand": "Select the timeline below and copy it.",
    "not_saving": "This browser is not saving ticks: keep this page open.",
    # The copied timeline's second line: the phone's zone ("CST (America/Chicago)").
    "timeline_zone": "Times in {zone}",
    # The line atop a page that the phone shows from its saved copy, with the
    # procedure's date: offline, the network too slow, or the site erring.
    "saved_offline": "Saved copy of {date}: you are offline.",
    "saved_slow": "Saved copy of {date}: the network is too slow.",
    "saved_unreachable": "Saved copy of {date}: the site cannot be reached.",
    # The title of a checklist with no heading or lead-in (also its id).
    "checklist_title": "Checklist",
    # --- Pocket cards (handbook/cards.html, cards_intro.html, card_faces.html) ---
    "cards_title": "Pocket cards",
    # {pages} is a link to each page the faces come from, joined by cards_and.
    "cards_intro": (
        "The checklists of the {pages} as {count} card faces of {width} by {height},"
        " one per printed page."
    ),
    "cards_and": "and",
    # Words a list's lead-in starts or ends with when it is no title ("You
    # can:", "Staff should:"), which the build then warns about: your language's.
    "title_fragment_openers": (
        "you we they however then and but so also or it this these please otherwise first"
        " next finally"
    ),
    "title_fragment_closers": "can should must may might remember include includes",
    # The report form: labels whose answer fits on one line (when, where), and
    # those that need room (a description); any of these words, in your language.
    "form_line_words": "date time location place where when",
    "form_long_words": "description",
    # The title of each card a long checklist is split over.
    "card_part": "{title} ({number} of {count})",
    "cards_print": (
        'Print the {pdf} (or this page) at 100% ("Actual size", not "Fit to page"),'
        " on index cards or on plain paper, and cut along the thin border."
    ),
    # The same, when the build wrote no PDF (without the `print` extra).
    "cards_print_page": (
        'Print this page at 100% ("Actual size", not "Fit to page"), on index cards or on'
        " plain paper, and cut along the thin border."
    ),
    "cards_pdf": "PDF of these cards",
    # The sheets to cut: {letter} and {a4} are links whose text is
    # cards_sheet_letter and cards_sheet_iso; {count} is the faces a sheet.
    "cards_sheets": (
        "Sheets of {count} faces: {letter} or {a4}, printed at 100% too. Cut along the crop"
        " marks and fold each pair on its dashed line, printed sides out: one two-sided card."
    ),
    "cards_sheet_letter": "Letter sheets (PDF)",
    "cards_sheet_iso": "A4 sheets (PDF)",
    # Each card's footer, after the organization: the date of the procedure.
    "cards_changed": "as of {date}",
    # Under the contacts card's QR code (only with SITEURL): the published page.
    "cards_qr": "The live checklist: {url}",
    "cards_danger": "If anyone is in danger, call emergency services first.",
    # The contacts card's title (also the contacts heading of the danger box)
    # and the label of the conduct address on it.
    "who_to_call": "Who to call",
    "cards_conduct_email": "Code of Conduct",
    # --- The incident report form (handbook/form.html, report-form.js) ---
    # The form page's name (its browser title and the link to it) and its
    # description for search engines.
    "form_name": "Incident report form",
    "form_description": (
        "{organization}: a form for taking an incident report, to fill in on a phone or on paper."
    ),
    # The form's heading, also the email subject and the copied text's title.
    "form_title": "Incident report",
    "form_intro": (
        "From the {page}. Try to have the reporter write it; if they cannot, write it down"
        " as they tell it. Leave out what they do not want to say."
    ),
    # The same, when the fields come from HANDBOOK["report_form_fields"].
    "form_intro_fields": (
        "Try to have the reporter write it; if they cannot, write it down as they tell it."
        " Leave out what they do not want to say."
    ),
    "form_privacy": (
        "What you type stays in this browser tab only, and is gone when the tab is closed."
        " It leaves this device only if you copy it or email it."
    ),
    "form_about": "About this report",
    "form_staff_member": "Staff member taking the report",
    "form_report_time": "Date and time of this report",
    "form_anonymous": "Does the reporter want to stay anonymous?",
    "form_yes": "Yes",
    "form_no": "No",
    "form_told": "What the reporter tells you",
    # The guidance of an item written "Label: example, example".
    "form_examples": "For example: {examples}",
    "form_email": "Email the lead responders",
    "form_copy": "Copy as text",
    "form_wipe": "Wipe",
    "form_confirm_wipe": "Wipe everything typed on this form?",
    "form_wiped": "The form is empty.",
    "form_emailed": "Your email app has the report. Send it from there.",
    "form_copied": "Copied. Paste it into a message to the lead responders.",
    # After form_copied; then what Wipe says once the report was copied.
    "form_clipboard": "The report stays on this device's clipboard until something else is copied.",
    "form_clipboard_cleared": "The form is empty, and so is the clipboard.",
    "form_clipboard_kept": (
        "The form is empty, but the report is still on the clipboard: copy something else over it."
    ),
    # {email} is the email button's text.
    "form_copy_failed": "Could not copy here. Use “{email}” instead.",
    # --- Printed pages (printouts/marks.py) ---
    # At the foot of every printed page of a document: the date of its text
    # (a theme's footer may say it too) and the page number.
    "footer_changed": "Procedure as of {date}",
    "print_page": "page {page} of {pages}",
    # --- Languages (handbook/languages.html, translation_note.html) ---
    # This language's name in itself, in the language switch.
    "language_name": "English",
    # The language switch's name for screen readers.
    "languages": "Languages",
    # On a translated page; {date} is the date of the source it was made from.
    "translation_note": (
        "Translated from the English of {date}; where they differ, the English applies."
    ),
    # An item of a translation whose source has changed since: opens to the source's words.
    "translation_outdated": "Outdated: show what the English says now",
}

# The words checklist.js and report-form.js show, in the page's JSON block.
SCRIPT_WORDS = (
    "reset",
    "reset_which",
    "untitled_checklist",
    "confirm_reset",
    "progress",
    "incident_panel",
    "start_incident",
    "copy_timeline",
    "no_incident",
    "incident_started",
    "confirm_start",
    "timeline_start",
    "timeline_not_recorded",
    "timeline_label",
    "timeline_copied",
    "timeline_copy_by_hand",
    "not_saving",
    "timeline_zone",
    "saved_offline",
    "saved_slow",
    "saved_unreachable",
    "form_title",
    "form_confirm_wipe",
    "form_wiped",
    "form_emailed",
    "form_copied",
    "form_clipboard",
    "form_clipboard_cleared",
    "form_clipboard_kept",
    "form_copy_failed",
)

_PLACEHOLDER = re.compile(r"\{(\w*)\}")


def placeholders(text: str) -> set[str]:
    """Return the names of the `{name}` placeholders in a word."""
    return set(_PLACEHOLDER.findall(text))


def check_theme_words(given: dict) -> tuple[dict, list[tuple[str, str]]]:
    """Return DEFAULT_WORDS with a theme's words added, and each problem of those."""
    name = "HANDBOOK['theme_words']"
    problems = []
    catalog = dict(DEFAULT_WORDS)
    for key in sorted(given, key=str):
        value = given[key]
        if key in DEFAULT_WORDS:
            message = f"has the key {key!r}, a word of the plugin: change it in HANDBOOK['words']"
            problems.append((name, message))
        elif not isinstance(key, str) or not key.isidentifier() or hasattr(dict, key):
            # `HANDBOOK_WORDS.copy` would be the dict's method, not the word.
            problems.append((name, f"has the key {key!r}, which a template cannot name"))
        elif problem := forms_problem(key, value):
            problems.append((f"{name}[{key!r}]", problem))
        else:
            catalog[key] = value
    return catalog, problems


def check_words(given: dict, catalog: dict = DEFAULT_WORDS) -> tuple[dict, list[tuple[str, str]]]:
    """Return the catalog's words with the good words of `given` over them, and each problem found.

    The catalog is DEFAULT_WORDS and the theme's words (check_theme_words).
    """
    problems = []
    words = dict(catalog)
    for key in sorted(given, key=str):
        value = given[key]
        if key not in catalog:
            hint = did_you_mean(str(key), catalog)
            problems.append(("HANDBOOK['words']", f"has an unknown key {key!r}{hint}"))
        elif problem := forms_problem(key, value):
            problems.append((f"HANDBOOK['words'][{key!r}]", problem))
        elif unknown := sorted(
            {name for text in forms(value) for name in placeholders(text)}
            - placeholders(catalog[key])
        ):
            known = sorted(placeholders(catalog[key]))
            hint = did_you_mean(unknown[0], known) if known else ""
            takes = ", ".join(f"{{{name}}}" for name in known) or "none"
            problems.append(
                (
                    f"HANDBOOK['words'][{key!r}]",
                    f"has an unknown placeholder {{{unknown[0]}}}{hint}; it takes {takes}",
                )
            )
        else:
            words[key] = value
    return words, problems
