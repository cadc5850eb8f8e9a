"""The fixture site in two languages: an English handbook with a Spanish translation.

tests/data/forks/bilingual: the code of conduct and the staff procedure in
English and Spanish (the same `Slug:`, `Lang: es`), the attendee procedure in
English only. Built as its organization's, with the Spanish words of
HANDBOOK["language_words"] and translations published under `es/`.
"""

from __future__ import annotations

from pathlib import Path

from tests.helpers import DATA, FIXTURE_ORGANIZATION, run_pelican, without_printouts

BILINGUAL_CONTENT = DATA / "forks" / "bilingual"
SPANISH_WORDS = {
    "language_name": "Español",
    "languages": "Idiomas",
    "translation_note": "Traducido del inglés del {date}; donde difieran, rige el inglés.",
    "translation_outdated": "Desactualizado: ver lo que dice ahora el inglés",
    "skip_link": "Saltar al contenido",
    "nav_label": "Documentos",
    "home_lede": "Todas las personas merecen sentirse seguras y bienvenidas. Empieza aquí.",
    "contacts": "Contactos",
    "danger_title": "Si alguien corre peligro",
    "danger_text": (
        "Llama primero a los servicios de emergencia. Luego avisa a alguien de la organización."
    ),
    "who_to_call": "A quién llamar",
    "toc_checklists": "Listas de esta página",
    "print_title": "Imprimir",
    "footer_changed": "Procedimiento al {date}",
    "footer_built": "Generado el {date}",
    "reset": "Reiniciar",
    "progress": "{done} de {total} hechos",
    "start_incident": "Empezar de nuevo",
    "cards_title": "Tarjetas de bolsillo",
}
BILINGUAL = {
    "MENU_PAGES": ["code-of-conduct", "conduct-attendee-procedure", "conduct-staff-procedure"],
    "DEFAULT_LANG": "en",
    # Set here, as pelicanconf.py sets them: a fork's own do not reach the tests.
    "PAGE_LANG_URL": "{lang}/{slug}.html",
    "PAGE_LANG_SAVE_AS": "{lang}/{slug}.html",
    "HANDBOOK": {**FIXTURE_ORGANIZATION["HANDBOOK"], "language_words": {"es": SPANISH_WORDS}},
}
STAFF = "conduct-staff-procedure.html"


def build_bilingual(output: Path, content: Path = BILINGUAL_CONTENT, printouts: bool = True):
    """Build the two-language site into `output`; return the build's result."""
    settings = BILINGUAL
    if not printouts:
        settings = {**BILINGUAL, "HANDBOOK": without_printouts(BILINGUAL["HANDBOOK"])}
    return run_pelican(output, content=content, settings=settings)
