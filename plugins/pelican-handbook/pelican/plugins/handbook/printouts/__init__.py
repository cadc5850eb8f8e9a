"""Printouts: pocket cards (HTML, PDF) and the incident report form, from a site's checklists."""

from .outputs import PrintState, plan_printouts, write_printouts

__all__ = ["PrintState", "plan_printouts", "write_printouts"]
