"""What Python-Markdown 3.6 added that the checklists use, for sites on Markdown 3.2 to 3.5.

Each is Markdown's own where it has one, else a copy of 3.6's, so ids and
marks come out the same on every supported Markdown. Delete this module when
the floor reaches 3.6.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from copy import deepcopy

from markdown import Markdown
from markdown.extensions import attr_list, toc


def _strip_tags(text: str) -> str:
    """Return `text` without comments or tags, its whitespace collapsed."""
    # A comment could hold a tag, so comments go first.
    while (start := text.find("<!--")) != -1 and (end := text.find("-->", start)) != -1:
        text = text[:start] + text[end + 3 :]
    while (start := text.find("<")) != -1 and (end := text.find(">", start)) != -1:
        text = text[:start] + text[end + 1 :]
    return " ".join(text.split())


def _render_inner_html(element: etree.Element, md: Markdown) -> str:
    """Return the inner HTML of `element` with every postprocessor run, as toc renders a heading."""
    text = toc.unescape(md.serializer(element))
    text = text[text.index(">") + 1 : text.rindex("<")].strip()
    for processor in md.postprocessors:
        text = processor.run(text)
    return text.strip()


def _remove_fnrefs(root: etree.Element) -> etree.Element:
    """Return a copy of `root` without footnote references, keeping the text after them."""
    if next(root.iter("sup"), None) is None:
        return root
    root = deepcopy(root)
    for parent in root.findall(".//sup/.."):
        carry = ""
        for child in reversed(parent):  # reversed: children are removed on the way
            if child.tag == "sup" and child.get("id", "").startswith("fnref"):
                carry = (child.tail or "") + carry
                parent.remove(child)
            elif carry:
                child.tail, carry = (child.tail or "") + carry, ""
        if carry:
            parent.text = (parent.text or "") + carry
    return root


def _double_quoted(scanner, token: str) -> tuple[str, str]:
    key, value = token.split("=", 1)
    return key, value.strip('"')


def _single_quoted(scanner, token: str) -> tuple[str, str]:
    key, value = token.split("=", 1)
    return key, value.strip("'")


def _key_value(scanner, token: str) -> tuple[str, str]:
    key, value = token.split("=", 1)
    return key, value


def _word(scanner, token: str) -> tuple[str, str]:
    if token.startswith("."):
        return ".", token[1:]
    if token.startswith("#"):
        return "id", token[1:]
    return token, token


# 3.6's scanner: a `}` ends the list, so `{: .a } b }` leaves `} b` unread.
_SCANNER = re.Scanner(
    [
        (r'[^ =}]+=".*?"', _double_quoted),
        (r"[^ =}]+='.*?'", _single_quoted),
        (r"[^ =}]+=[^ =}]+", _key_value),
        (r"[^ =}]+", _word),
        (r" ", None),
    ]
)


def _get_attrs_and_remainder(text: str) -> tuple[list[tuple[str, str]], str]:
    """Return the attributes of an attribute list, and any text from a `}` on."""
    attrs, remainder = _SCANNER.scan(text)
    index = remainder.find("}")
    return attrs, remainder[index:] if index != -1 else ""


strip_tags = getattr(toc, "strip_tags", _strip_tags)
render_inner_html = getattr(toc, "render_inner_html", _render_inner_html)
remove_fnrefs = getattr(toc, "remove_fnrefs", _remove_fnrefs)
get_attrs_and_remainder = getattr(attr_list, "get_attrs_and_remainder", _get_attrs_and_remainder)
