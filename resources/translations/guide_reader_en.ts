<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name></name>
    <message>
        <source>Source : %1</source>
        <translation>Source: %1</translation>
    </message>
    <message>
        <source>Source non indiquée</source>
        <translation>Source not given</translation>
    </message>
    <message>
        <source>publié le %1</source>
        <translation>published %1</translation>
    </message>
    <message>
        <source>date inconnue</source>
        <translation>date unknown</translation>
    </message>
    <message>
        <source>mis à jour le %1</source>
        <translation>updated %1</translation>
    </message>
    <message>
        <source>mise à jour inconnue</source>
        <translation>last update unknown</translation>
    </message>
</context>
<context>
    <name>ArticlePage</name>
    <message>
        <source>Sommaire du guide</source>
        <translation>Guide contents</translation>
    </message>
    <message>
        <source>Texte du guide</source>
        <translation>Guide text</translation>
    </message>
    <message>
        <source>Afficher ou masquer le sommaire (F9)</source>
        <translation>Show or hide the contents (F9)</translation>
    </message>
    <message>
        <source>◧ Masquer le sommaire</source>
        <translation>◧ Hide contents</translation>
    </message>
    <message>
        <source>◧ Sommaire</source>
        <translation>◧ Contents</translation>
    </message>
    <message>
        <source>Sommaire affiché</source>
        <translation>Contents shown</translation>
    </message>
    <message>
        <source>Sommaire masqué</source>
        <translation>Contents hidden</translation>
    </message>
    <message>
        <source>Début du guide</source>
        <translation>Start of the guide</translation>
    </message>
    <message>
        <source>Questions fréquentes</source>
        <translation>Frequently asked questions</translation>
    </message>
    <message>
        <source>Références</source>
        <translation>References</translation>
    </message>
    <message>
        <source>Publications scientifiques</source>
        <translation>Scientific publications</translation>
    </message>
    <message>
        <source>Ressources web</source>
        <translation>Web resources</translation>
    </message>
    <message>
        <source>Avertissement</source>
        <translation>Disclaimer</translation>
    </message>
</context>
<context>
    <name>ArticleTexts</name>
    <message>
        <source>Par %1</source>
        <translation>By %1</translation>
    </message>
    <message>
        <source>publié le %1</source>
        <translation>published %1</translation>
    </message>
    <message>
        <source>mis à jour le %1</source>
        <translation>updated %1</translation>
    </message>
    <message>
        <source>Marquer cette section</source>
        <translation>Bookmark this section</translation>
    </message>
    <message>
        <source>Signet enregistré : modifier la note</source>
        <translation>Bookmarked: edit the note</translation>
    </message>
    <message>
        <source>Questions fréquentes</source>
        <translation>Frequently asked questions</translation>
    </message>
    <message>
        <source>Afficher la réponse</source>
        <translation>Show the answer</translation>
    </message>
    <message>
        <source>Masquer la réponse</source>
        <translation>Hide the answer</translation>
    </message>
    <message>
        <source>Spécialités médicales concernées</source>
        <translation>Medical specialties concerned</translation>
    </message>
    <message>
        <source>Références</source>
        <translation>References</translation>
    </message>
    <message>
        <source>Cité dans :</source>
        <translation>Cited in:</translation>
    </message>
    <message>
        <source>Introduction</source>
        <translation>Introduction</translation>
    </message>
    <message>
        <source>Publications scientifiques</source>
        <translation>Scientific publications</translation>
    </message>
    <message>
        <source>Ressources web</source>
        <translation>Web resources</translation>
    </message>
    <message>
        <source>Avertissement :</source>
        <translation>Disclaimer:</translation>
    </message>
    <message>
        <source>Ces informations ne remplacent pas l&apos;avis d&apos;un médecin ou d&apos;un autre professionnel de santé. En cas de doute ou de symptômes inquiétants, consultez ; en cas d&apos;urgence, appelez le 15.</source>
        <translation>This information does not replace the advice of a doctor or another health professional. If in doubt or with worrying symptoms, see a doctor; in an emergency, call 15 (SAMU) or 112.</translation>
    </message>
    <message>
        <source>Écouter cette section</source>
        <translation>Listen to this section</translation>
    </message>
    <message>
        <source>Écouter</source>
        <translation>Listen</translation>
    </message>
</context>
<context>
    <name>BookmarkActions</name>
    <message>
        <source>Signet enregistré : %1</source>
        <translation>Bookmark saved: %1</translation>
    </message>
    <message>
        <source>Enregistrer la feuille en PDF</source>
        <translation>Save the sheet as PDF</translation>
    </message>
    <message>
        <source>Document PDF (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <source>Feuille enregistrée : %1</source>
        <translation>Sheet saved: %1</translation>
    </message>
    <message>
        <source>Exporter les signets</source>
        <translation>Export bookmarks</translation>
    </message>
    <message>
        <source>Signets Guide Reader (*.json)</source>
        <translation>Guide Reader bookmarks (*.json)</translation>
    </message>
    <message>
        <source>Export impossible</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <source>Signets exportés : %1</source>
        <translation>Bookmarks exported: %1</translation>
    </message>
    <message>
        <source>Importer des signets</source>
        <translation>Import bookmarks</translation>
    </message>
    <message>
        <source>Import impossible</source>
        <translation>Import failed</translation>
    </message>
    <message>
        <source>Import : %1 ajouté(s), %2 fusionné(s), %3 déjà présent(s).</source>
        <translation>Import: %1 added, %2 merged, %3 already there.</translation>
    </message>
    <message>
        <source>Aucune section n&apos;est à l&apos;écran : faites défiler jusqu&apos;au titre d&apos;une section, ou utilisez le bouton ☆ à côté du titre.</source>
        <translation>No section is on screen: scroll to a section&apos;s heading, or use the ☆ button beside the heading.</translation>
    </message>
    <message>
        <source>Marquer une section</source>
        <translation>Bookmark a section</translation>
    </message>
    <message>
        <source>Vos signets sont affichés, mais les nouveaux ne peuvent pas être enregistrés : leur fichier est en lecture seule.</source>
        <translation>Your bookmarks are shown, but new ones cannot be saved: their file is read-only.</translation>
    </message>
    <message>
        <source>Les signets et l&apos;historique de cette session ne seront pas enregistrés.</source>
        <translation>Bookmarks and history of this session will not be saved.</translation>
    </message>
    <message>
        <source>Signets</source>
        <translation>Bookmarks</translation>
    </message>
</context>
<context>
    <name>BookmarksPage</name>
    <message>
        <source>Mes signets</source>
        <translation>My bookmarks</translation>
    </message>
    <message>
        <source>Signets</source>
        <translation>Bookmarks</translation>
    </message>
    <message>
        <source>Lu récemment</source>
        <translation>Recently read</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Section</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Signets, groupés par guide</source>
        <translation>Bookmarks, grouped by guide</translation>
    </message>
    <message>
        <source>Aucun signet. Dans un guide, le bouton ☆ à côté d&apos;un titre (ou Ctrl+D) marque la section.</source>
        <translation>No bookmarks. In a guide, the ☆ button beside a heading (or Ctrl+D) bookmarks the section.</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Annuler la suppression du signet</source>
        <translation>Undo removing the bookmark</translation>
    </message>
    <message>
        <source>Rétablir</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>Ouvrir</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Modifier la note</source>
        <translation>Edit note</translation>
    </message>
    <message>
        <source>Retirer</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Joindre le texte des sections</source>
        <translation>Include the sections&apos; text</translation>
    </message>
    <message>
        <source>La feuille pour le médecin tient sur une page : vos notes, les sections et les sources.</source>
        <translation>The sheet for the doctor fits on one page: your notes, the sections and the sources.</translation>
    </message>
    <message>
        <source>Imprimer…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>Enregistrer en PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <source>Exporter…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Importer…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <source>%1 — section plus disponible</source>
        <translation>%1 — section no longer available</translation>
    </message>
    <message>
        <source>%1 — guide plus disponible</source>
        <translation>%1 — guide no longer available</translation>
    </message>
    <message>
        <source>Signet « %1 » retiré.</source>
        <translation>Bookmark “%1” removed.</translation>
    </message>
    <message numerus="yes">
        <source>(%n retrait(s) à annuler)</source>
        <translation>
            <numerusform>(%n removal to undo)</numerusform>
            <numerusform>(%n removals to undo)</numerusform>
        </translation>
    </message>
    <message>
        <source>Sections lues récemment</source>
        <translation>Recently read sections</translation>
    </message>
    <message>
        <source>Effacer l&apos;historique</source>
        <translation>Clear history</translation>
    </message>
    <message>
        <source>Oublie les guides et sections lus ; les signets restent.</source>
        <translation>Forgets the guides and sections read; bookmarks stay.</translation>
    </message>
    <message>
        <source>Rien de lu pour le moment.</source>
        <translation>Nothing read yet.</translation>
    </message>
</context>
<context>
    <name>CatalogueModel</name>
    <message>
        <source>Ouvrir « %1 »</source>
        <translation>Open “%1”</translation>
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
            <numerusform>%n min read</numerusform>
            <numerusform>%n min read</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CompletionModel</name>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>EmergencyBanner</name>
    <message>
        <source>Touchez pour savoir quoi faire en cas d&apos;urgence</source>
        <translation>Touch to learn what to do in an emergency</translation>
    </message>
</context>
<context>
    <name>ErrorReporter</name>
    <message>
        <source>Un problème inattendu est survenu. Vous pouvez continuer à lire ; si quelque chose ne répond plus, fermez puis rouvrez le programme.

Les détails sont dans le journal : %1</source>
        <translation>Something unexpected happened. You can keep reading; if something stops responding, close and reopen the program.

The details are in the log: %1</translation>
    </message>
    <message>
        <source>Problème inattendu</source>
        <translation>Unexpected problem</translation>
    </message>
</context>
<context>
    <name>EspeakEngine</name>
    <message>
        <source>aucune sortie son. Branchez un casque ou des haut-parleurs, puis appuyez sur « Écouter ».</source>
        <translation>no sound output. Plug in headphones or speakers, then press « Listen ».</translation>
    </message>
    <message>
        <source>la voix n&apos;a pas pu lire cette phrase. Appuyez de nouveau sur « Écouter ».</source>
        <translation>the voice could not read this sentence. Press « Listen » again.</translation>
    </message>
    <message>
        <source>la voix n&apos;a pas pu démarrer (espeak-ng). Paquet Debian à vérifier : espeak-ng.</source>
        <translation>the voice could not start (espeak-ng). Debian package to check: espeak-ng.</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Chercher dans ce guide</source>
        <translation>Find in this guide</translation>
    </message>
    <message>
        <source>Précédent</source>
        <translation>Previous</translation>
    </message>
    <message>
        <source>Résultat précédent</source>
        <translation>Previous match</translation>
    </message>
    <message>
        <source>Suivant</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>Résultat suivant</source>
        <translation>Next match</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Fermer la recherche dans le guide</source>
        <translation>Close find in guide</translation>
    </message>
    <message>
        <source>Aucun résultat</source>
        <translation>No match</translation>
    </message>
    <message>
        <source>%1 sur %2</source>
        <translation>%1 of %2</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Vos guides de santé</source>
        <translation>Your health guides</translation>
    </message>
    <message>
        <source>Tous les guides se lisent sans connexion. Choisissez un guide, ou cherchez un mot (Ctrl+K), par exemple « fièvre » ou « globules blancs ».</source>
        <translation>Every guide can be read offline. Choose a guide, or search for a word (Ctrl+K), for example “fièvre” or “globules blancs”.</translation>
    </message>
    <message>
        <source>Filtrer les guides par titre</source>
        <translation>Filter the guides by title</translation>
    </message>
    <message>
        <source>Filtrer la liste des guides</source>
        <translation>Filter the list of guides</translation>
    </message>
    <message>
        <source>Liste des guides</source>
        <translation>List of guides</translation>
    </message>
    <message>
        <source>Aucun guide n&apos;a pu être chargé. Vérifiez le dossier des articles.</source>
        <translation>No guide could be loaded. Check the articles folder.</translation>
    </message>
    <message>
        <source>Accueil : liste des guides</source>
        <translation>Home: list of guides</translation>
    </message>
    <message>
        <source>Lecture des guides du dossier… La liste apparaîtra dans un instant.</source>
        <translation>Reading the guides of the folder… The list will appear in a moment.</translation>
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
            <numerusform>%Ln of %1 guides</numerusform>
            <numerusform>%Ln of %1 guides</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IdleCountdown</name>
    <message>
        <source>Toujours là ?</source>
        <translation>Still there?</translation>
    </message>
    <message>
        <source>Touchez l&apos;écran pour continuer votre lecture.</source>
        <translation>Touch the screen to keep reading.</translation>
    </message>
    <message>
        <source>Retour à l&apos;accueil dans %1 s, pour le prochain visiteur.</source>
        <translation>Back to the home page in %1 s, for the next visitor.</translation>
    </message>
</context>
<context>
    <name>KioskDialogs</name>
    <message>
        <source>Le dossier des fichiers n&apos;est pas là (une clé USB est-elle branchée ?). Demandez à l&apos;accueil.</source>
        <translation>The files folder is not there (is a USB stick plugged in?). Please ask at the front desk.</translation>
    </message>
    <message>
        <source>Aucune imprimante n&apos;est reliée à cette borne : la feuille ne peut pas être imprimée.</source>
        <translation>No printer is connected to this kiosk: the sheet cannot be printed.</translation>
    </message>
    <message>
        <source>Guide Reader</source>
        <translation>Guide Reader</translation>
    </message>
    <message>
        <source>Compris</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>Agrandir le texte</source>
        <translation>Larger text</translation>
    </message>
    <message>
        <source>Texte +</source>
        <translation>Text +</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Clair</source>
        <translation>Light</translation>
    </message>
    <message>
        <source>Sombre</source>
        <translation>Dark</translation>
    </message>
    <message>
        <source>Contraste élevé</source>
        <translation>High contrast</translation>
    </message>
    <message>
        <source>Guide Reader — guides de santé hors ligne</source>
        <translation>Guide Reader — offline health guides</translation>
    </message>
    <message>
        <source>◀ Retour</source>
        <translation>◀ Back</translation>
    </message>
    <message>
        <source>Page précédente (Alt+Gauche)</source>
        <translation>Previous page (Alt+Left)</translation>
    </message>
    <message>
        <source>Suivant ▶</source>
        <translation>Forward ▶</translation>
    </message>
    <message>
        <source>Page suivante (Alt+Droite)</source>
        <translation>Next page (Alt+Right)</translation>
    </message>
    <message>
        <source>Accueil</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>Liste des guides (Alt+Début)</source>
        <translation>List of guides (Alt+Home)</translation>
    </message>
    <message>
        <source>Signets</source>
        <translation>Bookmarks</translation>
    </message>
    <message>
        <source>Mes signets et l&apos;historique de lecture (Ctrl+B)</source>
        <translation>My bookmarks and reading history (Ctrl+B)</translation>
    </message>
    <message>
        <source>Page précédente</source>
        <translation>Previous page</translation>
    </message>
    <message>
        <source>Page suivante</source>
        <translation>Next page</translation>
    </message>
    <message>
        <source>Mes signets et l&apos;historique de lecture</source>
        <translation>My bookmarks and reading history</translation>
    </message>
    <message>
        <source>Chercher dans les guides (Ctrl+K)</source>
        <translation>Search the guides (Ctrl+K)</translation>
    </message>
    <message>
        <source>Chercher dans les guides</source>
        <translation>Search the guides</translation>
    </message>
    <message>
        <source>Les résultats s&apos;affichent pendant la frappe ; Entrée ouvre le premier résultat.</source>
        <translation>Results appear as you type; Enter opens the first result.</translation>
    </message>
    <message>
        <source>Effacer la recherche</source>
        <translation>Clear the search</translation>
    </message>
    <message>
        <source>☆ Marquer</source>
        <translation>☆ Bookmark</translation>
    </message>
    <message>
        <source>Marquer la section en cours, avec une note (Ctrl+D)</source>
        <translation>Bookmark the current section, with a note (Ctrl+D)</translation>
    </message>
    <message>
        <source>Marquer la section en cours</source>
        <translation>Bookmark the current section</translation>
    </message>
    <message>
        <source>A−</source>
        <translation>A−</translation>
    </message>
    <message>
        <source>Texte plus petit (Ctrl+−)</source>
        <translation>Smaller text (Ctrl+−)</translation>
    </message>
    <message>
        <source>A+</source>
        <translation>A+</translation>
    </message>
    <message>
        <source>Texte plus grand (Ctrl++)</source>
        <translation>Larger text (Ctrl++)</translation>
    </message>
    <message>
        <source>Taille normale</source>
        <translation>Normal size</translation>
    </message>
    <message>
        <source>Texte plus petit</source>
        <translation>Smaller text</translation>
    </message>
    <message>
        <source>Texte plus grand</source>
        <translation>Larger text</translation>
    </message>
    <message>
        <source>Affichage</source>
        <translation>View</translation>
    </message>
    <message>
        <source>Affichage : thème, taille du texte, langue</source>
        <translation>View: theme, text size, language</translation>
    </message>
    <message>
        <source>Langue</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Langue du système</source>
        <translation>System language</translation>
    </message>
    <message>
        <source>Dossier des guides…</source>
        <translation>Guides folder…</translation>
    </message>
    <message>
        <source>Guides fournis avec le programme</source>
        <translation>Guides that come with the program</translation>
    </message>
    <message>
        <source>À propos de Guide Reader</source>
        <translation>About Guide Reader</translation>
    </message>
    <message>
        <source>Préparation de la recherche</source>
        <translation>Preparing search</translation>
    </message>
    <message>
        <source>Catalogue des guides impossible à enregistrer : chaque démarrage relira tous les guides.</source>
        <translation>The guide catalogue cannot be saved: every start will read all the guides again.</translation>
    </message>
    <message>
        <source>Préparation de la recherche…</source>
        <translation>Preparing search…</translation>
    </message>
    <message>
        <source>Recherche prête.</source>
        <translation>Search ready.</translation>
    </message>
    <message>
        <source>La recherche est indisponible pour le moment ; la lecture des guides continue.</source>
        <translation>Search is unavailable for now; you can still read the guides.</translation>
    </message>
    <message>
        <source>l&apos;index de recherche n&apos;a pas pu être préparé ; une prochaine recherche réessaiera.</source>
        <translation>the search index could not be prepared; a later search will try again.</translation>
    </message>
    <message>
        <source>L&apos;index de recherche était endommagé : il a été reconstruit.</source>
        <translation>The search index was damaged: it has been rebuilt.</translation>
    </message>
    <message>
        <source>La recherche fonctionne, mais son index n&apos;a pas pu être enregistré : il sera refait au prochain démarrage.</source>
        <translation>Search works, but its index could not be saved: it will be built again at the next start.</translation>
    </message>
    <message>
        <source>La liste des synonymes n&apos;a pas pu être lue : la recherche marche sans elle.</source>
        <translation>The list of synonyms could not be read: search works without it.</translation>
    </message>
    <message>
        <source>L&apos;index de recherche était endommagé : il est reconstruit, les résultats vont revenir.</source>
        <translation>The search index was damaged: it is being rebuilt, results will come back.</translation>
    </message>
    <message>
        <source>Ressources citées : %1</source>
        <translation>Resources cited: %1</translation>
    </message>
    <message>
        <source>Vos signets et votre historique ne sont pas enregistrés : %1.</source>
        <translation>Your bookmarks and history are not being saved: %1.</translation>
    </message>
    <message>
        <source>Guide introuvable : %1</source>
        <translation>Guide not found: %1</translation>
    </message>
    <message>
        <source>Barre d&apos;outils</source>
        <translation>Toolbar</translation>
    </message>
    <message numerus="yes">
        <source>%Ln fichier(s) de guide avec des erreurs : la commande « guide-reader check » les détaille.</source>
        <translation>
            <numerusform>%Ln guide file with errors: the command “guide-reader check” lists them.</numerusform>
            <numerusform>%Ln guide files with errors: the command “guide-reader check” lists them.</numerusform>
        </translation>
    </message>
    <message>
        <source>Recherche — Guide Reader</source>
        <translation>Search — Guide Reader</translation>
    </message>
    <message>
        <source>Mes signets — Guide Reader</source>
        <translation>My bookmarks — Guide Reader</translation>
    </message>
    <message>
        <source>La langue choisie s&apos;appliquera au prochain démarrage.</source>
        <translation>The chosen language will apply at the next start.</translation>
    </message>
    <message>
        <source>Dossier des guides</source>
        <translation>Guides folder</translation>
    </message>
    <message>
        <source>Les guides de « %1 » seront utilisés au prochain démarrage.</source>
        <translation>The guides in “%1” will be used from the next start.</translation>
    </message>
    <message>
        <source>Les guides fournis seront utilisés au prochain démarrage.</source>
        <translation>The bundled guides will be used from the next start.</translation>
    </message>
    <message>
        <source>Guides de santé à lire sans connexion : rien n&apos;est envoyé ni chargé sur internet.</source>
        <translation>Health guides to read offline: nothing is sent to or loaded from the internet.</translation>
    </message>
    <message>
        <source>Dossier des guides : %1</source>
        <translation>Guides folder: %1</translation>
    </message>
    <message>
        <source>Sources des guides</source>
        <translation>Sources of the guides</translation>
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
        <translation>These guides do not replace the advice of a health professional.</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <source>Signet</source>
        <translation>Bookmark</translation>
    </message>
    <message>
        <source>Marquer « %1 »</source>
        <translation>Bookmark “%1”</translation>
    </message>
    <message>
        <source>Une note pour vous ou pour le médecin (facultatif) :</source>
        <translation>A note for yourself or for the doctor (optional):</translation>
    </message>
    <message>
        <source>Note du signet</source>
        <translation>Bookmark note</translation>
    </message>
    <message>
        <source>Par exemple : demander si la fièvre de mardi compte</source>
        <translation>For example: ask whether Tuesday&apos;s fever matters</translation>
    </message>
    <message>
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Note trop longue : %1 caractères, maximum %2. Raccourcissez-la pour l&apos;enregistrer.</source>
        <translation>Note too long: %1 characters, at most %2. Shorten it to save it.</translation>
    </message>
</context>
<context>
    <name>NoteNotKeptDialog</name>
    <message>
        <source>Signet non enregistré</source>
        <translation>Bookmark not saved</translation>
    </message>
    <message>
        <source>Note non enregistrée</source>
        <translation>Unsaved note</translation>
    </message>
    <message>
        <source>Réessayer</source>
        <translation>Try again</translation>
    </message>
    <message>
        <source>Copier la note</source>
        <translation>Copy the note</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Note copiée</source>
        <translation>Note copied</translation>
    </message>
</context>
<context>
    <name>OnScreenKeyboard</name>
    <message>
        <source>Effacer la dernière lettre</source>
        <translation>Delete the last letter</translation>
    </message>
    <message>
        <source>espace</source>
        <translation>space</translation>
    </message>
    <message>
        <source>Rechercher</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>↵ Ligne</source>
        <translation>↵ New line</translation>
    </message>
    <message>
        <source>Masquer</source>
        <translation>Hide</translation>
    </message>
    <message>
        <source>Masquer le clavier</source>
        <translation>Hide the keyboard</translation>
    </message>
    <message>
        <source>Clavier à l&apos;écran</source>
        <translation>On-screen keyboard</translation>
    </message>
</context>
<context>
    <name>OutOfOrderPage</name>
    <message>
        <source>Cette borne est hors service pour le moment.</source>
        <translation>This kiosk is out of order for now.</translation>
    </message>
    <message>
        <source>Merci de prévenir l&apos;accueil.</source>
        <translation>Please tell the front desk.</translation>
    </message>
    <message>
        <source>Corriger le fichier : la borne redémarre d&apos;elle-même dès qu&apos;il est valide (modèle commenté : guide-reader kiosk-pin --example).</source>
        <translation>Fix the file: the kiosk starts again by itself as soon as it is valid (commented template: guide-reader kiosk-pin --example).</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>Accès du personnel</source>
        <translation>Staff access</translation>
    </message>
    <message>
        <source>Valider</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Réservé au personnel de l&apos;accueil.</source>
        <translation>For the front desk staff only.</translation>
    </message>
    <message>
        <source>Vérification…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>Entrez le code à nouveau.</source>
        <translation>Enter the code again.</translation>
    </message>
    <message>
        <source>Code incorrect. Nouvel essai possible dans %1 s.</source>
        <translation>Wrong PIN. Next try possible in %1 s.</translation>
    </message>
    <message>
        <source>Entrez le code</source>
        <translation>Enter the PIN</translation>
    </message>
</context>
<context>
    <name>ReadAloudBar</name>
    <message>
        <source>Écouter le guide</source>
        <translation>Listen to the guide</translation>
    </message>
    <message>
        <source>Écouter le guide depuis le début</source>
        <translation>Listen to the guide from the start</translation>
    </message>
    <message>
        <source>Lire tout le guide à voix haute (Ctrl+Maj+E)</source>
        <translation>Read the whole guide aloud (Ctrl+Shift+E)</translation>
    </message>
    <message>
        <source>Écouter : quand consulter, le 15</source>
        <translation>Listen: when to see a doctor, 15</translation>
    </message>
    <message>
        <source>Écouter « Quand consulter un médecin ? » et le numéro d&apos;urgence</source>
        <translation>Listen to “When to see a doctor?” and the emergency number</translation>
    </message>
    <message>
        <source>« Quand consulter un médecin ? » puis le 15 et le 112 (Ctrl+Maj+U)</source>
        <translation>“When to see a doctor?”, then 15 and 112 (Ctrl+Shift+U)</translation>
    </message>
    <message>
        <source>Précédente</source>
        <translation>Previous</translation>
    </message>
    <message>
        <source>Phrase précédente (Ctrl+Maj+P)</source>
        <translation>Previous sentence (Ctrl+Shift+P)</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Pause ou reprise (Ctrl+Maj+E)</source>
        <translation>Pause or resume (Ctrl+Shift+E)</translation>
    </message>
    <message>
        <source>Suivante</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>Phrase suivante (Ctrl+Maj+N)</source>
        <translation>Next sentence (Ctrl+Shift+N)</translation>
    </message>
    <message>
        <source>Arrêter</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Arrêter la lecture (Ctrl+Maj+S)</source>
        <translation>Stop reading (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <source>Vitesse %1×</source>
        <translation>Speed %1×</translation>
    </message>
    <message>
        <source>Vitesse de lecture</source>
        <translation>Reading speed</translation>
    </message>
    <message>
        <source>Plus vite : Ctrl+Maj+Haut ; moins vite : Ctrl+Maj+Bas</source>
        <translation>Faster: Ctrl+Shift+Up; slower: Ctrl+Shift+Down</translation>
    </message>
    <message>
        <source>Volume de la voix</source>
        <translation>Voice volume</translation>
    </message>
    <message>
        <source>Recherche de la voix française…</source>
        <translation>Looking for the French voice…</translation>
    </message>
    <message>
        <source>Lecture impossible : aucune voix française n&apos;est installée. Paquet Debian à installer : %1.</source>
        <translation>Cannot read aloud: no French voice is installed. Debian package to install: %1.</translation>
    </message>
    <message>
        <source>Phrase %1 sur %2</source>
        <translation>Sentence %1 of %2</translation>
    </message>
    <message>
        <source>Lecture terminée</source>
        <translation>Finished reading</translation>
    </message>
    <message>
        <source>La voix s&apos;est arrêtée sur une erreur : %1</source>
        <translation>The voice stopped on an error: %1</translation>
    </message>
    <message>
        <source>En pause (phrase %1)</source>
        <translation>Paused (sentence %1)</translation>
    </message>
    <message>
        <source>Reprendre</source>
        <translation>Resume</translation>
    </message>
</context>
<context>
    <name>ReferencePanel</name>
    <message>
        <source>Voir dans la liste des références</source>
        <translation>Show in the list of references</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Fermer la référence</source>
        <translation>Close the reference</translation>
    </message>
    <message>
        <source>Référence citée</source>
        <translation>Cited reference</translation>
    </message>
    <message>
        <source>La source [%1] n&apos;est pas listée dans ce guide : elle ne peut pas être affichée.</source>
        <translation>Source [%1] is not listed in this guide: it cannot be shown.</translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <source>Question fréquente</source>
        <translation>Frequently asked question</translation>
    </message>
    <message>
        <source>Référence</source>
        <translation>Reference</translation>
    </message>
    <message>
        <source>Publication scientifique</source>
        <translation>Scientific publication</translation>
    </message>
    <message>
        <source>Ressource web</source>
        <translation>Web resource</translation>
    </message>
    <message>
        <source>Résultats de la recherche</source>
        <translation>Search results</translation>
    </message>
    <message>
        <source>Chercher dans tous les guides</source>
        <translation>Search all the guides</translation>
    </message>
    <message>
        <source>Tapez un mot ou une question, avec ou sans accents. Par exemple :</source>
        <translation>Type a word or a question, with or without accents. For example:</translation>
    </message>
    <message>
        <source>Préparation de la recherche…</source>
        <translation>Preparing search…</translation>
    </message>
    <message>
        <source>Les résultats s&apos;afficheront dès que l&apos;index sera prêt.</source>
        <translation>Results will appear as soon as the index is ready.</translation>
    </message>
    <message>
        <source>La recherche est indisponible</source>
        <translation>Search is unavailable</translation>
    </message>
    <message>
        <source>Les guides restent lisibles depuis l&apos;accueil. Détail : %1</source>
        <translation>The guides can still be read from the home page. Details: %1</translation>
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
        <translation>These words are too common to be searched in the text: they are only searched in titles, headings and questions. Add a more precise word, or choose one of the suggestions under the search field.</translation>
    </message>
    <message>
        <source>Aucun résultat pour « %1 »</source>
        <translation>No results for “%1”</translation>
    </message>
    <message>
        <source>Essayez un mot plus simple ou plus courant, vérifiez l&apos;orthographe, ou retournez à l&apos;accueil pour parcourir les guides.</source>
        <translation>Try a simpler or more common word, check the spelling, or go back home to browse the guides.</translation>
    </message>
    <message>
        <source>Vouliez-vous dire « %1 » ?</source>
        <translation>Did you mean “%1”?</translation>
    </message>
    <message numerus="yes">
        <source>%Ln résultat(s)</source>
        <translation>
            <numerusform>%Ln result</numerusform>
            <numerusform>%Ln results</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SheetTexts</name>
    <message>
        <source>Mes questions pour le médecin</source>
        <translation>My questions for the doctor</translation>
    </message>
    <message>
        <source>Préparé le %1 avec Guide Reader</source>
        <translation>Prepared on %1 with Guide Reader</translation>
    </message>
    <message>
        <source>Aucun signet pour le moment.</source>
        <translation>No bookmarks yet.</translation>
    </message>
    <message>
        <source>Mes notes et questions</source>
        <translation>My notes and questions</translation>
    </message>
    <message>
        <source>(sans note)</source>
        <translation>(no note)</translation>
    </message>
    <message>
        <source>Cette section n&apos;est plus disponible dans le guide.</source>
        <translation>This section is no longer in the guide.</translation>
    </message>
    <message>
        <source>D&apos;où viennent ces informations</source>
        <translation>Where this information comes from</translation>
    </message>
    <message>
        <source>Source : %1</source>
        <translation>Source: %1</translation>
    </message>
    <message>
        <source>source non indiquée</source>
        <translation>source not given</translation>
    </message>
    <message>
        <source>publié le %1</source>
        <translation>published %1</translation>
    </message>
    <message>
        <source>date de publication inconnue</source>
        <translation>publication date unknown</translation>
    </message>
    <message>
        <source>mis à jour le %1</source>
        <translation>updated %1</translation>
    </message>
    <message>
        <source>date de mise à jour inconnue</source>
        <translation>update date unknown</translation>
    </message>
    <message>
        <source>Texte des sections</source>
        <translation>Text of the sections</translation>
    </message>
    <message>
        <source>Références citées :</source>
        <translation>References cited:</translation>
    </message>
    <message>
        <source>Ces informations ne remplacent pas un avis médical. Montrez cette feuille à votre médecin.</source>
        <translation>This information does not replace medical advice. Show this sheet to your doctor.</translation>
    </message>
</context>
<context>
    <name>StoreNotices</name>
    <message>
        <source>Le fichier des signets et de l&apos;historique était endommagé : il a été mis de côté sous le nom « %1 » et un nouveau fichier a été commencé.</source>
        <translation>The bookmarks and history file was damaged: it was set aside as “%1” and a new file was started.</translation>
    </message>
    <message>
        <source>Le fichier des signets et de l&apos;historique « %1 » n&apos;est pas utilisé : il a été créé par une version plus récente du programme. Les signets de cette session ne seront pas conservés.</source>
        <translation>The bookmarks and history file “%1” is not used: it was made by a newer version of the program. Bookmarks of this session will not be kept.</translation>
    </message>
    <message>
        <source>Le fichier des signets et de l&apos;historique « %1 » n&apos;est pas utilisé : il ne peut pas être ouvert (%2). Les signets de cette session ne seront pas conservés.</source>
        <translation>The bookmarks and history file “%1” is not used: it cannot be opened (%2). Bookmarks of this session will not be kept.</translation>
    </message>
    <message>
        <source>Le fichier endommagé a été mis de côté sous le nom « %2 ». Le fichier des signets et de l&apos;historique « %1 » n&apos;est pas utilisé : il a été créé par une version plus récente du programme. Les signets de cette session ne seront pas conservés.</source>
        <translation>The damaged file was set aside as “%2”. The bookmarks and history file “%1” is not used: it was made by a newer version of the program. Bookmarks of this session will not be kept.</translation>
    </message>
    <message>
        <source>Le fichier endommagé a été mis de côté sous le nom « %3 ». Le fichier des signets et de l&apos;historique « %1 » n&apos;est pas utilisé : il ne peut pas être ouvert (%2). Les signets de cette session ne seront pas conservés.</source>
        <translation>The damaged file was set aside as “%3”. The bookmarks and history file “%1” is not used: it cannot be opened (%2). Bookmarks of this session will not be kept.</translation>
    </message>
    <message>
        <source>Le fichier des signets « %1 » est en lecture seule : vos signets sont affichés et peuvent être exportés, mais les nouveaux signets et notes ne pourront pas être conservés.</source>
        <translation>The bookmarks file “%1” is read-only: your bookmarks are shown and can be exported, but new bookmarks and notes cannot be kept.</translation>
    </message>
</context>
<context>
    <name>SuggestionList</name>
    <message>
        <source>Suggestions</source>
        <translation>Suggestions</translation>
    </message>
</context>
<context>
    <name>WriteFailures</name>
    <message>
        <source>le fichier des signets est en lecture seule</source>
        <translation>the bookmarks file is read-only</translation>
    </message>
    <message>
        <source>le disque est plein</source>
        <translation>the disk is full</translation>
    </message>
    <message>
        <source>un autre programme utilise le fichier des signets</source>
        <translation>another program is using the bookmarks file</translation>
    </message>
    <message>
        <source>le fichier des signets n&apos;est pas utilisable</source>
        <translation>the bookmarks file cannot be used</translation>
    </message>
    <message>
        <source>le fichier des signets ne peut pas être écrit</source>
        <translation>the bookmarks file cannot be written</translation>
    </message>
    <message>
        <source>note trop longue (%1 caractères, maximum %2)</source>
        <translation>note too long (%1 characters, at most %2)</translation>
    </message>
    <message>
        <source>Le signet « %1 » n&apos;a pas été enregistré : %2. Votre note est gardée ci-dessous.</source>
        <translation>The bookmark “%1” was not saved: %2. Your note is kept below.</translation>
    </message>
</context>
</TS>
