"""The texts of the layers below ``ui`` (renderer, store), in the interface language.

Those layers write French and name each text by a code; here each French text is marked
for Qt's translation tools, and the window asks for them translated. A test keeps these
tables equal to the lower layers' own (tests/test_lower_texts.py).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QLocale

from ..messages import Message, fill

RENDERER_CONTEXT = "ArticleTexts"
RENDERER_SOURCES: dict[str, str] = {
    "byline_author": QT_TRANSLATE_NOOP("ArticleTexts", "Par %1"),
    "byline_date": QT_TRANSLATE_NOOP("ArticleTexts", "publié le %1"),
    "byline_updated": QT_TRANSLATE_NOOP("ArticleTexts", "mis à jour le %1"),
    "bookmark_add": QT_TRANSLATE_NOOP("ArticleTexts", "Marquer cette section"),
    "bookmark_edit": QT_TRANSLATE_NOOP("ArticleTexts", "Signet enregistré : modifier la note"),
    "faq": QT_TRANSLATE_NOOP("ArticleTexts", "Questions fréquentes"),
    "answer_show": QT_TRANSLATE_NOOP("ArticleTexts", "Afficher la réponse"),
    "answer_hide": QT_TRANSLATE_NOOP("ArticleTexts", "Masquer la réponse"),
    "specialties": QT_TRANSLATE_NOOP("ArticleTexts", "Spécialités médicales concernées"),
    "references": QT_TRANSLATE_NOOP("ArticleTexts", "Références"),
    "cited_in": QT_TRANSLATE_NOOP("ArticleTexts", "Cité dans :"),
    "introduction": QT_TRANSLATE_NOOP("ArticleTexts", "Introduction"),
    "publications": QT_TRANSLATE_NOOP("ArticleTexts", "Publications scientifiques"),
    "web_resources": QT_TRANSLATE_NOOP("ArticleTexts", "Ressources web"),
    "disclaimer": QT_TRANSLATE_NOOP("ArticleTexts", "Avertissement :"),
    "default_disclaimer": QT_TRANSLATE_NOOP(
        "ArticleTexts",
        "Ces informations ne remplacent pas l'avis d'un médecin ou d'un autre professionnel de santé. "
        "En cas de doute ou de symptômes inquiétants, consultez ; en cas d'urgence, appelez le 15.",
    ),
    "listen": QT_TRANSLATE_NOOP("ArticleTexts", "Écouter cette section"),
    "listen_label": QT_TRANSLATE_NOOP("ArticleTexts", "Écouter"),
}


STORE_CONTEXT = "StoreNotices"
STORE_SOURCES: dict[str, str] = {
    "recovered": QT_TRANSLATE_NOOP(
        "StoreNotices",
        "Le fichier des signets et de l'historique était endommagé : il a été mis de côté "
        "sous le nom « %1 » et un nouveau fichier a été commencé.",
    ),
    "too_new": QT_TRANSLATE_NOOP(
        "StoreNotices",
        "Le fichier des signets et de l'historique « %1 » n'est pas utilisé : il a été créé par une "
        "version plus récente du programme. Les signets de cette session ne seront pas conservés.",
    ),
    "unusable": QT_TRANSLATE_NOOP(
        "StoreNotices",
        "Le fichier des signets et de l'historique « %1 » n'est pas utilisé : il ne peut pas être "
        "ouvert (%2). Les signets de cette session ne seront pas conservés.",
    ),
    "too_new_set_aside": QT_TRANSLATE_NOOP(
        "StoreNotices",
        "Le fichier endommagé a été mis de côté sous le nom « %2 ». Le fichier des signets "
        "et de l'historique « %1 » n'est pas utilisé : il a été créé par une version plus récente du programme. "
        "Les signets de cette session ne seront pas conservés.",
    ),
    "unusable_set_aside": QT_TRANSLATE_NOOP(
        "StoreNotices",
        "Le fichier endommagé a été mis de côté sous le nom « %3 ». Le fichier des signets "
        "et de l'historique « %1 » n'est pas utilisé : il ne peut pas être ouvert (%2). "
        "Les signets de cette session ne seront pas conservés.",
    ),
    "read_only": QT_TRANSLATE_NOOP(
        "StoreNotices",
        "Le fichier des signets « %1 » est en lecture seule : vos signets sont affichés "
        "et peuvent être exportés, mais les nouveaux signets et notes ne pourront pas être conservés.",
    ),
}


SHEET_CONTEXT = "SheetTexts"
SHEET_SOURCES: dict[str, str] = {
    "title": QT_TRANSLATE_NOOP("SheetTexts", "Mes questions pour le médecin"),
    "prepared": QT_TRANSLATE_NOOP("SheetTexts", "Préparé le %1 avec Guide Reader"),
    "empty": QT_TRANSLATE_NOOP("SheetTexts", "Aucun signet pour le moment."),
    "notes": QT_TRANSLATE_NOOP("SheetTexts", "Mes notes et questions"),
    "no_note": QT_TRANSLATE_NOOP("SheetTexts", "(sans note)"),
    "missing": QT_TRANSLATE_NOOP("SheetTexts", "Cette section n'est plus disponible dans le guide."),
    "guides": QT_TRANSLATE_NOOP("SheetTexts", "D'où viennent ces informations"),
    "source": QT_TRANSLATE_NOOP("SheetTexts", "Source : %1"),
    "source_unknown": QT_TRANSLATE_NOOP("SheetTexts", "source non indiquée"),
    "published": QT_TRANSLATE_NOOP("SheetTexts", "publié le %1"),
    "published_unknown": QT_TRANSLATE_NOOP("SheetTexts", "date de publication inconnue"),
    "updated": QT_TRANSLATE_NOOP("SheetTexts", "mis à jour le %1"),
    "updated_unknown": QT_TRANSLATE_NOOP("SheetTexts", "date de mise à jour inconnue"),
    "texts": QT_TRANSLATE_NOOP("SheetTexts", "Texte des sections"),
    "references": QT_TRANSLATE_NOOP("SheetTexts", "Références citées :"),
    "footer": QT_TRANSLATE_NOOP(
        "SheetTexts", "Ces informations ne remplacent pas un avis médical. Montrez cette feuille à votre médecin."
    ),
}


def sheet_texts() -> dict[str, str]:
    return translated(SHEET_CONTEXT, SHEET_SOURCES)


def message_text(message: Message) -> str:
    """A lower layer's message in the interface language, its values in place."""
    return fill(QCoreApplication.translate(message.context, message.text), message.values)


def translated(context: str, sources: dict[str, str]) -> dict[str, str]:
    """``sources`` (code -> French) in the interface language."""
    return {code: QCoreApplication.translate(context, text) for code, text in sources.items()}


def renderer_texts() -> dict[str, str]:
    return translated(RENDERER_CONTEXT, RENDERER_SOURCES)


def interface_date(value: date) -> str:
    """A date in the interface language, day month year in full (« 12 mars 2018 », "12 March 2018")."""
    return QLocale().toString(QDate(value.year, value.month, value.day), "d MMMM yyyy")
