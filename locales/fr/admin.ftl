# L'espace d'administration (src/admin/, templates/admin/).
admin-nav-header = Administration
admin-nav-label = Espace d'administration
admin-nav-dashboard = Tableau de bord
admin-nav-users = Membres
admin-nav-listings = Annonces
admin-nav-orders = Commandes
admin-nav-failed = E-mails et tâches en échec
admin-nav-audit = Journal d'audit

admin-dashboard-title = Administration
admin-waiting-title = En attente de vous
admin-waiting-none = Rien de ce que vous pouvez traiter n'est en attente.
admin-waiting-reports = { $count ->
    [one] dossier signalé attend une décision
   *[other] dossiers signalés attendent une décision
}
admin-waiting-appeals = { $count ->
    [one] recours attend un second modérateur
   *[other] recours attendent un second modérateur
}
admin-waiting-disputes = { $count ->
    [one] litige attend une décision
   *[other] litiges attendent une décision
}
admin-waiting-emails = { $count ->
    [one] e-mail n'a pas pu être envoyé
   *[other] e-mails n'ont pas pu être envoyés
}
admin-waiting-jobs = { $count ->
    [one] tâche de fond a échoué
   *[other] tâches de fond ont échoué
}

admin-search-button = Rechercher
admin-none-found = Aucun résultat.
admin-any-status = Tous les statuts
admin-pages = Pages
admin-previous = Précédente
admin-next = Suivante
admin-older = Entrées plus anciennes
admin-page-number = Page { $page }
admin-no = Non
admin-error-page = Ce numéro de page n'existe pas ; voici la première page.
admin-error-id = Saisissez un nombre, par exemple 42.
admin-error-status = Choisissez un statut dans la liste.
admin-error-kind = Un seul mot, par exemple user, listing ou order.
admin-error-kind-needed = Précisez de quoi il s'agit : user, listing, order…
admin-error-subject-needed = Saisissez aussi son numéro.

admin-col-id = Numéro
admin-col-name = Nom
admin-col-email = E-mail
admin-col-role = Rôle
admin-col-joined = Membre depuis
admin-col-title = Titre
admin-col-seller = Vendeur
admin-col-buyer = Acheteur
admin-col-status = Statut
admin-col-price = Prix
admin-col-created = Créée le
admin-col-kind = Type
admin-col-to = Destinataire
admin-col-error = Erreur
admin-col-attempts = Tentatives
admin-col-when = Quand
admin-col-action = Action
admin-col-who = Qui
admin-col-what = Quoi
admin-col-subject = Objet
admin-col-why = Pourquoi
admin-col-before = Avant
admin-col-after = Après

admin-role-member = Membre
admin-role-moderator = Modérateur
admin-role-admin = Administrateur

admin-users-title = Membres
admin-users-search = E-mail, nom ou numéro
admin-member-title = Compte
admin-member-public = profil public
admin-member-verified = E-mail confirmé
admin-member-deletion = Suppression demandée
admin-member-listings = Annonces
admin-member-listings-counts = { $all } au total, { $active } en vente
admin-member-orders = Commandes
admin-member-orders-counts = { $bought } achetées, { $sold } vendues
admin-member-history = Ce que les administrateurs ont fait pour ce membre
admin-member-history-all = Tout l'historique dans le journal d'audit
admin-role-title = Changer le rôle
admin-reason = Motif
admin-reason-hint = Obligatoire. Conservé dans le journal d'audit avec votre nom ; personne ne pourra le modifier.
admin-reason-required = Indiquez pourquoi le rôle change.
admin-role-required = Choisissez un rôle dans la liste.
admin-role-same = Le membre a déjà ce rôle.
admin-role-own = Vous ne pouvez pas changer votre propre rôle ; un autre administrateur le peut.
admin-role-submit = Changer le rôle
admin-role-changed = Le rôle a été changé et consigné dans le journal d'audit.

admin-listings-title = Annonces
admin-listings-search = Titre ou numéro
admin-listings-seller = Numéro de membre du vendeur
admin-listing-status-draft = Brouillon
admin-listing-status-active = En vente
admin-listing-status-paused = En pause
admin-listing-status-sold = Vendue
admin-listing-status-removed = Supprimée

admin-orders-title = Commandes
admin-orders-id = Numéro de commande
admin-orders-party = Numéro de membre de l'acheteur ou du vendeur

admin-failed-title = E-mails et tâches en échec
admin-failed-hint = Ils ont abandonné après leur dernière tentative. Corrigez d'abord la cause (l'erreur indique ce qui s'est passé), puis relancez : chaque relance est consignée dans le journal d'audit.
admin-failed-emails = { $count ->
    [one] { $count } e-mail non envoyé
   *[other] { $count } e-mails non envoyés
}
admin-failed-emails-none = Tous les e-mails sont partis.
admin-failed-jobs = { $count ->
    [one] { $count } tâche en échec
   *[other] { $count } tâches en échec
}
admin-failed-jobs-none = Aucune tâche de fond n'a échoué.
admin-failed-newest = { $count ->
    [one] Seule la plus récente est affichée.
   *[other] Les { $count } plus récentes sont affichées.
}
admin-retry = Relancer
admin-retry-email-label = (e-mail { $id })
admin-retry-job-label = (tâche { $id })
admin-retry-queued = Remis en file ; le traitement reprend dans quelques secondes.
admin-retry-gone = Ce n'est plus en échec (quelqu'un l'a déjà relancé) : rien n'a changé.

admin-audit-title = Journal d'audit
admin-audit-hint = Chaque action des modérateurs et des administrateurs, la plus récente d'abord. Les entrées ne sont jamais modifiées ni supprimées.
admin-audit-kind = Objet (type)
admin-audit-kind-hint = Types d'objet : user, listing, order, email, job. Donnez le type et son numéro ensemble.
admin-audit-subject = Son numéro
admin-audit-actor = Fait par (numéro de membre)
admin-audit-empty = Aucune entrée.
admin-audit-command-line = La ligne de commande
admin-audit-system = Pasar lui-même
admin-action-user-role = A changé le rôle
admin-action-user-create = A créé le compte
admin-action-email-retry = A relancé un e-mail
admin-action-job-retry = A relancé une tâche
admin-action-dispute-decide = A tranché un litige
