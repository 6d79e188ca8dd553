"""Small raw pages written for each kind of input the importer must read, and a word-count helper."""

from __future__ import annotations

import re
from collections import Counter

from guide_reader.content.text import fold

_WORD = re.compile(r"[a-z0-9]+")


def words(text: str) -> Counter[str]:
    """Folded words, Markdown escapes and marks ignored ('\\#' and '**' hold no word)."""
    return Counter(_WORD.findall(fold(text)))


def kept_word_ratio(raw: str, debris: list[str], markdown: str) -> float:
    """The share of the raw body's words found in the article's Markdown.

    ``debris`` lists the raw lines that are not body text (ads, menus, captions, bylines moved to
    the front matter): their words are not counted. Each word counts as often as it occurs.
    """
    body = [line for line in raw.splitlines() if line.strip() and line.strip() not in debris]
    wanted = words("\n".join(body))
    found = words(markdown)
    kept = sum(min(count, found[word]) for word, count in wanted.items())
    return kept / max(1, sum(wanted.values()))


# The newer layout of the 'Guide Complet' site: a skip link, the condition's name alone, blank-line
# paragraphs, a four-line advertisement, a French image caption under a heading.
GUIDE_SECOND_LAYOUT = """Aller au contenu principal

Angine : Guide Complet 2025 - Symptômes, Causes et Traitements

Angine

L'angine est une inflammation des amygdales, le plus souvent due à un virus [1].

Elle touche surtout les enfants et les jeunes adultes, en hiver.

Consultez un médecin en ligne dès aujourd'hui
  • Consultation remboursable *
  • Ordonnance et arrêt de travail sécurisés (HDS)
* Lorsque le parcours de soins est respecté

Angine : Définition et Vue d'Ensemble

L'angine se traduit par un mal de gorge et de la fièvre [2].

Elle guérit seule en une semaine dans la plupart des cas.

Quand Consulter un Médecin ?

Médecin examinant la gorge d'un enfant

Consultez si la fièvre dure plus de trois jours ou si avaler devient impossible.
"""
GUIDE_SECOND_LAYOUT_DEBRIS = [
    "Aller au contenu principal",
    "Angine",
    "Consultez un médecin en ligne dès aujourd'hui",
    "• Consultation remboursable *",
    "• Ordonnance et arrêt de travail sécurisés (HDS)",
    "* Lorsque le parcours de soins est respecté",
    "Médecin examinant la gorge d'un enfant",
]

# French image captions under headings, one paragraph a line (the first layout).
CAPTIONS = """Otite : Guide Complet 2025
L'otite est une infection de l'oreille moyenne, fréquente chez l'enfant.
Quand consulter ?
Médecin examinant l'oreille d'un enfant
Consultez si la douleur dure plus de deux jours ou si l'oreille coule.
Les Traitements
Femme tenant un thermomètre près de son fils
Le paracétamol soulage la douleur et la fièvre.
Prévenir l'otite
Enfant malade au lit avec une bouillotte
Se moucher souvent et éviter le tabac autour de l'enfant aident.
"""
CAPTIONS_DEBRIS = [
    "Médecin examinant l'oreille d'un enfant",
    "Femme tenant un thermomètre près de son fils",
    "Enfant malade au lit avec une bouillotte",
]

# Navigation and share debris of blogs and magazines, in several spellings.
NAVIGATION = """• Accueil
• Santé
• Maladies infantiles
Varicelle : ce qu'il faut savoir

Sommaire
• Qu'est-ce que la varicelle ?
• Les symptômes
• Les traitements

La varicelle est une maladie contagieuse de l'enfance, le plus souvent bénigne.

Spread the love

Qu'est-ce que la varicelle ?

C'est une infection due au virus varicelle-zona, qui se transmet par l'air.

À lire aussi
• Rougeole : les signes qui doivent alerter
• Oreillons chez l'enfant

Les symptômes

Des boutons apparaissent sur tout le corps et démangent beaucoup.

Lire aussi : Comment soulager les démangeaisons de votre enfant

Poursuivre la lecture ci-dessous

Les traitements

Le paracétamol soulage la fièvre ; l'ibuprofène est à éviter.

(...) Cliquez ici pour voir la suite

Partager sur Facebook
Partager sur WhatsApp
Tweeter
Commentaires récents
"""
NAVIGATION_DEBRIS = [
    "• Accueil",
    "• Santé",
    "• Maladies infantiles",
    "Sommaire",
    "• Qu'est-ce que la varicelle ?",
    "• Les symptômes",
    "• Les traitements",
    "Spread the love",
    "À lire aussi",
    "• Rougeole : les signes qui doivent alerter",
    "• Oreillons chez l'enfant",
    "Lire aussi : Comment soulager les démangeaisons de votre enfant",
    "Poursuivre la lecture ci-dessous",
    "(...) Cliquez ici pour voir la suite",
    "Partager sur Facebook",
    "Partager sur WhatsApp",
    "Tweeter",
    "Commentaires récents",
]

# A pipe table in a section, rows that look like headings, and a heading followed by a heading.
TABLE = """Eczéma : Guide Complet 2025
L'eczéma est une maladie inflammatoire de la peau.
Fréquence selon le type
Type | Fréquence |
---|---|
Eczéma atopique | 15% des enfants |
Eczéma de contact | 5% des adultes |
Traitements
Les Crèmes
Les dermocorticoïdes calment les poussées en quelques jours.
Quand consulter ?
Si les plaques s'infectent ou suintent.
"""

NUMBERED = """Gastro-entérite : Guide Complet 2025
La gastro-entérite se soigne le plus souvent à la maison.
Que faire ?
1. boire souvent;
2. manger léger;
3) se laver les mains.
Et chez le nourrisson…
Le risque de déshydratation est plus grand : consultez vite.
"""

# A women's magazine, copied from the browser: breadcrumb, byline with time, an ad label,
# a photo credit under a caption, a newsletter box and a 'Sur le même thème' list at the end.
MAGAZINE_COPY = """Santé > Maladies > Cystite
Cystite : 7 gestes pour l'éviter

Par Camille Roux | Publié le 09/02/2023 à 10h30
Mis à jour le 14/03/2024

La cystite touche une femme sur deux au moins une fois. Quelques gestes simples réduisent le risque.

Publicité
Femme buvant un grand verre d'eau
© Adobe Stock

Boire beaucoup

Boire un litre et demi à deux litres d'eau par jour dilue les urines et aide à chasser les bactéries de la vessie.

Ne pas se retenir

Uriner dès que le besoin se fait sentir, et après chaque rapport, limite la remontée des germes.

Recevez notre newsletter santé
S'inscrire à la newsletter

Quand consulter ?

En cas de fièvre, de douleur dans le dos ou de sang dans les urines, consultez le jour même.

Sur le même thème
• Mycose vaginale : les bons réflexes
• Infection urinaire chez l'homme
"""
MAGAZINE_COPY_DEBRIS = [
    "Santé > Maladies > Cystite",
    "Par Camille Roux | Publié le 09/02/2023 à 10h30",
    "Mis à jour le 14/03/2024",
    "Publicité",
    "Femme buvant un grand verre d'eau",
    "© Adobe Stock",
    "Recevez notre newsletter santé",
    "S'inscrire à la newsletter",
    "Sur le même thème",
    "• Mycose vaginale : les bons réflexes",
    "• Infection urinaire chez l'homme",
]

# A brand's question page: a menu at the top, questions as headings, answers in paragraphs,
# a 'RÉDIGÉ PAR UN MÉDECIN' badge and a share row.
BRAND_QUESTIONS_COPY = """• Nos produits
• Conseils santé
• Contact
Rhume : toutes vos questions
RÉDIGÉ PAR UN MÉDECIN
Publié le 2 novembre 2022
Le rhume est une infection virale bénigne du nez et de la gorge.
Questions fréquentes
Le rhume est-il contagieux ?
Oui, surtout les deux ou trois premiers jours, par les mains et les gouttelettes.
Combien de temps dure un rhume ?
Sept à dix jours en général ; la toux peut durer un peu plus longtemps.
Faut-il des antibiotiques ?
Non, les antibiotiques n'agissent pas sur les virus.
Partager
Imprimer
"""
BRAND_QUESTIONS_COPY_DEBRIS = [
    "• Nos produits",
    "• Conseils santé",
    "• Contact",
    "RÉDIGÉ PAR UN MÉDECIN",
    "Publié le 2 novembre 2022",
    "Questions fréquentes",
    "Partager",
    "Imprimer",
]

# An encyclopedia-style page: a contents list, a table of figures, numbered references.
ENCYCLOPEDIA_COPY = """Rougeole
Sommaire
1 Symptômes
2 Épidémiologie
3 Prévention
La rougeole est une maladie infectieuse virale très contagieuse [1].
1 Symptômes
Une forte fièvre, une toux et un écoulement nasal précèdent l'éruption de plaques rouges [2].
2 Épidémiologie
Année | Cas en France |
2011 | 15 000 |
2019 | 2 600 |
3 Prévention
Deux doses de vaccin protègent à environ 97 %.
Références
[1] Organisation mondiale de la santé, 2023.
[2] Santé publique France, 2020.
"""
ENCYCLOPEDIA_COPY_DEBRIS = ["Sommaire", "1 Symptômes", "2 Épidémiologie", "3 Prévention", "Références"]

# A health blog: 'Spread the love', a heading with an ellipsis, a numbered list, a
# '(...) Cliquez ici' teaser, comment widgets at the end.
BLOG_COPY = """Aller au contenu
Le blog santé de Marc
Migraine : ce qui m'a vraiment aidé

Publié par Marc Lefèvre le 5 mai 2021

Spread the love

Après dix ans de migraines, voici ce qui a changé ma vie, avec l'accord de mon neurologue.

Les déclencheurs à repérer

1. le manque de sommeil;
2. les repas sautés;
3) l'alcool, surtout le vin rouge.

Et pendant la crise…

Le noir, le calme et un traitement pris tôt font toute la différence.

(...) Cliquez ici pour voir la suite

Commentaires récents
Laisser un commentaire
"""
BLOG_COPY_DEBRIS = [
    "Aller au contenu",
    "Le blog santé de Marc",
    "Publié par Marc Lefèvre le 5 mai 2021",
    "Spread the love",
    "(...) Cliquez ici pour voir la suite",
    "Commentaires récents",
    "Laisser un commentaire",
]
