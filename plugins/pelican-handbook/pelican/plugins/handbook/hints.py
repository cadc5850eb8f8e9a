"""Did-you-mean hints: the checklist extension's, which every message of the plugin shares."""

from handbook_checklists.hints import did_you_mean

__all__ = ["did_you_mean"]
