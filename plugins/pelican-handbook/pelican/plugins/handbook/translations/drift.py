"""Compare a translation's checklists with its source's, by id, so it cannot fall behind silently.

Errors, at the translation's file and line: a source checklist or item the
translation lacks, one the source does not have, another kind (steps against
cautions, the report form or not), a step against a note, another order, an
item that records nothing of its source. A warning: a source item reworded
since the translation recorded it (records.py); its id is returned, with the
source's words now, for the "outdated" mark on the translated page.
"""

from __future__ import annotations

from ..report import display_path
from .records import record_attributes, text_hash

# A snippet of an item's words short enough to be written whole on one line.
_SNIPPET = 30


def _shown(text: str) -> str:
    """Return text quoted in a message, shortened past 60 characters."""
    return f'"{text}"' if len(text) <= 60 else f'"{text[:57].rstrip()}..."'


def _kind(checklist: dict) -> str:
    return checklist["kind"] + (" (the report form)" if checklist.get("report_form") else "")


def _place(depth: int) -> str:
    return "a note under a step" if depth else "an item of its own"


def _out_of_order(ours: list[str], theirs: list[str]) -> tuple[str, str] | None:
    """Return the first id of `ours` not where `theirs` has it, and the one that belongs there."""
    common = set(ours) & set(theirs)
    here = [name for name in ours if name in common]
    there = [name for name in theirs if name in common]
    return next(((a, b) for a, b in zip(here, there) if a != b), None)


class Comparison:
    """One translation against its source: problems reported, outdated items kept."""

    def __init__(self, build, source, translation):
        self.build = build
        self.path = translation.source_path
        self.source_name = display_path(source.source_path)
        self.source = source
        self.translation = translation
        # The outdated items: id, then what the source says now.
        self.outdated: dict[str, str] = {}

    def error(self, line: int | None, message: str) -> None:
        self.build.report.problem(self.path, line, message)

    def line_of(self, element_id: str, text: str) -> int | None:
        """Return the line that gives `element_id`, else the line holding its words."""
        line = self.build.lines.of_id(self.path, element_id, generated=False)
        if line is None and text.strip():
            snippet = text[:_SNIPPET].rsplit(" ", 1)[0] if len(text) > _SNIPPET else text
            line = self.build.lines.next_of_text(self.path, snippet)
        return line

    def checklist_line(self, checklist: dict) -> int | None:
        return self.line_of(checklist["id"], checklist["title"])

    def run(self) -> dict[str, str]:
        """Compare every checklist; return the outdated items' ids and their source text now."""
        ours = {c["id"]: c for c in getattr(self.translation, "handbook_checklists", None) or []}
        theirs = {c["id"]: c for c in getattr(self.source, "handbook_checklists", None) or []}
        self.missing_checklists(ours, theirs)
        for position, checklist in enumerate(ours.values()):
            if checklist["id"] not in theirs:
                self.extra_checklist(checklist, position, ours, list(theirs))
        wrong = _out_of_order(list(ours), list(theirs))
        if wrong:
            message = f"checklist '{wrong[0]}' comes before '{wrong[1]}' here, after it in"
            self.error(self.checklist_line(ours[wrong[0]]), f"{message} {self.source_name}")
        for checklist_id in [name for name in ours if name in theirs]:
            self.compare_checklist(ours[checklist_id], theirs[checklist_id])
        return self.outdated

    def missing_checklists(self, ours: dict, theirs: dict) -> None:
        """Report each source checklist the translation lacks, where it belongs."""
        names = list(theirs)
        for index, name in enumerate(names):
            if name in ours:
                continue
            after = next((ours[n] for n in names[index + 1 :] if n in ours), None)
            last = self.build.lines.text(self.path).count("\n") + 1
            line = self.checklist_line(after) if after else last
            title = theirs[name]["title"]
            message = (
                f"checklist '{name}' ({_shown(title)} in {self.source_name}) is missing here:"
                f" translate it, its heading or mark keeping the id ({{: #{name} }})"
            )
            self.error(line, message)

    def extra_checklist(self, checklist: dict, position: int, ours: dict, theirs: list) -> None:
        """Report a checklist the source does not have, naming the one it may stand for."""
        stands_for = theirs[position] if position < len(theirs) else None
        hint = ""
        if stands_for is not None and stands_for not in ours:
            hint = f" (it stands where '{stands_for}' is: give it that id, {{: #{stands_for} }})"
        message = (
            f"checklist '{checklist['id']}' ({_shown(checklist['title'])}) is not in"
            f" {self.source_name}{hint or ': give it the id of the checklist it translates'}"
        )
        self.error(self.checklist_line(checklist), message)

    def compare_checklist(self, ours: dict, theirs: dict) -> None:
        """Compare one checklist's kind and items with the source's."""
        if _kind(ours) != _kind(theirs):
            message = f"checklist '{ours['id']}' is {_kind(ours)} here, {_kind(theirs)} in"
            self.error(self.checklist_line(ours), f"{message} {self.source_name}")
        items = {item["id"]: item for item in ours["items"]}
        sources = {item["id"]: item for item in theirs["items"]}
        # What each item translates: the source item of its id, or the one a rewording renamed.
        translates = {**{name: name for name in items}, **reworded(ours["items"], theirs["items"])}
        by_source = {translates[name]: items[name] for name in items}
        # A missing item is reported after the item before it, else before the one after it.
        present = [by_source[name] for name in sources if name in by_source]
        previous = None
        for name, source in sources.items():
            if name in by_source:
                previous = by_source[name]
                continue
            beside = previous or (present[0] if present else None)
            where = self.line_of(beside["id"], beside["text"]) if beside else None
            message = (
                f"item '{name}' of checklist '{ours['id']}' is missing here: it says"
                f" {_shown(source['text'])} in {self.source_name}"
            )
            self.error(where or self.checklist_line(ours), message)
        for item in items.values():
            if translates[item["id"]] not in sources:
                message = (
                    f"item '{item['id']}' ({_shown(item['text'])}) of checklist '{ours['id']}'"
                    f" is not in {self.source_name}: give it the id of the item it translates"
                )
                self.error(self.line_of(item["id"], item["text"]), message)
        wrong = _out_of_order([translates[name] for name in items], list(sources))
        if wrong:
            here = next(name for name in items if translates[name] == wrong[0])
            message = f"item '{here}' comes before '{wrong[1]}' here, after it in"
            self.error(self.line_of(here, items[here]["text"]), f"{message} {self.source_name}")
        for item in items.values():
            if translates[item["id"]] in sources:
                self.compare_item(item, sources[translates[item["id"]]])

    def compare_item(self, item: dict, source: dict) -> None:
        """Report a step against a note, a missing record, or a reworded source item."""
        line = self.line_of(item["id"], item["text"])
        if bool(item["depth"]) != bool(source["depth"]):
            message = f"item '{item['id']}' is {_place(item['depth'])} here,"
            self.error(line, f"{message} {_place(source['depth'])} in {self.source_name}")
        record = item.get("source")
        renamed = f" (its id is now '{source['id']}')" if source["id"] != item["id"] else ""
        if record is None:
            message = (
                f"item '{item['id']}' records nothing of the source text it translates:"
                f" once it says what {self.source_name} says, write"
                f" {record_attributes(source['id'], source['text'])} under it"
            )
            self.error(line, message)
        elif record != text_hash(source["text"]) or renamed:
            self.outdated[item["id"]] = source["text"]
            message = (
                f"item '{item['id']}' is outdated: {self.source_name} has reworded it since it"
                f" was translated{renamed}, and now says {_shown(source['text'])}; translate it"
                " again, then refresh this file's records"
            )
            self.build.report.warn(self.path, line, message)


def reworded(ours: list[dict], theirs: list[dict]) -> dict[str, str]:
    """Return the items whose source was reworded into a new id: their id, then the new one.

    An item's id comes from its words, so rewording a source item renames it.
    An item of the translation that the source lacks, where (same place, same
    depth) the source has an item the translation lacks, translates that item.
    """
    ours_ids = {item["id"] for item in ours}
    theirs_ids = {item["id"] for item in theirs}
    return {
        mine["id"]: source["id"]
        for mine, source in zip(ours, theirs)
        if mine["id"] not in theirs_ids
        and source["id"] not in ours_ids
        and bool(mine["depth"]) == bool(source["depth"])
    }


def compare(build, source, translation) -> dict[str, str]:
    """Report how a translation's checklists differ from its source's; return its outdated items."""
    return Comparison(build, source, translation).run()
