## Les chiffres de confiance du profil public et les photos de profil (issue 11)

trust-title = Historique
trust-lead = Des chiffres tirés des vraies commandes de ce membre sur Pasar, pas des badges. Chacun indique de combien de commandes il provient.
trust-window = 12 derniers mois
trust-sales = { $count ->
    [one] { $count } vente conclue
   *[other] { $count } ventes conclues
}
trust-purchases = { $count ->
    [one] { $count } achat conclu
   *[other] { $count } achats conclus
}
trust-email-verified = Adresse e-mail vérifiée
trust-email-verified-means = Ce membre a confirmé qu'il reçoit le courrier envoyé à son adresse. Cela ne vérifie pas son identité.
trust-on-time = Envois dans les délais
trust-time-to-ship = Délai d'envoi médian
trust-cancelled = Annulées par le vendeur
trust-disputes = Litiges à son encontre
trust-not-enough = Pas encore assez de commandes
trust-percent = { $n } %
trust-under-an-hour = moins d'une heure
trust-hours = { $count ->
    [one] { $count } heure
   *[other] { $count } heures
}
trust-days = { $count ->
    [one] { $count } jour
   *[other] { $count } jours
}
trust-sample-due = { $count ->
    [one] sur { $count } commande à envoyer
   *[other] sur { $count } commandes à envoyer
}
trust-sample-shipped = { $count ->
    [one] sur { $count } colis expédié
   *[other] sur { $count } colis expédiés
}
trust-sample-paid = { $count ->
    [one] sur { $count } commande payée
   *[other] sur { $count } commandes payées
}
trust-disputes-for-buyer = { $count ->
    [one] { $count } réglé en faveur de l'acheteur
   *[other] { $count } réglés en faveur de l'acheteur
}
trust-disputes-for-seller = { $count ->
    [one] { $count } réglé en faveur du vendeur
   *[other] { $count } réglés en faveur du vendeur
}
trust-disputes-open = { $count ->
    [one] { $count } en cours
   *[other] { $count } en cours
}
trust-how = Comment ces chiffres sont calculés
trust-how-window = Chaque chiffre compte les commandes payées au cours des 12 derniers mois dans lesquelles ce membre a vendu (ou, pour les achats, acheté). Les commandes jamais payées ne comptent pas.
trust-how-on-time = Envois dans les délais : la part des commandes envoyées avant la date limite d'envoi fixée par la commande, parmi les commandes envoyées ou dont la date limite est passée. Une remise en main propre compte comme un envoi quand le code de l'acheteur est saisi lors de la remise.
trust-how-time-to-ship = Délai d'envoi médian : la moitié des colis ont été expédiés plus vite que cela, du paiement jusqu'au moment où le vendeur a saisi le suivi. Les remises en main propre ne comptent pas : leur date dépend du moment où l'acheteur peut venir.
trust-how-cancelled = Annulées par le vendeur : la part des commandes payées que le vendeur a annulées, ou qui ont été annulées parce qu'il n'a pas envoyé à temps. Les annulations par l'acheteur ne comptent pas.
trust-how-disputes = Litiges : ouverts par des acheteurs sur ces commandes. Réglé en faveur de l'acheteur signifie que de l'argent lui a été rendu (remboursement total ou partiel, ou retour) ; en faveur du vendeur, que le paiement a été versé au vendeur.
trust-how-sample = Une part calculée sur moins de 3 commandes affiche « pas encore assez de commandes » au lieu d'un chiffre. Les parts sont arrondies pour ne jamais flatter : les envois à temps vers le bas, les annulations vers le haut.

avatar-title = Photo de profil
avatar-current = Votre photo de profil
avatar-of = Photo de profil de { $name }
avatar-choose = Choisir une photo
avatar-replace = Choisir une nouvelle photo
avatar-hint = Une photo JPEG, PNG, WebP ou GIF de 15 Mo au plus, d'au moins 100 pixels de côté. Elle s'affiche en rond sur votre profil et à côté de vos annonces ; tout le reste du fichier (comme le lieu de la prise de vue) est supprimé.
avatar-upload = Envoyer la photo
avatar-remove = Supprimer la photo
avatar-saved = Votre photo de profil est enregistrée.
avatar-removed = Votre photo de profil est supprimée.
avatar-missing = Choisissez une photo à envoyer.
avatar-one = Choisissez une seule photo.
