"""Find the plugins PLUGINS names that Pelican could not load.

Pelican logs an error for such a plugin and builds on without it, so what
it gives (a site plugin's theme words) is silently missing. Pelican 4.6 and
later also rewrite settings["PLUGINS"] to the plugins it loaded, so the
names as written are read from the settings file's module, which Pelican
loads under the file's name and keeps in sys.modules.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from types import ModuleType

from .hints import did_you_mean
from .settings import settings_file

_NAMESPACE = "pelican.plugins."


def _settings_module(settings: dict) -> ModuleType | None:
    """Return the loaded settings file's module: the one holding most of the settings' values."""
    values = [
        value
        for name, value in settings.items()
        if name.isupper() and name != "PLUGINS" and isinstance(value, (list, dict, tuple))
    ]
    best, shared = None, 0
    for module in list(sys.modules.values()):
        names = getattr(module, "__dict__", {})
        if "PLUGINS" not in names or not str(names.get("__file__", "")).endswith(".py"):
            continue
        # By identity: the settings hold the file's own lists and dicts, not copies.
        held = {id(value) for value in names.values()}
        count = sum(1 for value in values if id(value) in held)
        if count > shared:
            best, shared = module, count
    return best


def written_plugins(settings: dict) -> tuple[list[str], str]:
    """Return the plugin names PLUGINS gives, as written, and the file that writes them."""
    module = _settings_module(settings)
    given = list(settings.get("PLUGINS") or [])
    where = settings_file(settings, "PLUGINS")
    if module is not None:
        given += list(getattr(module, "PLUGINS", None) or [])
        where = module.__file__
    names = [name for name in given if isinstance(name, str)]
    return list(dict.fromkeys(names)), where


def _why_not_loaded(name: str, plugin_paths: list[str]) -> str | None:
    """Return why `name` cannot be loaded as Pelican loads it, or None if it can."""
    from pelican.plugins._utils import get_namespace_plugins, load_legacy_plugin

    namespace = get_namespace_plugins()
    if name in namespace or _NAMESPACE + name in namespace:
        return None
    try:
        load_legacy_plugin(name, plugin_paths)
    except Exception as error:  # what importing the plugin raised, as Pelican caught it
        return f"{type(error).__name__}: {error}"
    return None


def _plugin_names(plugin_paths: Iterable[str]) -> list[str]:
    """Return the plugins installed or in PLUGIN_PATHS: the names PLUGINS could give."""
    from pelican.plugins._utils import get_namespace_plugins

    names = [name.removeprefix(_NAMESPACE) for name in get_namespace_plugins()]
    for folder in plugin_paths:
        try:
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
        except OSError:
            continue
        for entry in entries:
            if entry.is_dir() and os.path.isfile(os.path.join(entry.path, "__init__.py")):
                names.append(entry.name)
            elif entry.name.endswith(".py") and entry.name != "__init__.py":
                names.append(entry.name[:-3])
    return names


def unloaded_plugins(pelican) -> list[tuple[str, str, str]]:
    """Return (setting, problem, settings file) for each plugin Pelican did not load."""
    settings = pelican.settings
    loaded = {getattr(plugin, "__name__", None) for plugin in getattr(pelican, "plugins", [])}
    written, where = written_plugins(settings)
    plugin_paths = list(settings.get("PLUGIN_PATHS") or [])
    problems = []
    for name in written:
        if name in loaded or _NAMESPACE + name in loaded:
            continue
        reason = _why_not_loaded(name, plugin_paths)
        if reason is None:
            # It loads: a PLUGINS given on the command line (-e) left it out, or
            # its register() failed, which Pelican reports with a traceback.
            continue
        # Not a plugin PLUGINS names already: 'handbook' for 'handbook_site'.
        others = [other for other in _plugin_names(plugin_paths) if other not in written]
        hint = did_you_mean(name, others)
        message = f"names {name!r}, which Pelican could not load: {reason}{hint}"
        problems.append(("PLUGINS", message, where))
    return problems
