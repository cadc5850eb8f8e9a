"""The handbook plugin: checklists, link checks, pocket cards, offline use."""

from .handbook import register

__all__ = ["register"]
