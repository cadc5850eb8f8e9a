"""The checklist Markdown extension alone: Markdown in, HTML out."""

from __future__ import annotations

import re
from textwrap import dedent

import markdown
from handbook_checklists.extension import ChecklistExtension
from markdown.test_tools import TestCase

EXTENSIONS = ["toc", "attr_list", "meta"]


def steps_item(item_id: str, text: str, nested: str = "") -> str:
    """Return the HTML of one tickable item."""
    return (
        f'<li class="checklist__item" id="{item_id}"><label class="checklist__label">'
        f'<input class="checklist__box" type="checkbox"><span class="checklist__text">{text}</span>'
        f"</label>{nested}</li>"
    )


def plain_item(item_id: str, text: str) -> str:
    """Return the HTML of one item that is not ticked (a caution or an option)."""
    text_span = f'<span class="checklist__text">{text}</span>'
    return f'<li class="checklist__item" id="{item_id}">{text_span}</li>'


def note_item(item_id: str, text: str) -> str:
    """Return the HTML of one note under a step: shown, never ticked."""
    text_span = f'<span class="checklist__text">{text}</span>'
    return f'<li class="checklist__item checklist__item--note" id="{item_id}">{text_span}</li>'


class ChecklistTestCase(TestCase):
    """Render with the extension the way Pelican's settings load it."""

    def setUp(self):
        self.default_kwargs = {
            "extensions": [ChecklistExtension(), *EXTENSIONS],
            "output_format": "html5",
        }

    def render(self, source: str) -> markdown.Markdown:
        md = markdown.Markdown(**self.default_kwargs)
        md.convert(dedent(source).strip())
        return md


class TestKinds(ChecklistTestCase):
    def test_page_metadata_makes_top_level_lists_steps_titled_by_their_heading(self):
        self.assertMarkdownRenders(
            self.dedent(
                """
                Checklists: steps

                ## When taking a report:

                1. Ask the reporter
                1. Thank the reporter
                """
            ),
            '<h2 id="when-taking-a-report">When taking a report:</h2>\n'
            '<div aria-label="When taking a report" class="checklist checklist--steps" '
            'data-checklist="when-taking-a-report" data-kind="steps" data-module="checklist" '
            'role="group">\n<ol class="checklist__items">\n'
            f"{steps_item('ask-the-reporter', 'Ask the reporter')}\n"
            f"{steps_item('thank-the-reporter', 'Thank the reporter')}\n"
            "</ol>\n</div>",
        )

    def test_cautions_mark_gives_untickable_warnings_with_the_title_it_names(self):
        self.assertMarkdownRenders(
            self.dedent(
                """
                Remember this.

                * Do not promise a response
                * Do not blame

                {: .checklist-cautions title="Never" }
                """
            ),
            "<p>Remember this.</p>\n"
            '<div aria-label="Never" class="checklist checklist--cautions" data-checklist="never" '
            'data-kind="cautions" id="never" role="group">\n<ul class="checklist__items">\n'
            f"{plain_item('do-not-promise-a-response', 'Do not promise a response')}\n"
            f"{plain_item('do-not-blame', 'Do not blame')}\n"
            "</ul>\n</div>",
        )

    def test_options_mark_takes_the_last_sentence_ending_in_a_colon_as_title(self):
        self.assertMarkdownRenders(
            self.dedent(
                """
                Intro.

                This list is not complete. Possible responses include:

                * A warning
                * Leaving the event

                {: .checklist-options }
                """
            ),
            "<p>Intro.</p>\n<p>This list is not complete. Possible responses include:</p>\n"
            '<div aria-label="Possible responses include" class="checklist checklist--options" '
            'data-checklist="possible-responses-include" data-kind="options" '
            'id="possible-responses-include" role="group">\n<ul class="checklist__items">\n'
            f"{plain_item('a-warning', 'A warning')}\n"
            f"{plain_item('leaving-the-event', 'Leaving the event')}\n"
            "</ul>\n</div>",
        )

    def test_none_mark_keeps_a_list_out_of_a_steps_page(self):
        self.assertMarkdownRenders(
            "Checklists: steps\n\n* Alpha\n* Beta\n\n{: .checklist-none }\n",
            "<ul>\n<li>Alpha</li>\n<li>Beta</li>\n</ul>",
        )

    def test_checklists_are_recorded_in_document_order_for_the_theme(self):
        md = self.render(
            """
            Checklists: steps

            ## First

            * One

            ## Second

            * Two
                * Two and a half

            Watch out:

            * Do not run

            {: .checklist-cautions }
            """
        )
        assert md.checklists == [
            {
                "id": "first",
                "title": "First",
                "kind": "steps",
                "items": [{"id": "one", "text": "One", "depth": 0}],
            },
            {
                "id": "second",
                "title": "Second",
                "kind": "steps",
                "items": [
                    {"id": "two", "text": "Two", "depth": 0},
                    {"id": "two-and-a-half", "text": "Two and a half", "depth": 1},
                ],
            },
            {
                "id": "watch-out",
                "title": "Watch out",
                "kind": "cautions",
                "items": [{"id": "do-not-run", "text": "Do not run", "depth": 0}],
            },
        ]


class TestStructure(ChecklistTestCase):
    def test_nested_items_are_notes_of_their_step_not_steps(self):
        self.assertMarkdownRenders(
            self.dedent(
                """
                Checklists: steps

                ## Gather

                1. Names
                    * Reporter
                    * Witnesses
                1. Times
                """
            ),
            '<h2 id="gather">Gather</h2>\n'
            '<div aria-label="Gather" class="checklist checklist--steps" data-checklist="gather" '
            'data-kind="steps" data-module="checklist" role="group">\n'
            '<ol class="checklist__items">\n'
            + steps_item(
                "names",
                "Names",
                '<ul class="checklist__items">\n'
                f"{note_item('reporter', 'Reporter')}\n"
                f"{note_item('witnesses', 'Witnesses')}\n"
                "</ul>\n",
            )
            + f"\n{steps_item('times', 'Times')}\n</ol>\n</div>",
        )

    def test_links_emphasis_and_code_stay_inside_the_label(self):
        self.assertMarkdownRenders(
            "Checklists: steps\n\n## Do\n\n* Read *the* [Code](coc.html) and `run`\n",
            '<h2 id="do">Do</h2>\n'
            '<div aria-label="Do" class="checklist checklist--steps" data-checklist="do" '
            'data-kind="steps" data-module="checklist" role="group">\n'
            '<ul class="checklist__items">\n'
            + steps_item(
                "read-the-code-and-run",
                'Read <em>the</em> <a href="coc.html">Code</a> and <code>run</code>',
            )
            + "\n</ul>\n</div>",
        )

    def test_an_empty_list_is_left_alone_and_its_mark_removed(self):
        self.assertMarkdownRenders(
            "Intro.\n\nDo:\n\n* \n* \n\n{: .checklist-steps }\n",
            "<p>Intro.</p>\n<p>Do:</p>\n<ul>\n<li></li>\n<li></li>\n</ul>",
        )

    def test_a_marked_list_inside_a_blockquote_becomes_a_checklist(self):
        self.assertMarkdownRenders(
            self.dedent(
                """
                > Respond:
                >
                > * Listen
                >
                > {: .checklist-steps }
                """
            ),
            "<blockquote>\n<p>Respond:</p>\n"
            '<div aria-label="Respond" class="checklist checklist--steps" data-checklist="respond" '
            'data-kind="steps" data-module="checklist" id="respond" role="group">\n'
            f'<ul class="checklist__items">\n{steps_item("listen", "Listen")}\n</ul>\n</div>\n'
            "</blockquote>",
        )

    def test_page_metadata_does_not_reach_lists_inside_a_blockquote(self):
        self.assertMarkdownRenders(
            "Checklists: steps\n\n> * Quoted\n",
            "<blockquote>\n<ul>\n<li>Quoted</li>\n</ul>\n</blockquote>",
        )

    def test_a_document_without_checklists_renders_exactly_as_without_the_extension(self):
        source = self.dedent(
            """
            # Title

            Some *text* with a [link](a.html).

            * one
            * two

            > quote

            1. first
            """
        )
        plain = markdown.markdown(source, extensions=EXTENSIONS, output_format="html5")
        self.assertMarkdownRenders(source, plain)


class TestIds(ChecklistTestCase):
    def test_item_ids_do_not_repeat_heading_or_other_item_ids(self):
        md = self.render(
            """
            Checklists: steps

            ## Listen

            * Listen
            * Listen
            """
        )
        assert [item["id"] for item in md.checklists[0]["items"]] == ["listen_1", "listen_2"]

    def test_long_items_get_ids_cut_at_a_whole_word(self):
        words = "Do not promise any particular response since it may differ from the official one"
        md = self.render(f"Checklists: steps\n\n## Do\n\n* {words}\n")
        item_id = md.checklists[0]["items"][0]["id"]
        assert item_id == "do-not-promise-any-particular-response-since-it-may-differ"

    def test_each_conversion_starts_with_no_checklists(self):
        md = markdown.Markdown(**self.default_kwargs)
        md.convert("Checklists: steps\n\n## A\n\n* a\n")
        md.reset()
        md.convert("Plain text.\n")
        assert md.checklists == []

    def test_an_item_with_nothing_to_read_gets_no_unnamed_checkbox(self):
        md = markdown.Markdown(**self.default_kwargs)
        html = md.convert("Checklists: steps\n\n## Do\n\n* <!-- later -->\n* ![Fire exit](x.png)\n")
        assert html.count('type="checkbox"') == 1
        assert md.checklists[0]["items"] == [{"id": "fire-exit", "text": "Fire exit", "depth": 0}]


def test_ids_in_every_script_are_made_from_their_words_never_their_position():
    from handbook_checklists.slugs import slugify

    # Text toc makes a complete ASCII slug of keeps toc's slug: published ids stay.
    assert slugify("Offer to get them water", "-") == "offer-to-get-them-water"
    assert slugify("Café au lait", "-") == "cafe-au-lait"
    assert slugify("Don't panic!", "-") == "dont-panic"
    # Every other script keeps its letters, and its vowel signs (combining marks).
    assert slugify("Сообщить о проблеме", "-") == "сообщить-о-проблеме"
    assert slugify("Größe der Gruppe", "-") == "größe-der-gruppe"
    assert slugify("Zgłoś incydent", "-") == "zgłoś-incydent"
    assert slugify("रिपोर्टर से बात करें", "-") == "रिपोर्टर-से-बात-करें"
    assert slugify("報告する", "-") == "報告する"
    assert slugify("הקשיבו למדווח", "-") == "הקשיבו-למדווח"


def test_a_russian_checklist_gets_ids_that_do_not_move_when_a_step_is_added():
    steps = ["Выслушать человека", "Записать, что произошло", "Сообщить ведущему"]

    def ids(items):
        md = markdown.Markdown(extensions=["attr_list", "meta", ChecklistExtension()])
        md.convert("Checklists: steps\n\n" + "".join(f"- {item}\n" for item in items))
        return [item["id"] for item in md.checklists[0]["items"]]

    before = ids(steps)
    assert not any(re.fullmatch(r"item(_\d+)?|_\d+", found) for found in before)
    assert ids(["Предложить воды", *steps])[1:] == before


def test_an_item_without_letters_is_an_error_with_the_fix():
    md = markdown.Markdown(extensions=["attr_list", "meta", ChecklistExtension()])
    md.convert("Checklists: steps\n\n## When it starts\n\n- Call for help\n- ☎️ ➡️\n")
    assert md.checklist_mistakes == [
        (
            "error",
            "item '☎️ ➡️' has no letters or digits to make its id from:"
            " give it one on the line under it, indented: '    {: #call-for-help }'",
            "☎️ ➡️",
        )
    ]
