# Avis et notes (ticket 11).
review-error-not-ended = Vous pourrez évaluer cette commande une fois qu'elle sera terminée.
review-error-window-closed = Le délai pour évaluer cette commande est écoulé.
review-error-published = Cet avis est publié et ne peut plus être modifié.
review-error-no-reply = Il n'y a pas d'avis publié auquel répondre, ou vous avez déjà répondu.
review-error-invalid = Cet avis n'a pas pu être enregistré.
review-error-stars = Choisissez de 1 à 5 étoiles.
review-error-body-required = Pour 1 à 3 étoiles, expliquez ce qui n'a pas été (au moins 20 caractères).
review-error-aspect = Choisissez de 1 à 5 étoiles.
review-error-reply-required = Écrivez votre réponse.
review-summary = ★ { $average } · { $count ->
    [one] { $count } avis
   *[other] { $count } avis
}
review-summary-new-seller = Nouveau vendeur · { $count ->
    [one] { $count } avis
   *[other] { $count } avis
}
review-summary-new-buyer = Nouvel acheteur · { $count ->
    [one] { $count } avis
   *[other] { $count } avis
}
review-checkout-seller = Note du vendeur : { $rating }
review-aside-read = Lire les avis de cette commande
review-aside-edit = Modifier votre avis
review-aside-write-buyer = Évaluer le vendeur
review-aside-write-seller = Évaluer l'acheteur
review-aside-write-waiting-buyer = Le vendeur vous a évalué : écrivez votre avis sur le vendeur pour voir le sien
review-aside-write-waiting-seller = L'acheteur vous a évalué : écrivez votre avis sur l'acheteur pour voir le sien
review-aspect-as-described = Article conforme à la description
review-aspect-communication = Communication
review-aspect-handover = Expédition ou remise
review-aspect-choose = Choisir…
review-from-buyer = en tant qu'acheteur
review-from-seller = en tant que vendeur
review-stars-label = { $stars ->
    [one] { $stars } étoile sur 5
   *[other] { $stars } étoiles sur 5
}
review-verified-purchase = Achat vérifié
review-for-item = pour
review-reply-heading = Réponse du membre évalué
review-page-title = Avis sur la commande #{ $order }
review-theirs-heading = L'avis de { $name } sur vous
review-reply-label = Votre réponse publique
review-reply-hint = Vous pouvez répondre une seule fois ; la réponse est publique et ne peut pas être modifiée.
review-reply-submit = Publier la réponse
review-theirs-hidden = { $name } a écrit un avis. Vous le verrez quand vous aurez écrit le vôtre, ou le { $date }.
review-theirs-none = Aucun avis n'a encore été écrit.
review-mine-heading = Votre avis sur { $name }
review-form-intro = Votre avis reste caché à l'autre partie jusqu'à ce que vous ayez tous deux écrit le vôtre, ou jusqu'au { $date }. D'ici là, vous pouvez le modifier ; ensuite, il est définitif.
review-how-link = Comment fonctionnent les avis
review-stars = Votre note
review-stars-1 = 1 étoile – mauvais
review-stars-2 = 2 étoiles – médiocre
review-stars-3 = 3 étoiles – correct
review-stars-4 = 4 étoiles – bien
review-stars-5 = 5 étoiles – excellent
review-body = Votre avis
review-body-hint = Jusqu'à 2 000 caractères. Obligatoire pour 1 à 3 étoiles (au moins 20 caractères), facultatif pour 4 et 5.
review-submit = Enregistrer l'avis
review-submit-edit = Enregistrer les modifications
review-removed-note = Un modérateur a retiré cet avis parce qu'il enfreignait les règles de la place de marché.
review-window-closed = Le délai pour évaluer cette commande est écoulé.
review-mine-hidden = Votre avis est enregistré et reste caché jusqu'à ce que vous ayez tous deux écrit le vôtre, ou jusqu'au { $date }.
review-public-heading = Avis publiés sur cette commande
review-profile-heading = Avis
review-rated-as-seller = En tant que vendeur
review-rated-as-buyer = En tant qu'acheteur
review-all-link = Tous les avis
review-member-title = Avis sur { $name }
review-back-to-profile = Retour au profil de { $name }
review-ratings-heading = Notes
review-list-heading = Avis
review-filter-label = Filtrer les avis
review-filter-all = Tous
review-filter-as-seller = En tant que vendeur
review-filter-as-buyer = En tant qu'acheteur
review-filter-all-stars = Toutes les notes
review-none-yet = Pas encore d'avis ici.
review-pages-label = Pages d'avis
review-newer = Avis plus récents
review-older = Avis plus anciens
review-done-saved = Votre avis est enregistré. L'autre partie le verra quand elle aura écrit le sien, ou à la fin du délai d'évaluation.
review-done-published = Votre avis est enregistré et les deux avis sont maintenant publics.
review-done-replied = Votre réponse est publiée.
review-how-title = Comment fonctionnent les avis
review-how-intro = Chaque avis sur Pasar provient d'une commande terminée sur Pasar. Voici comment ils sont recueillis et contrôlés.
review-how-who-h = Qui peut donner un avis
review-how-who = Seuls l'acheteur et le vendeur d'une commande, une fois chacun, une fois la commande terminée : quand l'acheteur a confirmé la réception (ou qu'elle a été confirmée automatiquement), ou quand un litige à son sujet a été définitivement tranché. L'acheteur évalue le vendeur, y compris la conformité de l'article, la communication et l'expédition ou la remise ; le vendeur évalue l'acheteur. Chaque avis indique l'article concerné.
review-how-window-h = Quand
review-how-window = { $days ->
    [one] Après la fin d'une commande, chacun dispose de { $days } jour pour écrire son avis.
   *[other] Après la fin d'une commande, chacun dispose de { $days } jours pour écrire son avis.
}
review-how-blind-h = Double aveugle
review-how-blind = Un avis reste caché à l'autre partie jusqu'à ce que les deux aient écrit le leur, ou jusqu'à la fin du délai. Aucune des deux parties ne peut répondre à un avis par un avis de représailles.
review-how-fixed-h = Pas de modification après publication
review-how-fixed = Vous pouvez modifier votre avis tant qu'il est caché. Une fois publié, il est définitif.
review-how-reply-h = Réponses
review-how-reply = Le membre évalué peut publier une réponse publique sous chaque avis le concernant.
review-how-ratings-h = Notes
review-how-ratings = La note d'un membre est la moyenne de ses avis publiés, avec le nombre d'avis et la répartition par nombre d'étoiles. Avec moins de 3 avis, nous affichons « nouveau vendeur » et le nombre d'avis, jamais une moyenne.
review-how-removal-h = Retrait
review-how-removal = Un avis n'est retiré que s'il enfreint les règles publiées de la place de marché, sur décision motivée d'un modérateur. Les avis retirés ne comptent plus dans les notes.
review-how-checked-h = Ce que nous ne faisons pas
review-how-checked = Aucun avis n'est acheté, payé ou écrit par Pasar, et les vendeurs ne peuvent ni masquer, ni filtrer, ni trier les avis les concernant. Tous les avis d'un membre sont affichés, du plus récent au plus ancien.
