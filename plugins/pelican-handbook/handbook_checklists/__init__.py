"""Checklists: a Python-Markdown extension that makes marked lists tickable checklists.

Usable without Pelican: `markdown.markdown(text, extensions=["toc", "attr_list",
"handbook_checklists"])`, or with `ChecklistExtension()`.
"""

from .extension import ChecklistExtension, makeExtension

__all__ = ["ChecklistExtension", "makeExtension"]
