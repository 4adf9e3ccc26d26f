email-unsubscribe = Μπορείτε να απενεργοποιήσετε αυτά τα email στις ρυθμίσεις ειδοποιήσεων ή με ένα κλικ εδώ:
notify-kind-messages = Νέα μηνύματα
notify-kind-offers = Προσφορές
notify-kind-price-drops = Μειώσεις τιμών στα αγαπημένα σας
notify-kind-saved-searches = Ειδοποιήσεις αποθηκευμένων αναζητήσεων
notify-kind-follows-digest = Εβδομαδιαία σύνοψη πωλητών που ακολουθείτε
notify-kind-review-reminders = Υπενθυμίσεις αξιολογήσεων
