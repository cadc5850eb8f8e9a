"""Turn the "information to gather" checklist, or the fields in settings, into the form's fields.

The fields come from the one list marked `.report-form`, else from
HANDBOOK["report_form_fields"]: texts written as such a list's items.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from handbook_checklists.ids import cut_at_hyphen
from handbook_checklists.slugs import slugify

from ..words import DEFAULT_WORDS

# The first sentence of an item is its label; the rest is guidance.
_FIRST_SENTENCE = re.compile(r"(?<=[.!?])\s+")
# An item asking for the time of the report stands in for the form's own
# date-and-time field, so the form does not ask twice.
_REPORT_TIME = re.compile(r"^(current|today'?s) date and time\b", re.IGNORECASE)


@dataclass(frozen=True)
class Field:
    """One labelled field: an id, its label, guidance, and how much room it gets."""

    id: str
    label: str
    hint: str = ""
    # "line" is a one-line input; "box" and "big" are text areas.
    size: str = "box"


def _size(label: str, words: dict) -> str:
    """Return how much room an answer needs, judged from its label's words.

    The words that say so are the site's language's: a label that starts
    with one of form_long_words ("Description of ...") gets a large box, one
    holding any of form_line_words ("Date", "Where") a single line.
    """
    said = re.findall(r"\w+", label.lower())
    if said and said[0] in words["form_long_words"].lower().split():
        return "big"
    return "line" if set(said) & set(words["form_line_words"].lower().split()) else "box"


def item_field(item: dict, nested: list[str], words: dict = DEFAULT_WORDS) -> Field:
    """Return the field for one gathered item; its nested items join the guidance."""
    label, *rest = _FIRST_SENTENCE.split(item["text"].strip(), maxsplit=1)
    label, hint = label.rstrip(". "), " ".join([*rest, *nested])
    if ":" in label and not hint:
        # "Identifying information: name, appearance, ..." - the list is a hint.
        label, hint = (part.strip() for part in label.split(":", 1))
        hint = words["form_examples"].replace("{examples}", hint)
    return Field(f"field-{item['id']}", label, hint, _size(label, words))


def form_fields(checklist: dict, words: dict = DEFAULT_WORDS) -> tuple[list[Field], list[Field]]:
    """Return the form's opening fields and one field per top-level gathered item.

    The opening fields' labels and the lead-in of an example hint come from
    `words` (the build's HANDBOOK_WORDS: form_staff_member, form_report_time,
    form_examples).
    """
    groups: list[tuple[dict, list[str]]] = []
    for item in checklist["items"]:
        if item["depth"] == 0 or not groups:
            groups.append((item, []))
        else:
            groups[-1][1].append(item["text"])
    gathered = [item_field(item, nested, words) for item, nested in groups]
    opening = [Field("field-staff-member", words["form_staff_member"], size="line")]
    if not any(_REPORT_TIME.match(f.label) for f in gathered):
        opening.append(Field("field-report-time", words["form_report_time"], size="line"))
    return opening, unique_ids(opening, gathered)


def unique_ids(opening: list[Field], gathered: list[Field]) -> list[Field]:
    """Return the gathered fields, each id (and its `<id>-hint`) unused by any field before it.

    An item "Staff member" would otherwise share its id with the opening field's.
    """
    used = {f"{field.id}{end}" for field in opening for end in ("", "-hint")}
    fields = []
    for field in gathered:
        field_id, number = field.id, 0
        while field_id in used or f"{field_id}-hint" in used:
            number += 1
            field_id = f"{field.id}_{number}"
        used.update((field_id, f"{field_id}-hint"))
        fields.append(dataclasses.replace(field, id=field_id))
    return fields


def settings_checklist(fields: list[str]) -> dict:
    """Return HANDBOOK["report_form_fields"] as the checklist the form is made from."""
    # Ids as the extension makes an item's, from the label's words only.
    labels = [_FIRST_SENTENCE.split(text.strip(), maxsplit=1)[0].split(":")[0] for text in fields]
    ids = [cut_at_hyphen(slugify(label, "-"), 60).strip("-_") or "field" for label in labels]
    items = [{"id": id_, "text": text, "depth": 0} for id_, text in zip(ids, fields)]
    return {"id": "report-form-fields", "title": "", "kind": "steps", "items": items}
