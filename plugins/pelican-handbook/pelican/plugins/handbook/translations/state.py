"""What a build knows of its languages: kept on the build, read while pages are written."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class TranslationState:
    """The languages of one build, and what each one's pages say around their text."""

    # DEFAULT_LANG: the language of the sources.
    default: str = "en"
    # Every language a page is in, the default first; one means nothing to switch.
    languages: list[str] = field(default_factory=list)
    # Each language's words (HANDBOOK["language_words"] over the site's) and its own name.
    words: dict[str, dict] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    # Each language's home page (its output path), and its version of the menu pages.
    homes: dict[str, str] = field(default_factory=dict)
    menus: dict[str, list] = field(default_factory=dict)

    @property
    def several(self) -> bool:
        return len(self.languages) > 1

    def words_of(self, lang: str) -> dict:
        """Return the words of `lang`: the site's own where it has none."""
        return self.words.get(lang) or self.words[self.default]
