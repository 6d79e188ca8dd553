"""Recognising web-page debris in raw article text: ads, navigation, share widgets, captions, credits.

Each kind is a set of patterns matched on the whole line after folding (lower case, no accents)
and with its bullet removed, so that the spellings of other sites match too.
"""

from __future__ import annotations

import re

from .text import fold

AD_LINES = frozenset(
    fold(line)
    for line in (
        "Consultation remboursable *",
        "Consultation remboursable",
        "Ordonnance et arrêt de travail sécurisés (HDS)",
    )
)
"""Advertising bullets of the source site, compared after folding, bullet removed."""

_AD = re.compile(
    r"consultez un medecin en ligne( des aujourd'hui| maintenant)?|\*? ?lorsque le parcours de soins est respecte"
    r"|(contenu )?(sponsorise|publicite|annonce)( :.*)?|la suite (de l'article )?(apres|sous) (cette |la )?publicite"
)
_SHARE = re.compile(
    r"spread the love|(partager|partagez)( (sur|par|via) [\w. +-]+| cet article| l'article| la page)?|tweet(er)?"
    r"|epingler|pin it|imprimer( (cet|l') article)?|envoyer par (e-?)?mail|copier le lien|google news"
    r"|(suivre|ajouter) .{1,40} sur google news|suivez-?nous( sur .{1,40})?|facebook|twitter|x|linkedin|pinterest"
    r"|whatsapp|instagram|e-?mail|messenger|(abonnez-?vous|inscrivez-?vous|s'inscrire)( a (la|notre) newsletter.*)?"
    r"|newsletter|[^.!?]{0,40}\bnewsletter\b[^.!?]{0,40}"
)
_NAVIGATION = re.compile(
    r"(aller|passer|sauter|acceder)( directement)? (au|a la|a) (contenu( principal)?|navigation|menu|recherche)"
    r"|skip to (the )?(main )?(content|navigation)|menu|rechercher|fermer|retour (en haut|a l'accueil|au sommaire)"
    r"|haut de (la )?page|(vous etes ici ?:|accueil ?[>›»/|]).*|[^.!?]{1,80}( [>›»] [^.!?]{1,80}){2,}\??"
    r"|((a )?(lire|voir|decouvrir) (aussi|egalement)|sur le meme (sujet|theme))( ?:.*)?"
    r"|(nos |les )?(articles?|dossiers?) (similaires|lies|recents|populaires|associes|les plus lus)"
    r"|(nos )?derniers articles|commentaires? recents?|(\d+ )?commentaires?"
    r"|(laisser|ajouter|ecrire|poster) un commentaire"
    r"|poursuivre la lecture( ci-dessous)?|(\(\.\.\.\) ?|\[\.\.\.\] ?|… ?)?cliquez ici( pour .{1,60})?"
    r"|(lire|voir) la suite( de l'article)?"
    r"|(\d+ )?reponses?|repondre|signaler( un abus| ce (message|commentaire|contenu))?"
    r"|(cette reponse|cet article|cette page) (vous )?a-t-(elle|il) (aide|ete utile) ?\?.{0,40}"
    r"|votre adresse (e-?mail|de messagerie|mail) ne sera pas publiee.{0,120}"
    r"|(commentaire|nom|prenom|pseudo|e-?mail|adresse e-?mail|site( web)?) ?\*"
    r"|notice ?: ?information (de l'utilisateur|du patient)"
    r"|mentions legales|politique de confidentialite|plan du site|plan d'acces|conditions generales( d'utilisation)?"
)
TEASER_END = re.compile(
    r"\s*(\(\.\.\.\)|\[\.\.\.\]|\[…\]|\(…\))?\s*(cliquez ici|cliquer ici) pour (voir|lire) la suite\W{0,3}$",
    re.IGNORECASE,
)
"""A teaser's link at the end of a paragraph: the paragraph stays, the link goes."""
_BLOCK_OPENER = re.compile(
    r"(a )?(lire|voir|decouvrir) (aussi|egalement)|sur le meme (sujet|theme)"
    r"|(nos |les )?(articles?|dossiers?) (similaires|lies|recents|populaires|associes|les plus lus)"
    r"|(nos )?derniers articles|commentaires? recents?"
)
"""A navigation line that heads a list of links: the bullet lines under it go with it."""
_COOKIES = re.compile(
    r"(?=.*\bcookies?\b).*\b(acceptez|accepter|consentement|traceurs|votre navigation|vos preferences"
    r"|nous utilisons|(ce|notre) site utilise|nos partenaires)\b.*"
    r"|(gerer|parametrer|personnaliser) (les |mes )?cookies|politique (de|des|relative aux) cookies"
)
"""A cookie banner's text: the consent buttons under it go with it."""
_COOKIE_BUTTON = re.compile(
    r"(tout )?(accepter|refuser)( (tout|et fermer|les cookies))?|j'accepte|je refuse|ok|d'accord|personnaliser"
    r"|parametrer|(gerer|parametrer|personnaliser) (les |mes )?(cookies|preferences|choix)|continuer sans accepter"
    r"|en savoir plus|plus d'options|fermer"
)
_CONTENTS = re.compile(
    r"(au )?sommaire|table des matieres|dans cet article|contenu de l'article|que contient cette notice ?\??"
)
"""A page's list of in-page links; its entries repeat headings that come later."""

_CREDIT = re.compile(
    r"^(©|\(c\)|crédit|credit|photo\s*:|source\s*:\s*(adobe|getty|istock|shutterstock))"
    r"|^(adobe stock|getty images|istock|istockphoto|shutterstock|afp|bsip|pexels|unsplash)\b",
    re.IGNORECASE,
)

_ENGLISH_WORDS = frozenset(
    "the of on with and in an for to is at by from his her their its this that "
    "woman man women men doctor patient which can be used illustration concept".split()
)
_FRENCH_WORDS = frozenset(
    "le la les de des du et un une en pour avec sur est sont qui que dans au aux "
    "par ce cette ne pas plus se vous nous il elle on".split()
)
_SUBJECTS = frozenset(
    "femme femmes homme hommes enfant enfants bebe bebes medecin medecins docteur infirmiere infirmier patient "
    "patiente personne personnes jeune fille garcon couple famille mere pere main mains portrait illustration "
    "photo image vue gros".split()
)
_SCENE_WORDS = frozenset("avec au dans sur chez devant pres contre par".split())
_DETERMINERS = frozenset("un une des le la les".split())
_NOT_PARTICIPLES = frozenset(
    "enfant patient important avant pendant durant suivant courant maintenant cependant devant tant autant quant "
    "constant suffisant puissant vivant restant soignant traitant calmant etudiant habitant croissant gant geant "
    "inquietant stimulant excitant adjuvant colorant diabetique".split()
)
_DATE = re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b")
_SENTENCE_END = re.compile(r"[.!?…:;»\"”)\]]$")


def strip_bullet(line: str) -> str:
    return re.sub(r"^\s*[-•*–]\s+", "", line).strip()


MAX_DEBRIS_LENGTH = 300
"""Longer lines are text, never a widget: and the patterns then stay cheap."""


def _key(line: str) -> str:
    return fold(strip_bullet(line)).rstrip(" :") if len(line) <= MAX_DEBRIS_LENGTH else ""


def is_bullet(line: str) -> bool:
    return bool(re.match(r"^\s*[-•*–]\s+", line))


def opens_link_list(line: str) -> bool:
    """A navigation line that heads a list of links ('À lire aussi', 'Articles récents')."""
    return bool(_BLOCK_OPENER.fullmatch(_key(line)))


def is_contents_heading(line: str) -> bool:
    """'Sommaire', 'Table des matières', 'Dans cet article': a list of in-page links follows."""
    return bool(_CONTENTS.fullmatch(_key(line)))


def debris_kind(line: str) -> str | None:
    """'publicité', 'partage' or 'navigation' for a line that is one of them, else None.

    Ads, share widgets and navigation: skip links, breadcrumbs, 'À lire aussi', 'Poursuivre
    la lecture', comment and answer widgets (buttons, votes, the comment form), a site's footer
    links, a 'Sommaire'.
    """
    key = _key(line)
    if not key:
        return None
    if key in AD_LINES or _AD.fullmatch(key):
        return "publicité"
    if _SHARE.fullmatch(key):
        return "partage"
    if _NAVIGATION.fullmatch(key) or _CONTENTS.fullmatch(key):
        return "navigation"
    return None


def is_cookie_banner(line: str) -> bool:
    """'Nous utilisons des cookies … vous acceptez leur utilisation.': consent buttons may follow."""
    return bool(_COOKIES.fullmatch(_key(line)))


def is_cookie_button(line: str) -> bool:
    """'Tout accepter', 'Refuser', 'Personnaliser': a button of a cookie banner."""
    return bool(_COOKIE_BUTTON.fullmatch(_key(line)))


def is_credit(line: str) -> bool:
    return bool(_CREDIT.match(line.strip()))


def ends_sentence(line: str) -> bool:
    return bool(_SENTENCE_END.search(line.rstrip()))


def looks_like_caption(line: str) -> bool:
    """An image's alt text: unpunctuated, and lower-case or in English."""
    text = line.strip()
    if not text or ends_sentence(text) or text.startswith(("-", "[")) or _DATE.search(text):
        return False
    if text[0].islower():
        return True
    words = re.findall(r"[a-zà-ÿ']+", text.lower())
    english = sum(word in _ENGLISH_WORDS for word in words)
    french = sum(word in _FRENCH_WORDS for word in words)
    return english >= 2 and french == 0


def looks_like_french_caption(line: str) -> bool:
    """An image's alt text in French: a scene ('Médecin examinant la gorge d'un enfant').

    A person shown doing something (a present participle) or placed somewhere ('Enfant malade au
    lit'), written in sentence case; never a question, a title with a colon, or a heading in Title
    Case ('Facteurs Favorisant la Régression').
    """
    text = line.strip()
    if not text or ends_sentence(text) or ":" in text or "?" in text or looks_like_caption(text):
        return looks_like_caption(text)
    if any(word[:1].isupper() for word in re.split(r"[\s'’-]+", text)[1:] if len(word) > 3):
        return False
    words = re.findall(r"[a-z]+", fold(text))
    if len(words) < 3:
        return False
    person = words[0] in _SUBJECTS or (words[0] in _DETERMINERS and words[1] in _SUBJECTS)
    participle = any(word.endswith("ant") and len(word) > 4 and word not in _NOT_PARTICIPLES for word in words)
    scene = any(word in _SCENE_WORDS for word in words[1:])
    return person and (participle or scene)
