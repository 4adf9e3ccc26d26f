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
nav-sell = Sell
nav-my-listings = My listings
nav-profile = My profile
nav-home = Home
breadcrumbs = Breadcrumbs
home-categories = Browse categories
home-recent = Just listed
home-see-all = See all new items
sell-title = Sell an item
edit-title = Edit your listing
form-has-errors = Some fields need your attention. Everything you entered is still here.
sell-photos = Photos
sell-photos-hint = Add 1 to 10 photos (JPEG, PNG, WebP or GIF, up to 15 MB each). The first photo is the cover.
sell-photo-position = Position
sell-photo-remove = Remove
sell-add-photos = Add photos
sell-choose-category = Choose a category
sell-category-other = other
sell-delivery = Delivery
sell-shipping-hint = Leave empty for free shipping.
sell-publish = Publish
sell-save = Save changes
sell-save-draft = Save as draft
label-title = Title
label-description = Description
label-category = Category
label-condition = Condition
label-price = Price
label-currency = Currency
label-quantity = Quantity
label-ships = I can ship it
label-shipping-price = Shipping price
label-pickup = Local pickup
text-too-short = This is too short.
category-invalid = Please choose a category from the list.
quantity-invalid = Please enter a quantity from 1 to 999.
delivery-required = Choose shipping, local pickup or both.
city-required = Please enter the city where the item can be picked up.
photos-required = Add at least one photo to publish the listing.
price-negative = The price cannot be negative.
price-invalid = Please enter a price like 12.50.
price-too-precise = This currency does not have that many decimals.
price-too-high = This price is too high.
flash-listing-published = Your listing is live.
flash-listing-saved = Your draft was saved.
flash-listing-updated = Your changes were saved.
flash-status-active = The listing is live again.
flash-status-paused = The listing is paused. Nobody can buy it until you reactivate it.
flash-status-sold = The listing is marked as sold.
flash-status-removed = The listing was deleted.
flash-status-draft = The listing is a draft again.
listing-status-draft = This listing is a draft: only you can see it.
listing-status-paused = This listing is paused: it cannot be bought right now.
listing-status-sold = This item has been sold.
listing-status-removed = This listing was deleted.
listing-holiday = The seller is on holiday until { $date }. You can look around, but buying is off until then.
listing-photos = Photos
listing-photos-scroll = Photos; scroll or swipe to see more
listing-photo-alt = { $title }, photo { $n }
listing-delivery = Delivery
listing-free-shipping = Free shipping
listing-shipping-price = Shipping: { $price }
listing-pickup-in = Pickup in { $city }
listing-views = { $count ->
    [one] { $count } view
   *[other] { $count } views
}
listing-favourites = { $count ->
    [one] { $count } favourite
   *[other] { $count } favourites
}
listing-seller = Seller
listing-similar = Similar items
member-since = Member since { $date }
action-edit = Edit
action-active = Reactivate
action-paused = Pause
action-sold = Mark as sold
action-removed = Delete
tab-active = Active
tab-draft = Drafts
tab-paused = Paused
tab-sold = Sold
my-listings-empty = Nothing here yet.
holiday-active = You are on holiday until { $date }. Your listings stay visible, but nobody can buy until you are back.
holiday-end = I am back
holiday-label = On holiday until
holiday-start = Start holiday mode
holiday-hint = Pause buying on all your listings at once; the return date is shown to shoppers.
holiday-date-invalid = Please choose a return date within the next year.
flash-holiday-on = Holiday mode is on until { $date }.
flash-holiday-off = Welcome back! Your listings can be bought again.
profile-listings = { $count ->
    [one] { $count } item for sale
   *[other] { $count } items for sale
}
profile-no-listings = No items for sale right now.
error-unverified-title = Please confirm your email address first
error-unverified-text = To sell, buy or send messages, confirm your email address with the link we sent you.
condition-new_with_tags = New with tags
condition-new = New
condition-like_new = Like new
condition-good = Good
condition-fair = Fair
condition-for_parts = For parts or not working
cat-electronics = Electronics
cat-phones = Phones
cat-computers = Computers
cat-audio = Audio
cat-cameras = Cameras
cat-gaming = Video games and consoles
cat-women = Women
cat-women-clothing = Women's clothing
cat-women-shoes = Women's shoes
cat-women-bags = Bags
cat-men = Men
cat-men-clothing = Men's clothing
cat-men-shoes = Men's shoes
cat-men-watches = Watches
cat-kids = Kids and baby
cat-kids-clothing = Kids' clothing
cat-toys = Toys
cat-strollers = Strollers and car seats
cat-home = Home
cat-furniture = Furniture
cat-kitchen = Kitchen
cat-decor = Decoration
cat-garden = Garden
cat-plants = Plants
cat-garden-tools = Garden tools
cat-sports = Sports
cat-bikes = Bikes
cat-fitness = Fitness
cat-outdoor = Outdoor and camping
cat-vehicles = Vehicles
cat-car-parts = Car parts
cat-motorbikes = Motorbikes and scooters
cat-books = Books
cat-fiction = Fiction
cat-non-fiction = Non-fiction
cat-comics = Comics
cat-music = Music
cat-instruments = Musical instruments
cat-records = Records and CDs
cat-collectibles = Collectibles
cat-coins-stamps = Coins and stamps
cat-art = Art
cat-beauty = Beauty
cat-skincare = Skincare
cat-fragrance = Fragrance
cat-pets = Pets
cat-pet-supplies = Pet supplies
cat-tools = Tools and DIY
cat-power-tools = Power tools
cat-hand-tools = Hand tools
cat-jewellery = Jewellery
cat-rings = Rings
cat-necklaces = Necklaces
attr-brand = Brand
attr-model = Model
attr-year = Year
attr-size = Size
attr-colour = Colour
attr-age = Age
attr-author = Author
attr-language = Language
attr-material = Material
colour-black = Black
colour-white = White
colour-grey = Grey
colour-red = Red
colour-blue = Blue
colour-green = Green
colour-yellow = Yellow
colour-pink = Pink
colour-brown = Brown
colour-beige = Beige
colour-multi = Multicoloured
material-gold = Gold
material-silver = Silver
material-steel = Steel
material-leather = Leather
material-other = Other
language-en = English
language-id = Indonesian
language-el = Greek
language-fr = French
language-other = Other

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
