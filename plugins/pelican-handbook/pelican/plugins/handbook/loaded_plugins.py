"""Find the plugins PLUGINS names that Pelican could not load.

Pelican logs an error for such a plugin and builds on without it, so what
it gives (a site plugin's theme words) is silently missing. Pelican 4.6 and
later also rewrite settings["PLUGINS"] to the plugins it loaded, so the
names as written are read from the settings file's module, which Pelican
loads under the file's name and keeps in sys.modules.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

from .hints import did_you_mean
from .settings import settings_file, settings_modules

_NAMESPACE = "pelican.plugins."


def written_plugins(settings: dict) -> tuple[list[str], str]:
    """Return the plugin names PLUGINS gives, as written, and the file that writes them."""
    # Pelican rewrites settings["PLUGINS"]: the file's own list is in its module.
    module = next((m for m in settings_modules(settings) if "PLUGINS" in m.__dict__), None)
    given = list(settings.get("PLUGINS") or [])
    where = settings_file(settings, "PLUGINS")
    if module is not None:
        given += list(module.__dict__["PLUGINS"] or [])
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
