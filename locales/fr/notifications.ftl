email-unsubscribe = Vous pouvez désactiver ces e-mails dans vos paramètres de notification, ou en un clic ici :
notify-kind-messages = Nouveaux messages
notify-kind-offers = Offres
notify-kind-price-drops = Baisses de prix sur vos favoris
notify-kind-saved-searches = Alertes de recherches enregistrées
notify-kind-follows-digest = Résumé hebdomadaire des vendeurs que vous suivez
notify-kind-review-reminders = Rappels d'avis
