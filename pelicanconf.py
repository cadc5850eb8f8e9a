"""Settings for building the handbook locally (make html, make serve).

An organization that forks the handbook changes the settings in the first
block; everything below it is how the site is put together.
"""

import logging

# --- Settings an organization changes -------------------------------------

ORGANIZATION = "Boston Python"
SITENAME = "Boston Python Code of Conduct"
# Reaches the lead incident responders.
CONDUCT_EMAIL = "conduct@bostonpython.com"
# Reaches the group's leaders: appeals, and conflicts of interest.
LEADERS_EMAIL = "leaders@bostonpython.com"

# Contacts. Write each `phone` as people write it ("911", "+1 (617) 555 0100",
# "13 11 14"): its link dials the digits, keeping a leading "+". `tel` is
# optional: give one only to dial something else. `show` lists where a contact
# appears: "first_screen" (the "If anyone is in danger" box of a page with
# `Contacts: first`), "home" (the home page), "card" (the pocket contacts card).
# Without it, emergency contacts show everywhere; organizer contacts on "home"
# and "card", and on the first screen only the first two, so a long list never
# pushes the first checklist off a phone's first screen. A value left as a
# placeholder (TODO, XXX, NNN, an example.com/.org/.net address, "") fails the
# build.

# Emergency services: `label` and `phone`.
EMERGENCY_CONTACTS = [
    {"label": "Police, fire, ambulance", "phone": "911"},
    {"label": "Suicide and crisis lifeline", "phone": "988"},
]

# Who staff call or write during an event: `role`, `email` and/or `phone`,
# optionally `name`. Add a `phone` to any entry (an event's on-call
# organizer, say) and it becomes a tap-to-call link.
ORGANIZER_CONTACTS = [
    {"role": "Lead incident responders", "email": CONDUCT_EMAIL},
    {"role": "Boston Python leaders", "email": LEADERS_EMAIL},
]

# Options of the handbook plugin; plugins/pelican-handbook/README.md lists each key.
HANDBOOK = {
    # Pocket card size: "4x6" (in: a shirt pocket, 2 to a sheet), "3x5" (index
    # cards, 4 to a sheet) or "badge" (a 3 x 4 in badge-holder insert, 4 to a
    # sheet). Any other size: "card_width" and "card_height", as CSS lengths.
    "card_size": "4x6",
    # A checklist longer than this is split across cards (Boorman: 5 to 9
    # items per pause point).
    "card_max_items": 9,
    # Paths served by something other than this site: never reported as broken.
    "link_ignore": [],
    # Words that must not ship in a page (outside code): a procedure that says
    # "(e-mail: TBD)" fails the person who needs the address. Add your own.
    "content_placeholders": ["TODO", "TBD", "XXX", "FIXME"],
    # Staff open the procedure where there is no signal: every visit keeps a
    # copy of the whole site on the phone (the plugin leaves this off).
    "offline": True,
    # The web app manifest: the phone's title bar colour (the logo's blue)
    # and the description app stores and install prompts show.
    "theme_color": "#0b57a4",
    "app_description": "Boston Python: Code of Conduct and incident response.",
    # The home-screen label when staff add the site to their phone.
    "short_name": "BP Conduct",
    # How each page's footer writes the build date: "Procedure as of 2026-11-25".
    "date_format": "%Y-%m-%d",
    # Settings the Markdown can use as Jinja globals of the same name
    # (`{{ CONDUCT_EMAIL }}`), so an address is written once, here.
    "content_settings": [
        "ORGANIZATION",
        "SITENAME",
        "CONDUCT_EMAIL",
        "LEADERS_EMAIL",
        "EMERGENCY_CONTACTS",
        "ORGANIZER_CONTACTS",
    ],
    # Wording the pages, the cards and the scripts show, over the plugin's
    # English defaults (every key: plugins/pelican-handbook/README.md, "Words").
    "words": {
        "home_lede": f"Everyone at {ORGANIZATION} events deserves to feel safe and welcome."
        " Start here.",
        # The checklists are run through for an incident; the plugin's own
        # words fit any checklist ("Start over").
        "incident_panel": "Incident",
        "start_incident": "Start a new incident",
        "no_incident": "No incident started on this device.",
        "incident_started": "Incident started {day} at {time}.",
        "confirm_start": "Start a new incident? This clears every tick on this page.",
        "timeline_start": "Incident started: {start}",
        "cards_description": "{organization}: the staff procedure's checklists as pocket cards"
        " to print.",
    },
}

# The language of the documents, as a language tag ("en", "pt-BR", "he"): it
# reaches every page's <html lang>, the PDFs and the web app manifest, and a
# language written right to left (Arabic, Hebrew, Persian, Urdu) gets dir="rtl".
DEFAULT_LANG = "en"
# The time zone the dates are shown in ("Procedure as of", tick times).
TIMEZONE = "America/New_York"
# The documents in the navigation and the home page's doors, in this order
# (page slugs); a slug that names no page stops the build.
MENU_PAGES = ["code-of-conduct", "conduct-attendee-procedure", "conduct-staff-procedure"]

# --- How the site is put together -----------------------------------------

AUTHOR = ORGANIZATION
PATH = "content"
THEME = "theme"
SITEURL = ""
# Every link is relative, so the site works from any folder or sub-path.
RELATIVE_URLS = True

# jinja2content renders each Markdown file as a Jinja template (settings reach
# the text); handbook adds checklists, link checks, cards and offline use;
# handbook_site (plugins/handbook_site/) is this site's own part of it: the
# theme's words, where contacts show, and the placeholder check above.
PLUGIN_PATHS = ["plugins"]
PLUGINS = ["jinja2content", "handbook", "handbook_site"]
# Every value a template writes is escaped as text unless marked as HTML
# (`|safe` for a page's content): a setting or a title with "<" or a quote
# cannot break the page. Pages' own Jinja escapes for Markdown (the handbook).
JINJA_ENVIRONMENT = {"autoescape": True}
# The handbook names the page and line of a link it cannot resolve; Pelican's
# own warning for it names neither.
LOG_FILTER = [(logging.WARNING, "Unable to find '%s', skipping url replacement.")]

# A build that finds a problem (broken link, template error, page without a
# title) exits non-zero. `make devserver` turns this off to keep serving.
HANDBOOK_FAIL_ON_PROBLEMS = True

PAGE_PATHS = ["pages"]
ARTICLE_PATHS = ["articles"]
PAGE_URL = "{slug}.html"
PAGE_SAVE_AS = "{slug}.html"
# A translation (the same `Slug:` with `Lang: es`) is published under its
# language: es/conduct-staff-procedure.html (README, "Your language").
PAGE_LANG_URL = "{lang}/{slug}.html"
PAGE_LANG_SAVE_AS = "{lang}/{slug}.html"
# Pictures go in content/images/ and are linked as {static}/images/plan.png.
STATIC_PATHS = ["images"]

# The handbook is pages only: no blog machinery.
DIRECT_TEMPLATES = ["index"]
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
ARCHIVES_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
TAGS_SAVE_AS = ""
AUTHOR_SAVE_AS = ""
CATEGORY_SAVE_AS = ""
TAG_SAVE_AS = ""
DEFAULT_PAGINATION = False


from handbook_checklists.slugs import slugify  # noqa: E402

MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.meta": {},
        # Heading ids are link targets: #when-taking-an-incident-report. The
        # handbook's slugify gives the same ids as toc's own, and ids in any
        # script where toc's would be empty (a fork in Russian or Japanese).
        "markdown.extensions.toc": {"slugify": slugify},
    },
    "output_format": "html5",
}

DELETE_OUTPUT_DIRECTORY = False
