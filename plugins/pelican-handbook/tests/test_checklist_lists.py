"""Lists as organizations write them for GitHub: right under a paragraph line, nested by two spaces.

On a page with checklists they are read as CommonMark reads them
(test_checklist_commonmark.py compares with a CommonMark parser); on any
other page Python-Markdown reads them as it always has.
"""

from __future__ import annotations

import markdown
from handbook_checklists.extension import ChecklistExtension
from handbook_checklists.lists import renest
from markdown.test_tools import TestCase
from test_checklist_extension import note_item, plain_item, steps_item

EXTENSIONS = ["toc", "attr_list", "meta", "extra"]


def convert(source: str) -> tuple[str, markdown.Markdown]:
    """Return the HTML of `source` with the extension, and the Markdown instance."""
    md = markdown.Markdown(extensions=[ChecklistExtension(), *EXTENSIONS], output_format="html5")
    return md.convert(source), md


def stock(source: str) -> str:
    """Return what Python-Markdown makes of `source` without the plugin."""
    return markdown.markdown(source, extensions=EXTENSIONS, output_format="html5")


def steps(checklist_id: str, title: str, items: str, tag: str = "ul", own_id: bool = True) -> str:
    """Return the HTML of a steps checklist holding `items`."""
    id_attribute = f'id="{checklist_id}" ' if own_id else ""
    return (
        f'<div aria-label="{title}" class="checklist checklist--steps" '
        f'data-checklist="{checklist_id}" data-kind="steps" data-module="checklist" '
        f'{id_attribute}role="group">\n<{tag} class="checklist__items">\n{items}\n</{tag}>\n</div>'
    )


def notes(*items: tuple[str, str], tag: str = "ul") -> str:
    lines = "\n".join(note_item(item_id, text) for item_id, text in items)
    return f'<{tag} class="checklist__items">\n{lines}\n</{tag}>\n'


class ListsTestCase(TestCase):
    def setUp(self):
        self.default_kwargs = {
            "extensions": [ChecklistExtension(), *EXTENSIONS],
            "output_format": "html5",
        }


class TestListsRightUnderAParagraph(ListsTestCase):
    def test_a_list_right_under_a_bold_title_is_a_checklist_with_that_title(self):
        self.assertMarkdownRenders(
            self.dedent(
                """
                Checklists: steps

                **Immediate Response Checklist**
                * Assess the danger
                * Find a quiet place
                """
            ),
            "<p><strong>Immediate Response Checklist</strong></p>\n"
            + steps(
                "immediate-response-checklist",
                "Immediate Response Checklist",
                f"{steps_item('assess-the-danger', 'Assess the danger')}\n"
                f"{steps_item('find-a-quiet-place', 'Find a quiet place')}",
            ),
        )

    def test_a_list_right_under_a_sentence_ending_in_a_colon_takes_its_title(self):
        self.assertMarkdownRenders(
            "Checklists: steps\n\nBefore the event starts:\n"
            "1. Print the cards\n1. Charge the phone\n",
            "<p>Before the event starts:</p>\n"
            + steps(
                "before-the-event-starts",
                "Before the event starts",
                f"{steps_item('print-the-cards', 'Print the cards')}\n"
                f"{steps_item('charge-the-phone', 'Charge the phone')}",
                tag="ol",
            ),
        )

    def test_a_number_that_cannot_start_a_list_stays_in_its_sentence(self):
        # CommonMark: only a list starting at 1 may interrupt a paragraph.
        self.assertMarkdownRenders(
            "Checklists: steps\n\nThe room is on floor\n3. Take the lift.\n",
            "<p>The room is on floor\n3. Take the lift.</p>",
        )

    def test_a_page_without_checklists_reads_the_same_text_as_stock_python_markdown(self):
        source = "**Immediate Response Checklist**\n* Assess\n* Call\n\n* a\n  * b\n"
        self.assertMarkdownRenders(source, stock(source))
        assert "<li>" not in stock(source).split("</p>")[0]

    def test_a_mark_in_the_text_is_enough_to_read_lists_as_written(self):
        self.assertMarkdownRenders(
            "Do not:\n* Promise an outcome\n* Blame\n\n{: .checklist-cautions }\n",
            "<p>Do not:</p>\n"
            '<div aria-label="Do not" class="checklist checklist--cautions" '
            'data-checklist="do-not" data-kind="cautions" id="do-not" role="group">\n'
            '<ul class="checklist__items">\n'
            f"{plain_item('promise-an-outcome', 'Promise an outcome')}\n"
            f"{plain_item('blame', 'Blame')}\n</ul>\n</div>",
        )


class TestNesting(ListsTestCase):
    def test_steps_nested_by_two_spaces_are_notes_of_their_step(self):
        self.assertMarkdownRenders(
            self.dedent(
                """
                Checklists: steps

                ## Assess

                * Check that everyone is safe
                  * Call security
                    * Their number is on the card
                * Find a quiet place
                """
            ),
            '<h2 id="assess">Assess</h2>\n'
            + steps(
                "assess",
                "Assess",
                steps_item(
                    "check-that-everyone-is-safe",
                    "Check that everyone is safe",
                    '<ul class="checklist__items">\n'
                    '<li class="checklist__item checklist__item--note" id="call-security">'
                    '<span class="checklist__text">Call security</span>'
                    + notes(("their-number-is-on-the-card", "Their number is on the card"))
                    + "</li>\n</ul>\n",
                )
                + f"\n{steps_item('find-a-quiet-place', 'Find a quiet place')}",
                own_id=False,
            ),
        )

    def test_items_nested_under_a_numbered_steps_text_are_its_notes(self):
        self.assertMarkdownRenders(
            "Checklists: steps\n\n## Listen\n\n1. Let them talk\n   1. Do not interrupt\n"
            "   1. Take notes\n1. Thank them\n",
            '<h2 id="listen">Listen</h2>\n'
            + steps(
                "listen",
                "Listen",
                steps_item(
                    "let-them-talk",
                    "Let them talk",
                    notes(
                        ("do-not-interrupt", "Do not interrupt"),
                        ("take-notes", "Take notes"),
                        tag="ol",
                    ),
                )
                + f"\n{steps_item('thank-them', 'Thank them')}",
                tag="ol",
                own_id=False,
            ),
        )

    def test_a_paragraph_two_spaces_under_an_item_stays_in_it(self):
        html, _ = convert("Checklists: steps\n\n## Go\n\n* Leave\n\n  By the back door.\n* Call\n")
        assert "<p>By the back door.</p>\n</li>" in html

    def test_an_item_indented_short_of_its_parents_text_is_reported_with_the_fix(self):
        html, md = convert("Checklists: steps\n\n## Go\n\n1. Leave\n  * Quietly\n1. Call\n")
        # CommonMark nests it under nothing; neither does the page.
        assert html.count('type="checkbox"') == 3
        assert md.checklist_mistakes == [
            (
                "warning",
                "list item indented 2 spaces is nested under nothing: indent it 3 spaces"
                " to nest it under 'Leave', or 0 to follow it",
                "* Quietly",
            )
        ]

    def test_lists_nested_by_four_spaces_keep_every_line_as_written(self):
        lines = [
            "1. Ask",
            "    * Where",
            "    more",
            "",
            "        code",
            "1. Thank",
            "",
            "    Then",
        ]
        assert renest(lines) == (lines, [])

    def test_code_is_never_read_as_a_list(self):
        source = (
            "Checklists: steps\n\n## Go\n\nRun:\n```\n* not an item\n  * nor this\n```\n\n"
            "    * indented code\n\n* Leave\n"
        )
        html, md = convert(source)
        assert "<pre><code>* not an item\n  * nor this\n</code></pre>" in html
        assert "<pre><code>* indented code\n</code></pre>" in html
        assert [item["text"] for item in md.checklists[0]["items"]] == ["Leave"]


class TestMarkRightUnderItsList(ListsTestCase):
    def test_a_mark_with_no_blank_line_before_it_marks_its_list(self):
        self.assertMarkdownRenders(
            'Intro.\n\n* Do not blame\n{: .checklist-cautions title="Never" }\n',
            "<p>Intro.</p>\n"
            '<div aria-label="Never" class="checklist checklist--cautions" '
            'data-checklist="never" data-kind="cautions" id="never" role="group">\n'
            f'<ul class="checklist__items">\n{plain_item("do-not-blame", "Do not blame")}\n'
            "</ul>\n</div>",
        )

    def test_under_a_loose_or_nested_list_too(self):
        for source in ("* One\n\n* Two\n", "* One\n    * Two\n"):
            html, md = convert(f"Do:\n\n{source}{{: .checklist-steps }}\n")
            assert [c["kind"] for c in md.checklists] == ["steps"], source
            assert "checklist-steps" not in html and "title=" not in html, html


class TestTitles(ListsTestCase):
    def test_a_bold_lead_in_ending_in_a_colon_is_a_title_and_no_fragment(self):
        html, md = convert("Checklists: steps\n\n**Then:**\n\n* Leave\n")
        assert md.checklists[0]["title"] == "Then"
        assert md.checklist_mistakes == []

    def test_a_long_lead_in_warns_at_its_line_and_its_id_ends_at_a_whole_word(self):
        lead_in = (
            "Once the reporter is safe, has somewhere quiet to sit and a friend with them"
            " if they want one, you can then:"
        )
        _, md = convert(f"Checklists: steps\n\nIntro.\n\n{lead_in}\n\n* Listen\n")
        checklist = md.checklists[0]
        assert checklist["title"] == lead_in.removesuffix(":")
        assert checklist["id"] == "once-the-reporter-is-safe-has-somewhere-quiet-to-sit-and-a"
        assert md.checklist_mistakes == [
            (
                "warning",
                "checklist title 'Once the reporter is safe, has somewhere quiet...' is 107"
                ' characters long (more than 80): name it with title="..." in its mark',
                "Once the reporter is safe, has somewhere",
            )
        ]

    def test_the_limit_is_a_setting_of_the_extension(self):
        md = markdown.Markdown(extensions=[ChecklistExtension(title_length=5), *EXTENSIONS])
        md.convert("Checklists: steps\n\n## Gather\n\n* Names\n")
        assert [level for level, _, _ in md.checklist_mistakes] == ["warning"]
