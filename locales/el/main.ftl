# Pasar: Greek (Ελληνικά). Keys must match en/main.ftl exactly.

## Layout
nav-skip = Μετάβαση στο περιεχόμενο
nav-account = Ο λογαριασμός σας
nav-login = Σύνδεση
nav-signup = Εγγραφή
nav-logout = Αποσύνδεση
nav-settings = Ρυθμίσεις
nav-mailbox = Γραμματοκιβώτιο (ανάπτυξη)
search-placeholder = Αναζητήστε οτιδήποτε
search-label = Αναζήτηση αγγελιών
search-button = Αναζήτηση
footer-language = Γλώσσα
footer-tagline = Pasar: αγοράστε και πουλήστε με ανθρώπους της περιοχής σας, με προστασία αγοραστή σε κάθε παραγγελία.
verify-banner = Επιβεβαιώστε τη διεύθυνση email σας: στείλαμε έναν σύνδεσμο στο { $email }. Μέχρι τότε μπορείτε να περιηγηθείτε, αλλά όχι να πουλήσετε, να αγοράσετε ή να στείλετε μηνύματα.
verify-resend = Επαναποστολή συνδέσμου
badge-verified = Επαληθευμένο
badge-unverified = Μη επαληθευμένο

## Home
home-title = Αγορές και πωλήσεις μεταχειρισμένων
home-headline = Αγοράστε και πουλήστε με ανθρώπους της περιοχής σας
home-lead = Το Pasar είναι η αγορά όπου οι γείτονες ανταλλάσσουν ό,τι έχουν: δίκαιες τιμές, ειλικρινείς αξιολογήσεις και τα χρήματά σας προστατευμένα μέχρι να φτάσει το προϊόν σας.
home-promise-escrow = Προστασία αγοραστή: κρατάμε τα χρήματα μέχρι να επιβεβαιώσετε ότι το προϊόν έφτασε όπως περιγραφόταν.
home-promise-reviews = Αξιολογήσεις μόνο από πραγματικές, ολοκληρωμένες αγορές.
home-promise-talk = Ρωτήστε τον πωλητή, κάντε προσφορά, συμφωνήστε και έτοιμοι.
home-cta = Γίνετε μέλος του Pasar δωρεάν
home-members = Νέα μέλη
home-member-count = { $count ->
    [one] { $count } μέλος μέχρι στιγμής
   *[other] { $count } μέλη μέχρι στιγμής
}

## Sign-up, login, passwords
signup-title = Δημιουργήστε τον λογαριασμό σας
signup-lead = Χρειάζεται μόνο ένα λεπτό. Θα σας στείλουμε ένα email για να επιβεβαιώσετε τη διεύθυνσή σας.
signup-submit = Δημιουργία λογαριασμού
signup-have-account = Έχετε ήδη λογαριασμό;
label-display-name = Το όνομά σας (εμφανίζεται στους άλλους)
label-email = Διεύθυνση email
label-password = Κωδικός πρόσβασης
label-new-password = Νέος κωδικός πρόσβασης
label-current-password = Τρέχων κωδικός πρόσβασης
label-new-email = Νέα διεύθυνση email
password-hint = Τουλάχιστον 8 χαρακτήρες. Μερικές άσχετες μεταξύ τους λέξεις δημιουργούν έναν ισχυρό κωδικό.
login-title = Σύνδεση
login-submit = Σύνδεση
login-forgot = Ξεχάσατε τον κωδικό σας;
login-no-account = Πρώτη φορά στο Pasar;
login-failed = Το email ή ο κωδικός πρόσβασης δεν είναι σωστά. Δοκιμάστε ξανά.
forgot-title = Επαναφορά κωδικού πρόσβασης
forgot-lead = Εισαγάγετε τη διεύθυνση email του λογαριασμού σας και θα σας στείλουμε έναν σύνδεσμο για να ορίσετε νέο κωδικό πρόσβασης.
forgot-submit = Αποστολή συνδέσμου
forgot-sent = Αν υπάρχει λογαριασμός με το { $email }, σας στέλνουμε έναν σύνδεσμο για την επαναφορά του κωδικού πρόσβασης. Ελέγξτε τα εισερχόμενά σας και τον φάκελο ανεπιθύμητης αλληλογραφίας.
reset-title = Ορίστε νέο κωδικό πρόσβασης
reset-submit = Αποθήκευση νέου κωδικού
reset-request-new = Ζητήστε νέο σύνδεσμο

## Settings
settings-title = Ρυθμίσεις λογαριασμού
settings-profile = Προφίλ
settings-save = Αποθήκευση προφίλ
settings-email = Διεύθυνση email
settings-email-current = Η διεύθυνση email σας είναι η { $email }.
settings-email-pending = Αναμένεται επιβεβαίωση για το { $email }: ακολουθήστε τον σύνδεσμο που στείλαμε εκεί.
settings-email-submit = Αλλαγή email
settings-password = Κωδικός πρόσβασης
settings-password-submit = Αλλαγή κωδικού
settings-delete = Διαγραφή λογαριασμού
settings-delete-lead = Ο λογαριασμός σας θα κλείσει αμέσως και θα διαγραφεί οριστικά μετά από μια περίοδο χάριτος. Συνδεθείτε πριν από τότε αν θέλετε να τον διατηρήσετε.
settings-delete-submit = Διαγραφή του λογαριασμού μου
label-bio = Λίγα λόγια για εσάς
label-city = Πόλη
label-country = Χώρα
label-language = Γλώσσα σελίδων και email

## Field errors
field-required = Συμπληρώστε αυτό το πεδίο.
field-invalid = Αυτή η τιμή δεν είναι έγκυρη.
email-invalid = Εισαγάγετε μια διεύθυνση email όπως name@example.com.
email-too-long = Αυτή η διεύθυνση email είναι πολύ μεγάλη.
email-taken = Υπάρχει ήδη λογαριασμός με αυτή τη διεύθυνση email.
name-too-short = Χρησιμοποιήστε τουλάχιστον 2 χαρακτήρες.
name-too-long = Χρησιμοποιήστε έως 50 χαρακτήρες.
name-invalid = Χρησιμοποιήστε μόνο γράμματα, αριθμούς και συνήθη σημεία στίξης.
password-too-short = Ο κωδικός πρόσβασης πρέπει να έχει τουλάχιστον 8 χαρακτήρες.
password-too-long = Ο κωδικός πρόσβασης μπορεί να έχει έως 72 byte.
password-too-weak = Αυτός ο κωδικός μαντεύεται πολύ εύκολα. Προσθέστε περισσότερες λέξεις ή χαρακτήρες.
password-wrong = Ο κωδικός πρόσβασης δεν είναι σωστός.
text-too-long = Αυτό το κείμενο είναι πολύ μεγάλο.
text-invalid = Αυτό το κείμενο περιέχει μη επιτρεπτούς χαρακτήρες.

## Flash messages
flash-signed-up = Καλώς ήρθατε στο Pasar! Στείλαμε έναν σύνδεσμο επιβεβαίωσης στο { $email }.
flash-verified = Ευχαριστούμε, η διεύθυνση email σας επιβεβαιώθηκε.
flash-verification-sent = Σας στείλαμε έναν νέο σύνδεσμο επιβεβαίωσης.
flash-link-invalid = Αυτός ο σύνδεσμος δεν ισχύει πλέον: έχει ήδη χρησιμοποιηθεί ή έχει λήξει.
flash-password-reset = Ο κωδικός πρόσβασής σας άλλαξε. Συνδεθείτε με τον νέο κωδικό.
flash-password-changed = Ο κωδικός πρόσβασής σας άλλαξε. Οι άλλες συσκευές σας αποσυνδέθηκαν.
flash-profile-saved = Το προφίλ σας αποθηκεύτηκε.
flash-email-change-sent = Στείλαμε έναν σύνδεσμο επιβεβαίωσης στο { $email }. Το email σας θα αλλάξει μόλις τον ακολουθήσετε.
flash-deletion-scheduled = Ο λογαριασμός σας έκλεισε και θα διαγραφεί στις { $date }. Συνδεθείτε πριν από τότε αν θέλετε να τον διατηρήσετε.
flash-deletion-cancelled = Καλώς ήρθατε ξανά! Ο λογαριασμός σας δεν θα διαγραφεί.

## Error pages
error-home = Επιστροφή στην αρχική σελίδα
error-400-title = Κάτι δεν πήγε καλά με αυτό το αίτημα
error-400-text = Η σελίδα δεν μπόρεσε να κατανοήσει τα δεδομένα που στάλθηκαν. Επιστρέψτε και δοκιμάστε ξανά.
error-403-title = Δεν επιτρέπεται
error-403-text = Δεν μπορείτε να το κάνετε αυτό. Αν ήρθατε από κάποια φόρμα, ανανεώστε τη σελίδα και δοκιμάστε ξανά.
error-404-title = Η σελίδα δεν βρέθηκε
error-404-text = Αυτή η σελίδα δεν υπάρχει ή έχει αφαιρεθεί.
error-405-title = Δεν επιτρέπεται εδώ
error-405-text = Αυτή η διεύθυνση δεν δέχεται αυτό το είδος αιτήματος.
error-409-title = Έγινε αλλαγή στο μεταξύ
error-409-text = Κάποιος άλλος έκανε αλλαγές ταυτόχρονα. Ανανεώστε τη σελίδα και δοκιμάστε ξανά.
error-413-title = Πολύ μεγάλο μέγεθος
error-413-text = Αυτό που στείλατε ξεπερνά το μέγιστο επιτρεπόμενο μέγεθος.
error-429-title = Πάρα πολλές προσπάθειες
error-429-text = Περιμένετε λίγο πριν δοκιμάσετε ξανά.
error-429-wait = { $minutes ->
    [one] Δοκιμάστε ξανά σε { $minutes } λεπτό.
   *[other] Δοκιμάστε ξανά σε { $minutes } λεπτά.
}
error-500-title = Κάτι πήγε στραβά από τη μεριά μας
error-500-text = Έχουμε ήδη ενημερωθεί για το πρόβλημα. Δοκιμάστε ξανά σε λίγο.
error-503-title = Το Pasar δεν είναι προσωρινά διαθέσιμο
error-503-text = Δεν μπορούμε να συνδεθούμε στη βάση δεδομένων μας αυτή τη στιγμή. Δοκιμάστε ξανά σε λίγα δευτερόλεπτα.

## Development mailbox
mailbox-title = Γραμματοκιβώτιο
mailbox-lead = Όλα τα email που έστειλε ο ιστότοπος, με τα νεότερα πρώτα. Μόνο σε περιβάλλον ανάπτυξης.
mailbox-empty = Δεν υπάρχουν ακόμη email.
mailbox-to = Προς { $email }
mailbox-html = Άνοιγμα της έκδοσης HTML

## Emails
email-greeting = Γεια σας, { $name },
email-footer = Λαμβάνετε αυτό το email επειδή έχετε λογαριασμό στο { $site }.
email-not-you = Αν δεν ήσασταν εσείς, μπορείτε να αγνοήσετε αυτό το email.
email-link-expires-hours = { $hours ->
    [one] Ο σύνδεσμος ισχύει για { $hours } ώρα.
   *[other] Ο σύνδεσμος ισχύει για { $hours } ώρες.
}
email-link-expires-minutes = { $minutes ->
    [one] Ο σύνδεσμος ισχύει για { $minutes } λεπτό και μπορεί να χρησιμοποιηθεί μόνο μία φορά.
   *[other] Ο σύνδεσμος ισχύει για { $minutes } λεπτά και μπορεί να χρησιμοποιηθεί μόνο μία φορά.
}
email-verify-subject = Επιβεβαιώστε τη διεύθυνση email σας για το Pasar
email-verify-body = Επιβεβαιώστε ότι αυτή είναι η διεύθυνση email σας, ώστε να μπορείτε να αγοράζετε, να πουλάτε και να στέλνετε μηνύματα στο Pasar.
email-verify-action = Επιβεβαίωση της διεύθυνσης email μου
email-reset-subject = Επαναφορά του κωδικού πρόσβασής σας στο Pasar
email-reset-body = Κάποιος ζήτησε επαναφορά του κωδικού πρόσβασης για τον λογαριασμό σας στο Pasar. Ακολουθήστε τον σύνδεσμο για να ορίσετε νέο κωδικό.
email-reset-action = Ορισμός νέου κωδικού
email-password-changed-subject = Ο κωδικός πρόσβασής σας στο Pasar άλλαξε
email-password-changed-body = Ο κωδικός πρόσβασης του λογαριασμού σας μόλις άλλαξε και όλες οι άλλες συνεδρίες αποσυνδέθηκαν. Αν δεν το κάνατε εσείς, επαναφέρετε αμέσως τον κωδικό σας.
email-password-changed-action = Επαναφορά του κωδικού μου
email-deletion-subject = Ο λογαριασμός σας στο Pasar θα διαγραφεί
email-deletion-body = Όπως ζητήσατε, ο λογαριασμός σας έκλεισε και θα διαγραφεί οριστικά στις { $date }. Αν αλλάξετε γνώμη, απλώς συνδεθείτε πριν από τότε.
email-deletion-action = Διατήρηση του λογαριασμού μου

## Listings
nav-sell = Πουλήστε
nav-my-listings = Οι αγγελίες μου
nav-profile = Το προφίλ μου
nav-home = Αρχική
breadcrumbs = Διαδρομή πλοήγησης
home-categories = Περιήγηση ανά κατηγορία
home-recent = Μόλις δημοσιεύτηκαν
home-see-all = Δείτε όλα τα νέα προϊόντα
sell-title = Πουλήστε ένα προϊόν
edit-title = Επεξεργασία της αγγελίας σας
form-has-errors = Ορισμένα πεδία χρειάζονται την προσοχή σας. Ό,τι έχετε συμπληρώσει παραμένει εδώ.
sell-photos = Φωτογραφίες
sell-photos-hint = Προσθέστε από 1 έως 10 φωτογραφίες (JPEG, PNG, WebP ή GIF, έως 15 MB η καθεμία). Η πρώτη φωτογραφία είναι η κεντρική.
sell-photo-position = Σειρά
sell-photo-remove = Αφαίρεση
sell-add-photos = Προσθήκη φωτογραφιών
sell-choose-category = Επιλέξτε κατηγορία
sell-category-other = λοιπά
sell-delivery = Παράδοση
sell-shipping-hint = Αφήστε το κενό για δωρεάν αποστολή.
sell-publish = Δημοσίευση
sell-save = Αποθήκευση αλλαγών
sell-save-draft = Αποθήκευση ως πρόχειρο
label-title = Τίτλος
label-description = Περιγραφή
label-category = Κατηγορία
label-condition = Κατάσταση
label-price = Τιμή
label-currency = Νόμισμα
label-quantity = Ποσότητα
label-ships = Μπορώ να το στείλω
label-shipping-price = Κόστος αποστολής
label-pickup = Παραλαβή από κοντά
text-too-short = Αυτό το κείμενο είναι πολύ σύντομο.
category-invalid = Επιλέξτε μια κατηγορία από τη λίστα.
quantity-invalid = Εισαγάγετε ποσότητα από 1 έως 999.
delivery-required = Επιλέξτε αποστολή, παραλαβή από κοντά ή και τα δύο.
city-required = Εισαγάγετε την πόλη όπου μπορεί να γίνει η παραλαβή του προϊόντος.
photos-required = Προσθέστε τουλάχιστον μία φωτογραφία για να δημοσιεύσετε την αγγελία.
price-negative = Η τιμή δεν μπορεί να είναι αρνητική.
price-invalid = Εισαγάγετε μια τιμή όπως 12,50.
price-too-precise = Αυτό το νόμισμα δεν έχει τόσα δεκαδικά ψηφία.
price-too-high = Αυτή η τιμή είναι πολύ υψηλή.
flash-listing-published = Η αγγελία σας δημοσιεύτηκε.
flash-listing-saved = Το πρόχειρό σας αποθηκεύτηκε.
flash-listing-updated = Οι αλλαγές σας αποθηκεύτηκαν.
flash-status-active = Η αγγελία είναι ξανά ενεργή.
flash-status-paused = Η αγγελία τέθηκε σε παύση. Δεν μπορεί να γίνει αγορά μέχρι να την ενεργοποιήσετε ξανά.
flash-status-sold = Η αγγελία επισημάνθηκε ως πωλημένη.
flash-status-removed = Η αγγελία διαγράφηκε.
flash-status-draft = Η αγγελία επέστρεψε στα πρόχειρα.
listing-status-draft = Αυτή η αγγελία είναι πρόχειρη: μόνο εσείς μπορείτε να τη δείτε.
listing-status-paused = Αυτή η αγγελία είναι σε παύση: δεν μπορεί να γίνει αγορά αυτή τη στιγμή.
listing-status-sold = Αυτό το προϊόν έχει πουληθεί.
listing-status-removed = Αυτή η αγγελία έχει διαγραφεί.
listing-holiday = Ο πωλητής είναι σε διακοπές έως τις { $date }. Μπορείτε να περιηγηθείτε, αλλά οι αγορές δεν είναι διαθέσιμες μέχρι τότε.
listing-photos = Φωτογραφίες
listing-photos-scroll = Φωτογραφίες· κάντε κύλιση ή σύρετε για να δείτε περισσότερες
listing-photo-alt = { $title }, φωτογραφία { $n }
listing-delivery = Παράδοση
listing-free-shipping = Δωρεάν αποστολή
listing-shipping-price = Αποστολή: { $price }
listing-pickup-in = Παραλαβή από κοντά: { $city }
listing-views = { $count ->
    [one] { $count } προβολή
   *[other] { $count } προβολές
}
listing-favourites = { $count ->
    [one] { $count } αγαπημένο
   *[other] { $count } αγαπημένα
}
listing-seller = Πωλητής
listing-similar = Παρόμοια προϊόντα
member-since = Μέλος από τις { $date }
action-edit = Επεξεργασία
action-active = Επανενεργοποίηση
action-paused = Παύση
action-sold = Σήμανση ως πωλημένο
action-removed = Διαγραφή
tab-active = Ενεργές
tab-draft = Πρόχειρες
tab-paused = Σε παύση
tab-sold = Πωλημένες
my-listings-empty = Δεν υπάρχει τίποτα εδώ ακόμη.
holiday-active = Είστε σε διακοπές έως τις { $date }. Οι αγγελίες σας παραμένουν ορατές, αλλά κανείς δεν μπορεί να αγοράσει μέχρι να επιστρέψετε.
holiday-end = Επέστρεψα
holiday-label = Σε διακοπές έως
holiday-start = Ενεργοποίηση λειτουργίας διακοπών
holiday-hint = Παύση των αγορών σε όλες τις αγγελίες σας με μία κίνηση· η ημερομηνία επιστροφής σας εμφανίζεται στους αγοραστές.
holiday-date-invalid = Επιλέξτε ημερομηνία επιστροφής μέσα στους επόμενους 12 μήνες.
flash-holiday-on = Η λειτουργία διακοπών είναι ενεργή έως τις { $date }.
flash-holiday-off = Καλώς ήρθατε ξανά! Οι αγγελίες σας είναι και πάλι διαθέσιμες για αγορά.
profile-listings = { $count ->
    [one] { $count } προϊόν προς πώληση
   *[other] { $count } προϊόντα προς πώληση
}
profile-no-listings = Δεν υπάρχουν προϊόντα προς πώληση αυτή τη στιγμή.
error-unverified-title = Επιβεβαιώστε πρώτα τη διεύθυνση email σας
error-unverified-text = Για να πουλήσετε, να αγοράσετε ή να στείλετε μηνύματα, επιβεβαιώστε τη διεύθυνση email σας μέσω του συνδέσμου που σας στείλαμε.
condition-new_with_tags = Καινούργιο με ετικέτα
condition-new = Καινούργιο
condition-like_new = Σαν καινούργιο
condition-good = Καλή κατάσταση
condition-fair = Μέτρια κατάσταση
condition-for_parts = Για ανταλλακτικά ή μη λειτουργικό
cat-electronics = Ηλεκτρονικά
cat-phones = Κινητά τηλέφωνα
cat-computers = Υπολογιστές
cat-audio = Ήχος
cat-cameras = Φωτογραφικές μηχανές
cat-gaming = Βιντεοπαιχνίδια και κονσόλες
cat-women = Γυναικεία
cat-women-clothing = Γυναικεία ρούχα
cat-women-shoes = Γυναικεία παπούτσια
cat-women-bags = Τσάντες
cat-men = Ανδρικά
cat-men-clothing = Ανδρικά ρούχα
cat-men-shoes = Ανδρικά παπούτσια
cat-men-watches = Ρολόγια
cat-kids = Παιδικά και βρεφικά
cat-kids-clothing = Παιδικά ρούχα
cat-toys = Παιχνίδια
cat-strollers = Καρότσια και καθίσματα αυτοκινήτου
cat-home = Σπίτι
cat-furniture = Έπιπλα
cat-kitchen = Κουζίνα
cat-decor = Διακόσμηση
cat-garden = Κήπος
cat-plants = Φυτά
cat-garden-tools = Εργαλεία κήπου
cat-sports = Αθλητισμός
cat-bikes = Ποδήλατα
cat-fitness = Γυμναστική
cat-outdoor = Ύπαιθρος και κάμπινγκ
cat-vehicles = Οχήματα
cat-car-parts = Ανταλλακτικά αυτοκινήτου
cat-motorbikes = Μοτοσικλέτες και σκούτερ
cat-books = Βιβλία
cat-fiction = Λογοτεχνία
cat-non-fiction = Μη λογοτεχνικά
cat-comics = Κόμικς
cat-music = Μουσική
cat-instruments = Μουσικά όργανα
cat-records = Δίσκοι και CD
cat-collectibles = Συλλεκτικά
cat-coins-stamps = Νομίσματα και γραμματόσημα
cat-art = Τέχνη
cat-beauty = Ομορφιά
cat-skincare = Περιποίηση δέρματος
cat-fragrance = Αρώματα
cat-pets = Κατοικίδια
cat-pet-supplies = Είδη κατοικιδίων
cat-tools = Εργαλεία και DIY
cat-power-tools = Ηλεκτρικά εργαλεία
cat-hand-tools = Εργαλεία χειρός
cat-jewellery = Κοσμήματα
cat-rings = Δαχτυλίδια
cat-necklaces = Κολιέ
attr-brand = Μάρκα
attr-model = Μοντέλο
attr-year = Έτος
attr-size = Μέγεθος
attr-colour = Χρώμα
attr-age = Ηλικία
attr-author = Συγγραφέας
attr-language = Γλώσσα
attr-material = Υλικό
colour-black = Μαύρο
colour-white = Λευκό
colour-grey = Γκρι
colour-red = Κόκκινο
colour-blue = Μπλε
colour-green = Πράσινο
colour-yellow = Κίτρινο
colour-pink = Ροζ
colour-brown = Καφέ
colour-beige = Μπεζ
colour-multi = Πολύχρωμο
material-gold = Χρυσός
material-silver = Ασήμι
material-steel = Ατσάλι
material-leather = Δέρμα
material-other = Άλλο
language-en = Αγγλικά
language-id = Ινδονησιακά
language-el = Ελληνικά
language-fr = Γαλλικά
language-other = Άλλη

## Photos
photo-not-image = Δεν μπορούμε να διαβάσουμε αυτό το αρχείο ως φωτογραφία. Ανεβάστε μια εικόνα JPEG, PNG, WebP ή GIF.
photo-too-large = Αυτή η φωτογραφία είναι μεγαλύτερη από 15 MB. Επιλέξτε ένα μικρότερο αρχείο.
photo-too-many-pixels = Αυτή η φωτογραφία έχει πάρα πολλά pixel (πάνω από 50 megapixel). Ανεβάστε μια μικρότερη έκδοσή της.
photo-too-small = Αυτή η φωτογραφία είναι πολύ μικρή. Ανεβάστε μια φωτογραφία με πλάτος και ύψος τουλάχιστον 100 pixel.
photo-too-many = Μπορείτε να προσθέσετε έως 10 φωτογραφίες σε μια αγγελία.

## Search
search-title = Αναζήτηση
search-results-for = Αποτελέσματα για «{ $q }»
search-sort = Ταξινόμηση
search-sort-relevance = Πιο σχετικά
search-sort-newest = Νεότερα πρώτα
search-sort-price_asc = Τιμή: από χαμηλή σε υψηλή
search-sort-price_desc = Τιμή: από υψηλή σε χαμηλή
search-filters = Φίλτρα
search-any-category = Όλες οι κατηγορίες
search-all-in = Όλα στην κατηγορία { $category }
search-min = Από
search-max = Έως
search-currency-hint = Τα φίλτρα και η ταξινόμηση τιμής δείχνουν μόνο αγγελίες με τιμή σε αυτό το νόμισμα.
search-ships = Με αποστολή
search-location = Τοποθεσία
search-apply = Εφαρμογή φίλτρων
search-clear = Καθαρισμός φίλτρων
search-count = { $count ->
    [one] { $shown } αγγελία
   *[other] { $shown } αγγελίες
}
search-count-capped = Περισσότερες από { $shown } αγγελίες
search-showing-for = Εμφανίζονται αποτελέσματα για «{ $q }».
search-no-results-for = Δεν βρέθηκε τίποτα για «{ $q }».
search-did-you-mean = Μήπως εννοείτε:
search-categories = Κατηγορίες
search-subcategories = Υποκατηγορίες
search-details = Λεπτομέρειες
search-any = Όλα
search-none-title = Δεν βρέθηκαν αγγελίες
search-none-text = Δεν βρήκαμε αγγελίες για «{ $q }».
search-none-filters = Καμία αγγελία δεν ταιριάζει ακόμη με αυτά τα φίλτρα.
search-tip-spelling = Ελέγξτε την ορθογραφία ή δοκιμάστε μια πιο γενική λέξη.
search-tip-fewer = Χρησιμοποιήστε λιγότερες λέξεις.
search-tip-clear = Αφαιρέστε όλα τα φίλτρα
search-tip-browse = Ή περιηγηθείτε σε μια κατηγορία:
search-pages = Σελίδες
search-first = Πρώτη σελίδα
search-next = Επόμενη σελίδα
search-min-invalid = Ελάχιστη τιμή: { $reason } Το φίλτρο δεν εφαρμόστηκε.
search-max-invalid = Μέγιστη τιμή: { $reason } Το φίλτρο δεν εφαρμόστηκε.
search-range-inverted = Η ελάχιστη τιμή είναι μεγαλύτερη από τη μέγιστη, γι' αυτό το φίλτρο τιμής δεν εφαρμόστηκε.
search-category-unknown = Δεν υπάρχει κατηγορία «{ $slug }», γι' αυτό εμφανίζονται όλες οι κατηγορίες.
