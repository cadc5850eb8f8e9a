"""The handbook plugin: checklists, link checks, pocket cards, offline use."""

from .plugin import register

__all__ = ["register"]
