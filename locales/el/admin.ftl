# Ο χώρος διαχείρισης (src/admin/, templates/admin/).
admin-nav-header = Διαχείριση
admin-nav-label = Χώρος διαχείρισης
admin-nav-dashboard = Πίνακας ελέγχου
admin-nav-users = Μέλη
admin-nav-listings = Αγγελίες
admin-nav-orders = Παραγγελίες
admin-nav-failed = Αποτυχημένα email και εργασίες
admin-nav-audit = Αρχείο ενεργειών

admin-dashboard-title = Διαχείριση
admin-waiting-title = Σας περιμένουν
admin-waiting-none = Δεν περιμένει τίποτα που μπορείτε να χειριστείτε.
admin-waiting-reports = { $count ->
    [one] υπόθεση αναφοράς περιμένει απόφαση
   *[other] υποθέσεις αναφορών περιμένουν απόφαση
}
admin-waiting-appeals = { $count ->
    [one] ένσταση περιμένει δεύτερο συντονιστή
   *[other] ενστάσεις περιμένουν δεύτερο συντονιστή
}
admin-waiting-disputes = { $count ->
    [one] διαφορά περιμένει απόφαση
   *[other] διαφορές περιμένουν απόφαση
}
admin-waiting-emails = { $count ->
    [one] email δεν στάλθηκε
   *[other] email δεν στάλθηκαν
}
admin-waiting-jobs = { $count ->
    [one] εργασία παρασκηνίου απέτυχε
   *[other] εργασίες παρασκηνίου απέτυχαν
}

admin-search-button = Αναζήτηση
admin-none-found = Δεν βρέθηκε τίποτα.
admin-any-status = Οποιαδήποτε κατάσταση
admin-pages = Σελίδες
admin-previous = Προηγούμενη
admin-next = Επόμενη
admin-older = Παλαιότερες εγγραφές
admin-page-number = Σελίδα { $page }
admin-no = Όχι
admin-error-page = Αυτός ο αριθμός σελίδας δεν υπάρχει· εμφανίζεται η πρώτη σελίδα.
admin-error-id = Γράψτε έναν αριθμό, π.χ. 42.
admin-error-status = Επιλέξτε μια κατάσταση από τη λίστα.
admin-error-kind = Μία λέξη, π.χ. user, listing ή order.
admin-error-kind-needed = Πείτε τι είναι ο αριθμός: user, listing, order…
admin-error-subject-needed = Γράψτε και τον αριθμό του.

admin-col-id = Αριθμός
admin-col-name = Όνομα
admin-col-email = Email
admin-col-role = Ρόλος
admin-col-joined = Μέλος από
admin-col-title = Τίτλος
admin-col-seller = Πωλητής
admin-col-buyer = Αγοραστής
admin-col-status = Κατάσταση
admin-col-price = Τιμή
admin-col-created = Δημιουργία
admin-col-kind = Είδος
admin-col-to = Προς
admin-col-error = Σφάλμα
admin-col-attempts = Προσπάθειες
admin-col-when = Πότε
admin-col-action = Ενέργεια
admin-col-who = Ποιος
admin-col-what = Τι
admin-col-subject = Σχετικά με
admin-col-why = Γιατί
admin-col-before = Πριν
admin-col-after = Μετά

admin-role-member = Μέλος
admin-role-moderator = Συντονιστής
admin-role-admin = Διαχειριστής

admin-users-title = Μέλη
admin-users-search = Email, όνομα ή αριθμός
admin-member-title = Λογαριασμός
admin-member-public = δημόσιο προφίλ
admin-member-verified = Επιβεβαιωμένο email
admin-member-deletion = Ζητήθηκε διαγραφή
admin-member-listings = Αγγελίες
admin-member-listings-counts = { $all } συνολικά, { $active } προς πώληση
admin-member-orders = Παραγγελίες
admin-member-orders-counts = { $bought } αγορές, { $sold } πωλήσεις
admin-member-history = Τι έκαναν οι διαχειριστές για αυτό το μέλος
admin-member-history-all = Όλο το ιστορικό στο αρχείο ενεργειών
admin-role-title = Αλλαγή ρόλου
admin-reason = Αιτιολογία
admin-reason-hint = Υποχρεωτική. Φυλάσσεται στο αρχείο ενεργειών με το όνομά σας· κανείς δεν μπορεί να την αλλάξει αργότερα.
admin-reason-required = Γράψτε γιατί αλλάζει ο ρόλος.
admin-role-required = Επιλέξτε έναν ρόλο από τη λίστα.
admin-role-same = Το μέλος έχει ήδη αυτόν τον ρόλο.
admin-role-own = Δεν μπορείτε να αλλάξετε τον δικό σας ρόλο· μπορεί ένας άλλος διαχειριστής.
admin-role-submit = Αλλαγή ρόλου
admin-role-changed = Ο ρόλος άλλαξε και καταγράφηκε στο αρχείο ενεργειών.

admin-listings-title = Αγγελίες
admin-listings-search = Τίτλος ή αριθμός
admin-listings-seller = Αριθμός μέλους του πωλητή
admin-listing-status-draft = Πρόχειρο
admin-listing-status-active = Προς πώληση
admin-listing-status-paused = Σε παύση
admin-listing-status-sold = Πουλήθηκε
admin-listing-status-removed = Διαγράφηκε

admin-orders-title = Παραγγελίες
admin-orders-id = Αριθμός παραγγελίας
admin-orders-party = Αριθμός μέλους αγοραστή ή πωλητή

admin-failed-title = Αποτυχημένα email και εργασίες
admin-failed-hint = Σταμάτησαν μετά την τελευταία τους προσπάθεια. Διορθώστε πρώτα την αιτία (το σφάλμα λέει τι πήγε στραβά) και μετά δοκιμάστε ξανά: κάθε νέα προσπάθεια καταγράφεται στο αρχείο ενεργειών.
admin-failed-emails = { $count ->
    [one] { $count } email δεν στάλθηκε
   *[other] { $count } email δεν στάλθηκαν
}
admin-failed-emails-none = Όλα τα email στάλθηκαν.
admin-failed-jobs = { $count ->
    [one] { $count } αποτυχημένη εργασία
   *[other] { $count } αποτυχημένες εργασίες
}
admin-failed-jobs-none = Καμία εργασία παρασκηνίου δεν απέτυχε.
admin-failed-newest = { $count ->
    [one] Εμφανίζεται η πιο πρόσφατη.
   *[other] Εμφανίζονται οι { $count } πιο πρόσφατες.
}
admin-retry = Επανάληψη
admin-retry-email-label = (email { $id })
admin-retry-job-label = (εργασία { $id })
admin-retry-queued = Μπήκε ξανά στην ουρά· θα εκτελεστεί σε λίγα δευτερόλεπτα.
admin-retry-gone = Δεν είναι πια αποτυχημένο (κάποιος το ξαναδοκίμασε ήδη), οπότε δεν άλλαξε τίποτα.

admin-audit-title = Αρχείο ενεργειών
admin-audit-hint = Κάθε ενέργεια συντονιστών και διαχειριστών, η πιο πρόσφατη πρώτη. Οι εγγραφές δεν αλλάζουν και δεν διαγράφονται ποτέ.
admin-audit-kind = Σχετικά με (είδος)
admin-audit-kind-hint = Είδη: user, listing, order, email, job. Δώστε το είδος μαζί με τον αριθμό του.
admin-audit-subject = Ο αριθμός του
admin-audit-actor = Από (αριθμός μέλους)
admin-audit-empty = Δεν υπάρχουν εγγραφές.
admin-audit-command-line = Η γραμμή εντολών
admin-audit-system = Το ίδιο το Pasar
admin-action-user-role = Άλλαξε τον ρόλο
admin-action-user-create = Δημιούργησε τον λογαριασμό
admin-action-email-retry = Ξαναέστειλε ένα email
admin-action-job-retry = Ξαναέτρεξε μια εργασία
admin-action-dispute-decide = Αποφάσισε για μια διαφορά
