# Signaux d'arnaque et limites des nouveaux membres (ticket 11).
signals-warning-title = Avant de publier : votre texte contient des informations qui éloignent les acheteurs de Pasar.
signals-warning-why = La protection acheteur ne couvre que les paiements effectués sur Pasar. Un acheteur qui paie par virement ou vous parle dans une autre application n'est pas protégé, et c'est exactement ce que demandent les escrocs. Retirez ces informations, ou publiez quand même : un modérateur examinera l'annonce.
signals-publish-anyway = Publier quand même (un modérateur examinera l'annonce)
signals-kind-phone = Un numéro de téléphone
signals-kind-email = Une adresse e-mail
signals-kind-iban = Un numéro de compte bancaire (IBAN)
signals-kind-messaging = Un contact de messagerie
signals-kind-off_site = Une demande de payer ou d'échanger en dehors de Pasar
signals-publish-from-form = Ce brouillon contient des coordonnées ou une demande de paiement en dehors de Pasar. Lisez l'avertissement ci-dessous et publiez depuis ce formulaire.
signals-limit-reached = { $count ->
    [one] Pendant leurs { $days } premiers jours, les nouveaux membres peuvent publier une annonce par 24 heures. Enregistrez-la comme brouillon et publiez-la plus tard.
   *[other] Pendant leurs { $days } premiers jours, les nouveaux membres peuvent publier { $count } annonces par 24 heures. Enregistrez-la comme brouillon et publiez-la plus tard.
}
