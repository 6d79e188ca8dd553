<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name></name>
    <message>
        <source>Source : %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source non indiquée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>publié le %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>date inconnue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mis à jour le %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mise à jour inconnue</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ArticlePage</name>
    <message>
        <source>Sommaire du guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Texte du guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Afficher ou masquer le sommaire (F9)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>◧ Masquer le sommaire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>◧ Sommaire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sommaire affiché</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sommaire masqué</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Début du guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions fréquentes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Références</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publications scientifiques</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ressources web</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avertissement</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ArticleTexts</name>
    <message>
        <source>Par %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>publié le %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mis à jour le %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marquer cette section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signet enregistré : modifier la note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions fréquentes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Afficher la réponse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Masquer la réponse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spécialités médicales concernées</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Références</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cité dans :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Introduction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publications scientifiques</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ressources web</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avertissement :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ces informations ne remplacent pas l&apos;avis d&apos;un médecin ou d&apos;un autre professionnel de santé. En cas de doute ou de symptômes inquiétants, consultez ; en cas d&apos;urgence, appelez le 15.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Écouter cette section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Écouter</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BookmarkActions</name>
    <message>
        <source>Signet enregistré : %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enregistrer la feuille en PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feuille enregistrée : %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporter les signets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signets Guide Reader (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export impossible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signets exportés : %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importer des signets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import impossible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import : %1 ajouté(s), %2 fusionné(s), %3 déjà présent(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aucune section n&apos;est à l&apos;écran : faites défiler jusqu&apos;au titre d&apos;une section, ou utilisez le bouton ☆ à côté du titre.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marquer une section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vos signets sont affichés, mais les nouveaux ne peuvent pas être enregistrés : leur fichier est en lecture seule.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Les signets et l&apos;historique de cette session ne seront pas enregistrés.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signets</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BookmarksPage</name>
    <message>
        <source>Mes signets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lu récemment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signets, groupés par guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aucun signet. Dans un guide, le bouton ☆ à côté d&apos;un titre (ou Ctrl+D) marque la section.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annuler la suppression du signet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rétablir</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ouvrir</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modifier la note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retirer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Joindre le texte des sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La feuille pour le médecin tient sur une page : vos notes, les sections et les sources.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imprimer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enregistrer en PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporter…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — section plus disponible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — guide plus disponible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signet « %1 » retiré.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>(%n retrait(s) à annuler)</source>
        <translation>
            <numerusform>(%n retrait à annuler)</numerusform>
            <numerusform>(%n retraits à annuler)</numerusform>
        </translation>
    </message>
    <message>
        <source>Sections lues récemment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Effacer l&apos;historique</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Oublie les guides et sections lus ; les signets restent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rien de lu pour le moment.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CatalogueModel</name>
    <message>
        <source>Ouvrir « %1 »</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n section(s)</source>
        <translation>
            <numerusform>%n section</numerusform>
            <numerusform>%n sections</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min de lecture</source>
        <translation>
            <numerusform>%n min de lecture</numerusform>
            <numerusform>%n min de lecture</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CompletionModel</name>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EmergencyBanner</name>
    <message>
        <source>Touchez pour savoir quoi faire en cas d&apos;urgence</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorReporter</name>
    <message>
        <source>Un problème inattendu est survenu. Vous pouvez continuer à lire ; si quelque chose ne répond plus, fermez puis rouvrez le programme.

Les détails sont dans le journal : %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problème inattendu</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EspeakEngine</name>
    <message>
        <source>aucune sortie son. Branchez un casque ou des haut-parleurs, puis appuyez sur « Écouter ».</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>la voix n&apos;a pas pu lire cette phrase. Appuyez de nouveau sur « Écouter ».</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>la voix n&apos;a pas pu démarrer (espeak-ng). Paquet Debian à vérifier : espeak-ng.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Chercher dans ce guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Précédent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Résultat précédent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suivant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Résultat suivant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fermer la recherche dans le guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aucun résultat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sur %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Vos guides de santé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tous les guides se lisent sans connexion. Choisissez un guide, ou cherchez un mot (Ctrl+K), par exemple « fièvre » ou « globules blancs ».</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filtrer les guides par titre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filtrer la liste des guides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Liste des guides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aucun guide n&apos;a pu être chargé. Vérifiez le dossier des articles.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accueil : liste des guides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lecture des guides du dossier… La liste apparaîtra dans un instant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln guide(s)</source>
        <translation>
            <numerusform>%Ln guide</numerusform>
            <numerusform>%Ln guides</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln guide(s) sur %1</source>
        <translation>
            <numerusform>%Ln guide sur %1</numerusform>
            <numerusform>%Ln guides sur %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IdleCountdown</name>
    <message>
        <source>Toujours là ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Touchez l&apos;écran pour continuer votre lecture.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retour à l&apos;accueil dans %1 s, pour le prochain visiteur.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KioskDialogs</name>
    <message>
        <source>Le dossier des fichiers n&apos;est pas là (une clé USB est-elle branchée ?). Demandez à l&apos;accueil.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aucune imprimante n&apos;est reliée à cette borne : la feuille ne peut pas être imprimée.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guide Reader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compris</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>Agrandir le texte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Texte +</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Clair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sombre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contraste élevé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guide Reader — guides de santé hors ligne</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>◀ Retour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page précédente (Alt+Gauche)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suivant ▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page suivante (Alt+Droite)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accueil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Liste des guides (Alt+Début)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mes signets et l&apos;historique de lecture (Ctrl+B)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page précédente</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page suivante</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mes signets et l&apos;historique de lecture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chercher dans les guides (Ctrl+K)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chercher dans les guides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Les résultats s&apos;affichent pendant la frappe ; Entrée ouvre le premier résultat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Effacer la recherche</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>☆ Marquer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marquer la section en cours, avec une note (Ctrl+D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marquer la section en cours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A−</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Texte plus petit (Ctrl+−)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A+</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Texte plus grand (Ctrl++)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taille normale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Texte plus petit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Texte plus grand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Affichage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Affichage : thème, taille du texte, langue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Langue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Langue du système</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dossier des guides…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guides fournis avec le programme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>À propos de Guide Reader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Préparation de la recherche</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalogue des guides impossible à enregistrer : chaque démarrage relira tous les guides.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Préparation de la recherche…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recherche prête.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La recherche est indisponible pour le moment ; la lecture des guides continue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>l&apos;index de recherche n&apos;a pas pu être préparé ; une prochaine recherche réessaiera.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L&apos;index de recherche était endommagé : il a été reconstruit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La recherche fonctionne, mais son index n&apos;a pas pu être enregistré : il sera refait au prochain démarrage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La liste des synonymes n&apos;a pas pu être lue : la recherche marche sans elle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L&apos;index de recherche était endommagé : il est reconstruit, les résultats vont revenir.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ressources citées : %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vos signets et votre historique ne sont pas enregistrés : %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guide introuvable : %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Barre d&apos;outils</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln fichier(s) de guide avec des erreurs : la commande « guide-reader check » les détaille.</source>
        <translation>
            <numerusform>%Ln fichier de guide avec des erreurs : la commande « guide-reader check » le détaille.</numerusform>
            <numerusform>%Ln fichiers de guide avec des erreurs : la commande « guide-reader check » les détaille.</numerusform>
        </translation>
    </message>
    <message>
        <source>Recherche — Guide Reader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mes signets — Guide Reader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La langue choisie s&apos;appliquera au prochain démarrage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dossier des guides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Les guides de « %1 » seront utilisés au prochain démarrage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Les guides fournis seront utilisés au prochain démarrage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guides de santé à lire sans connexion : rien n&apos;est envoyé ni chargé sur internet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dossier des guides : %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources des guides</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln guide(s)</source>
        <translation>
            <numerusform>%Ln guide</numerusform>
            <numerusform>%Ln guides</numerusform>
        </translation>
    </message>
    <message>
        <source>Ces guides ne remplacent pas l&apos;avis d&apos;un professionnel de santé.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <source>Signet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marquer « %1 »</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Une note pour vous ou pour le médecin (facultatif) :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note du signet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Par exemple : demander si la fièvre de mardi compte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enregistrer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note trop longue : %1 caractères, maximum %2. Raccourcissez-la pour l&apos;enregistrer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoteNotKeptDialog</name>
    <message>
        <source>Signet non enregistré</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note non enregistrée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Réessayer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copier la note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note copiée</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OnScreenKeyboard</name>
    <message>
        <source>Effacer la dernière lettre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>espace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rechercher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>↵ Ligne</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Masquer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Masquer le clavier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clavier à l&apos;écran</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutOfOrderPage</name>
    <message>
        <source>Cette borne est hors service pour le moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merci de prévenir l&apos;accueil.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corriger le fichier : la borne redémarre d&apos;elle-même dès qu&apos;il est valide (modèle commenté : guide-reader kiosk-pin --example).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>Accès du personnel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Réservé au personnel de l&apos;accueil.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vérification…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entrez le code à nouveau.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code incorrect. Nouvel essai possible dans %1 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entrez le code</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReadAloudBar</name>
    <message>
        <source>Écouter le guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Écouter le guide depuis le début</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lire tout le guide à voix haute (Ctrl+Maj+E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Écouter : quand consulter, le 15</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Écouter « Quand consulter un médecin ? » et le numéro d&apos;urgence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>« Quand consulter un médecin ? » puis le 15 et le 112 (Ctrl+Maj+U)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Précédente</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phrase précédente (Ctrl+Maj+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause ou reprise (Ctrl+Maj+E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suivante</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phrase suivante (Ctrl+Maj+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrêter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrêter la lecture (Ctrl+Maj+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vitesse %1×</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vitesse de lecture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plus vite : Ctrl+Maj+Haut ; moins vite : Ctrl+Maj+Bas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volume de la voix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recherche de la voix française…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lecture impossible : aucune voix française n&apos;est installée. Paquet Debian à installer : %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phrase %1 sur %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lecture terminée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La voix s&apos;est arrêtée sur une erreur : %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>En pause (phrase %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reprendre</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReferencePanel</name>
    <message>
        <source>Voir dans la liste des références</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fermer la référence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Référence citée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La source [%1] n&apos;est pas listée dans ce guide : elle ne peut pas être affichée.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <source>Question fréquente</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Référence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publication scientifique</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ressource web</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Résultats de la recherche</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chercher dans tous les guides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tapez un mot ou une question, avec ou sans accents. Par exemple :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Préparation de la recherche…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Les résultats s&apos;afficheront dès que l&apos;index sera prêt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La recherche est indisponible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Les guides restent lisibles depuis l&apos;accueil. Détail : %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln guide(s)</source>
        <translation>
            <numerusform>%Ln guide</numerusform>
            <numerusform>%Ln guides</numerusform>
        </translation>
    </message>
    <message>
        <source>Ces mots sont trop courants pour être cherchés dans le texte : ils ne le sont que dans les titres, intertitres et questions. Ajoutez un mot plus précis, ou choisissez une des propositions sous le champ de recherche.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aucun résultat pour « %1 »</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Essayez un mot plus simple ou plus courant, vérifiez l&apos;orthographe, ou retournez à l&apos;accueil pour parcourir les guides.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vouliez-vous dire « %1 » ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln résultat(s)</source>
        <translation>
            <numerusform>%Ln résultat</numerusform>
            <numerusform>%Ln résultats</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SheetTexts</name>
    <message>
        <source>Mes questions pour le médecin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Préparé le %1 avec Guide Reader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aucun signet pour le moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mes notes et questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(sans note)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cette section n&apos;est plus disponible dans le guide.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&apos;où viennent ces informations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source : %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>source non indiquée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>publié le %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>date de publication inconnue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mis à jour le %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>date de mise à jour inconnue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Texte des sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Références citées :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ces informations ne remplacent pas un avis médical. Montrez cette feuille à votre médecin.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StoreNotices</name>
    <message>
        <source>Le fichier des signets et de l&apos;historique était endommagé : il a été mis de côté sous le nom « %1 » et un nouveau fichier a été commencé.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le fichier des signets et de l&apos;historique « %1 » n&apos;est pas utilisé : il a été créé par une version plus récente du programme. Les signets de cette session ne seront pas conservés.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le fichier des signets et de l&apos;historique « %1 » n&apos;est pas utilisé : il ne peut pas être ouvert (%2). Les signets de cette session ne seront pas conservés.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le fichier endommagé a été mis de côté sous le nom « %2 ». Le fichier des signets et de l&apos;historique « %1 » n&apos;est pas utilisé : il a été créé par une version plus récente du programme. Les signets de cette session ne seront pas conservés.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le fichier endommagé a été mis de côté sous le nom « %3 ». Le fichier des signets et de l&apos;historique « %1 » n&apos;est pas utilisé : il ne peut pas être ouvert (%2). Les signets de cette session ne seront pas conservés.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le fichier des signets « %1 » est en lecture seule : vos signets sont affichés et peuvent être exportés, mais les nouveaux signets et notes ne pourront pas être conservés.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SuggestionList</name>
    <message>
        <source>Suggestions</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WriteFailures</name>
    <message>
        <source>le fichier des signets est en lecture seule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>le disque est plein</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>un autre programme utilise le fichier des signets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>le fichier des signets n&apos;est pas utilisable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>le fichier des signets ne peut pas être écrit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>note trop longue (%1 caractères, maximum %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le signet « %1 » n&apos;a pas été enregistré : %2. Votre note est gardée ci-dessous.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
