# Signalements, modération, recours et rapport de transparence (issue 11).
mod-nav-rules = Règles du site
mod-nav-transparency = Rapport de transparence
mod-nav-queue = Signalements et recours
mod-nav-decisions = Décisions de modération vous concernant
listing-status-hidden = La modération a masqué cette annonce : personne d'autre ne la voit. Votre page de décisions explique pourquoi et comment faire recours.
tab-hidden = Masquées par la modération

mod-rules-title = Règles du site
mod-rules-lead = Toute personne qui achète ou vend sur Pasar accepte ces règles. Chaque décision de modération cite la règle qu'elle applique.
mod-rule-heading = Règle { $number }
mod-rule-cited = Règle { $number } — { $title }
mod-rule-1-title = Objets interdits
mod-rule-1-body = Ne proposez pas ce que la loi interdit de vendre : armes et munitions, drogues et médicaments, alcool et tabac aux mineurs, animaux vivants, restes humains, objets volés, produits rappelés ou dangereux.
mod-rule-2-title = Contrefaçons
mod-rule-2-body = Vendez uniquement des articles authentiques. Les faux, répliques et copies de marques, et les objets qui portent atteinte à un dessin ou à un droit d'auteur, sont interdits, même si l'annonce le dit.
mod-rule-3-title = Arnaques et fraude
mod-rule-3-body = Ne trompez ni acheteurs ni vendeurs : pas de fausses annonces, pas d'objets que vous n'avez pas, pas de fausses confirmations de paiement, pas de liens d'hameçonnage, pas d'identités volées.
mod-rule-4-title = Payer en dehors du site
mod-rule-4-body = Payez et soyez payé uniquement via Pasar, où la protection acheteur garde l'argent jusqu'à l'arrivée de l'objet. Demander un virement, une application de paiement ou des coordonnées pour régler ailleurs est interdit.
mod-rule-5-title = Harcèlement et haine
mod-rule-5-body = Respectez les autres. Menaces, insultes, discours haineux, harcèlement sexuel et contacts répétés non désirés sont interdits.
mod-rule-6-title = Annonces trompeuses
mod-rule-6-body = Décrivez l'objet tel qu'il est : son état réel, ses défauts, des photos de l'objet lui-même, un prix et une catégorie honnêtes. Pas d'annonces appâts, de mots-clés en rafale ni de doublons.
mod-rule-7-title = Un compte par personne
mod-rule-7-body = Chaque personne a un seul compte, à son nom. Les comptes créés pour contourner une sanction, de faux avis ou des limites sont fermés.
mod-rule-8-title = Avis honnêtes
mod-rule-8-body = Un avis décrit un achat réel. Payer pour des avis, s'évaluer soi-même ou faire pression pour qu'un avis change est interdit.
mod-rule-9-title = Données privées d'autrui
mod-rule-9-body = Ne publiez pas l'adresse, le numéro de téléphone, les documents ou les photos de quelqu'un sans son accord.
mod-rules-process-title = Comment nous appliquons les règles
mod-rules-process = Tout membre peut signaler une annonce ou un membre. Un modérateur lit le signalement et décide, en citant une règle et les faits. Le membre concerné reçoit un exposé des motifs par e-mail et sur son compte, et peut faire recours une fois dans les six mois ; un autre modérateur tranche le recours. Les commandes déjà payées continuent toujours : l'argent de personne n'est bloqué.

mod-report-listing = Signaler cette annonce
mod-report-member = Signaler ce membre
mod-report-title = Signaler un problème
mod-report-lead = Dites-nous ce qui ne va pas. Un modérateur lit chaque signalement ; nous vous écrivons quand il est tranché.
mod-label-reason = Motif
mod-label-report-body = Ce qui s'est passé
mod-report-submit = Envoyer le signalement
mod-reason-prohibited = Objet interdit
mod-reason-counterfeit = Contrefaçon
mod-reason-scam = Arnaque ou fraude
mod-reason-harassment = Harcèlement
mod-reason-misleading = Trompeur
mod-reason-other = Autre
mod-reason-required = Choisissez un motif.
mod-body-required = Écrivez quelques mots.
mod-flash-reported = Merci : votre signalement a été transmis aux modérateurs. Nous vous enverrons la décision par e-mail.
mod-target-listing = Annonce
mod-target-member = Membre

mod-queue-title = Signalements et recours
mod-queue-cases = Dossiers ouverts, les plus anciens d'abord
mod-queue-empty = Aucun signalement ouvert.
mod-queue-appeals = Recours ouverts
mod-queue-appeals-empty = Aucun recours ouvert.
mod-label-case = Dossier
mod-label-target = Signalé
mod-label-member = Membre concerné
mod-label-reports = Signalements
mod-label-opened = Ouvert le
mod-label-appeal = Recours
mod-automated = automatique
mod-appeal-own = votre décision
mod-case-title = Dossier n° { $id }
mod-case-content = Le contenu
mod-case-gone = Il n'existe plus.
mod-case-reports = { $count ->
    [one] { $count } signalement
   *[other] { $count } signalements
}
mod-case-history = L'historique du membre
mod-other-cases = { $count ->
    [one] { $count } autre dossier
   *[other] { $count } autres dossiers
}
mod-history-empty = Aucune décision antérieure.
mod-in-force = en vigueur
mod-reversed = annulée
mod-case-closed = Ce dossier est tranché.
mod-decide-title = Décider
mod-choose = Choisir…
mod-label-decision = Décision
mod-label-rule = Règle
mod-rule-hint = Obligatoire pour toute décision sauf le classement sans suite.
mod-label-facts = Faits
mod-facts-hint = Ce que vous avez constaté et pourquoi cela enfreint la règle. Le membre le lira.
mod-label-days = Durée en jours
mod-days-hint = Pour une restriction de vente ou une suspension : de 1 à { $max } jours.
mod-label-automated-check = Cette décision a été prise sur un signalement automatique
mod-decide-submit = Enregistrer la décision
mod-action-required = Choisissez une décision.
mod-rule-required = Choisissez la règle qui s'applique.
mod-facts-required = Écrivez les faits.
mod-days-invalid = Indiquez un nombre de jours dans la limite.
mod-flash-decided = Décision enregistrée ; le membre et les auteurs des signalements sont informés.
mod-error-decided = Ce dossier a été tranché entre-temps.
mod-error-own = Vous ne pouvez pas vous signaler vous-même ni votre propre annonce.

mod-action-dismiss = Classé sans suite
mod-action-hide_listing = Annonce masquée
mod-action-warn = Avertissement
mod-action-restrict_selling = Vente restreinte
mod-action-suspend = Compte suspendu
mod-action-ban = Compte fermé (bannissement)
mod-outcome-dismiss = nous n'avons constaté aucune infraction à nos règles et n'avons rien fait
mod-outcome-hide_listing = nous avons masqué l'annonce
mod-outcome-warn = nous avons averti le membre
mod-outcome-restrict_selling = nous avons restreint les ventes du membre
mod-outcome-suspend = nous avons suspendu le membre
mod-outcome-ban = nous avons fermé le compte du membre
mod-statement-dismiss = Nous n'avons constaté aucune infraction à nos règles.
mod-statement-hide_listing = Nous avons masqué votre annonce au public. Vous la voyez toujours ; les acheteurs non.
mod-statement-warn = Nous vous adressons un avertissement : ce qui est décrit ci-dessous enfreint nos règles. Rien d'autre ne change sur votre compte pour l'instant.
mod-statement-restrict_selling = Vous ne pouvez pas mettre en vente de nouveaux objets pendant la durée ci-dessous. Vos commandes en cours continuent normalement.
mod-statement-suspend = Votre compte est suspendu pour la durée ci-dessous : vous pouvez seulement lire cette décision et faire recours. Vos annonces sont masquées ; les commandes en cours continuent, vous pouvez donc encore expédier et être payé.
mod-statement-ban = Votre compte est fermé : vous pouvez seulement lire cette décision et faire recours. Vos annonces sont masquées ; les commandes en cours continuent, vous pouvez donc encore expédier et être payé.
mod-label-duration = Durée
mod-lasts-until = Jusqu'au { $date }
mod-lasts-permanent = Définitive
mod-lasts-once = Sans durée : la décision vaut une fois prise
mod-label-automated = Prise sur un signalement automatique
mod-yes = Oui
mod-no = Non
mod-label-decided-on = Décidée le
mod-label-appeal-by = Recours possible jusqu'au
mod-appeal-how = Si vous pensez que cette décision est erronée, vous pouvez faire recours une fois, avec vos explications, jusqu'au { $date }. Un autre modérateur tranchera.

mod-decisions-title = Décisions de modération
mod-decisions-lead = Chaque décision prise par les modérateurs à votre sujet ou sur vos annonces, avec ses motifs.
mod-decisions-empty = Aucune décision de modération ne vous concerne.
mod-statement-title = Exposé des motifs
mod-appeal-title = Recours
mod-label-appeal-body = Votre recours
mod-appeal-submit = Envoyer le recours
mod-appeal-closed = Cette décision ne peut plus faire l'objet d'un recours.
mod-appeal-none = Aucun recours.
mod-appeal-status-open = Recours en attente de décision
mod-appeal-status-upheld = Recours rejeté : la décision est maintenue
mod-appeal-status-reversed = Recours accepté : la décision a été annulée
mod-flash-appealed = Votre recours a été envoyé. Un autre modérateur tranchera et nous vous écrirons.
mod-error-appealed = Cette décision a déjà fait l'objet d'un recours.
mod-error-appeal-late = Les six mois pour faire recours sont passés.
mod-selling-restricted = Une décision de modération vous empêche de lancer de nouvelles ventes pour l'instant. Elle est expliquée ci-dessous, avec le moyen de faire recours.
mod-buying-restricted = Une décision de modération vous empêche d'acheter pour l'instant. Consultez vos décisions de modération.

mod-appeal-page-title = Recours n° { $id }
mod-decided-by = décidée par { $name }
mod-appeal-decide-title = Trancher le recours
mod-appeal-own-lead = Vous avez pris cette décision : un autre modérateur doit trancher son recours.
mod-label-outcome = Issue
mod-outcome-uphold = Rejeter le recours : la décision est maintenue
mod-outcome-reverse = Accepter le recours : annuler la décision et ses effets
mod-label-note = Motifs de l'issue
mod-appeal-decide-submit = Enregistrer l'issue
mod-outcome-required = Choisissez une issue.
mod-note-required = Écrivez les motifs.
mod-flash-appeal-decided = Recours tranché ; le membre et les auteurs des signalements sont informés.
mod-error-same-moderator = Le modérateur qui a pris une décision ne peut pas trancher son recours.

mod-email-received-subject = Nous avons reçu votre signalement
mod-email-received-body = Merci d'avoir signalé cet élément ({ $what }, dossier { $case }). Un modérateur va l'examiner.
mod-email-received-next = Nous vous écrirons quand il sera tranché. Les signalements sont confidentiels : le membre ne sait pas qui l'a signalé.
mod-email-decided-subject = Votre signalement a été tranché
mod-email-decided-body = À propos de l'élément signalé ({ $what }) : { $outcome }.
mod-email-rules-action = Lire les règles du site
mod-email-statement-subject = Une décision de modération concernant votre compte
mod-email-statement-action = Lire la décision et faire recours
mod-email-appeal-subject = Votre recours a été tranché
mod-email-appeal-upheld = Un autre modérateur a examiné votre recours et la décision est maintenue.
mod-email-appeal-reversed = Un autre modérateur a examiné votre recours et a annulé la décision : ses effets ont été levés.
mod-email-appeal-reporter-subject = Du nouveau sur un signalement
mod-email-appeal-reporter-upheld = Le membre a fait recours contre la décision sur l'élément signalé ({ $what }) ; la décision est maintenue.
mod-email-appeal-reporter-reversed = Le membre a fait recours contre la décision sur l'élément signalé ({ $what }) ; un autre modérateur l'a annulée.

mod-transparency-title = Rapport de transparence
mod-transparency-lead = Ce que la modération a fait sur Pasar, par trimestre, calculé à partir des enregistrements eux-mêmes à l'ouverture de cette page.
mod-transparency-empty = Rien à signaler pour l'instant.
mod-quarter = T{ $quarter } { $year }
mod-tr-reports = { $count ->
    [one] { $count } signalement reçu
   *[other] { $count } signalements reçus
}
mod-tr-actions = { $count ->
    [one] { $count } décision prise
   *[other] { $count } décisions prises
}
mod-tr-automated = Décisions sur signalement automatique
mod-tr-percent = { $n } %
mod-tr-median = Délai médian entre le premier signalement et la décision
mod-tr-hours = { $count ->
    [one] { $count } heure
   *[other] { $count } heures
}
mod-tr-appeals = Recours
mod-tr-reversed = Décisions annulées sur recours
mod-transparency-method = Les signalements comptent chaque notification reçue, des membres ou automatique ; les décisions incluent les classements sans suite ; les délais courent du premier signalement d'un dossier à sa décision ; les trimestres sont en UTC.

# Reviews reported and removed
mod-report-review = Signaler cet avis
mod-target-review = Avis
mod-action-remove_review = Avis retiré
mod-outcome-remove_review = nous avons retiré l'avis
mod-statement-remove_review = Nous avons retiré votre avis des pages publiques et de la note du membre. Vous le voyez encore sur votre commande.
