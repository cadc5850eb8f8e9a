"""The checklist extension under the plugin's name.

`extensions=["pelican.plugins.handbook.checklists"]` works as it did.

The extension itself is the top-level package `handbook_checklists`, which
imports Markdown and nothing of Pelican.
"""

from handbook_checklists import ChecklistExtension, makeExtension

__all__ = ["ChecklistExtension", "makeExtension"]
