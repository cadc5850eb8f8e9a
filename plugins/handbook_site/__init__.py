"""This handbook's own parts: its theme's words, where its contacts show, its placeholder rule.

A Pelican plugin of the site (pelicanconf.py: PLUGIN_PATHS, PLUGINS), beside
the handbook plugin it builds on; what any site can use is in that plugin.
"""

from .site import register

__all__ = ["register"]
