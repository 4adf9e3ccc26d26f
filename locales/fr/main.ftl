# Pasar: French (Français). Keys must match en/main.ftl exactly.

## Layout
nav-skip = Aller au contenu
nav-account = Mon compte
nav-login = Se connecter
nav-signup = S'inscrire
nav-logout = Se déconnecter
nav-settings = Paramètres
nav-mailbox = Boîte mail (développement)
search-placeholder = Que recherchez-vous ?
search-label = Rechercher dans les annonces
search-button = Rechercher
footer-language = Langue
footer-tagline = Pasar : achetez et vendez près de chez vous, avec une protection acheteur sur chaque commande.
verify-banner = Veuillez confirmer votre adresse e-mail : nous avons envoyé un lien à { $email }. En attendant, vous pouvez parcourir le site, mais pas vendre, acheter ni envoyer de messages.
verify-resend = Renvoyer le lien
badge-verified = Vérifié
badge-unverified = Non vérifié

## Home
home-title = Achetez et vendez d'occasion
home-headline = Achetez et vendez près de chez vous
home-lead = Pasar est la place de marché où les voisins s'échangent ce qu'ils possèdent : des prix justes, des avis honnêtes, et votre argent protégé jusqu'à la réception de votre article.
home-promise-escrow = Protection acheteur : nous conservons l'argent jusqu'à ce que vous confirmiez que l'article est arrivé conforme à sa description.
home-promise-reviews = Des avis uniquement issus d'achats réels et finalisés.
home-promise-talk = Posez vos questions au vendeur, faites une offre, mettez-vous d'accord, et c'est réglé.
home-cta = Rejoignez Pasar gratuitement
home-members = Nouveaux membres
home-member-count = { $count ->
    [one] { $count } membre à ce jour
   *[other] { $count } membres à ce jour
}

## Sign-up, login, passwords
signup-title = Créez votre compte
signup-lead = Cela ne prend qu'une minute. Nous vous enverrons un e-mail pour confirmer votre adresse.
signup-submit = Créer mon compte
signup-have-account = Vous avez déjà un compte ?
label-display-name = Votre nom (visible par les autres membres)
label-email = Adresse e-mail
label-password = Mot de passe
label-new-password = Nouveau mot de passe
label-current-password = Mot de passe actuel
label-new-email = Nouvelle adresse e-mail
password-hint = Au moins 8 caractères. Quelques mots sans rapport entre eux font un mot de passe solide.
login-title = Connexion
login-submit = Se connecter
login-forgot = Mot de passe oublié ?
login-no-account = Nouveau sur Pasar ?
login-failed = L'adresse e-mail ou le mot de passe est incorrect. Veuillez réessayer.
forgot-title = Réinitialiser votre mot de passe
forgot-lead = Saisissez l'adresse e-mail de votre compte et nous vous enverrons un lien pour choisir un nouveau mot de passe.
forgot-submit = Envoyer le lien
forgot-sent = Si un compte utilise l'adresse { $email }, un lien pour réinitialiser son mot de passe est en route. Vérifiez votre boîte de réception et vos courriers indésirables.
reset-title = Choisissez un nouveau mot de passe
reset-submit = Enregistrer le nouveau mot de passe
reset-request-new = Demander un nouveau lien

## Settings
settings-title = Paramètres du compte
settings-profile = Profil
settings-save = Enregistrer le profil
settings-email = Adresse e-mail
settings-email-current = Votre adresse e-mail est { $email }.
settings-email-pending = En attente de confirmation de { $email } : cliquez sur le lien que nous vous y avons envoyé.
settings-email-submit = Modifier l'adresse e-mail
settings-password = Mot de passe
settings-password-submit = Modifier le mot de passe
settings-delete = Supprimer le compte
settings-delete-lead = Votre compte sera fermé immédiatement, puis supprimé définitivement après un délai de grâce. Connectez-vous avant la fin de ce délai pour le conserver.
settings-delete-submit = Supprimer mon compte
label-bio = À propos de vous
label-city = Ville
label-country = Pays
label-language = Langue des pages et des e-mails

## Field errors
field-required = Veuillez remplir ce champ.
field-invalid = Cette valeur n'est pas valide.
email-invalid = Veuillez saisir une adresse e-mail du type nom@example.com.
email-too-long = Cette adresse e-mail est trop longue.
email-taken = Un compte existe déjà avec cette adresse e-mail.
name-too-short = Veuillez utiliser au moins 2 caractères.
name-too-long = Veuillez utiliser 50 caractères au maximum.
name-invalid = Veuillez utiliser uniquement des lettres, des chiffres et une ponctuation courante.
password-too-short = Le mot de passe doit contenir au moins 8 caractères.
password-too-long = Le mot de passe ne doit pas dépasser 72 octets.
password-too-weak = Ce mot de passe est trop facile à deviner. Ajoutez des mots ou des caractères.
password-wrong = Le mot de passe est incorrect.
text-too-long = Ce texte est trop long.
text-invalid = Ce texte contient des caractères non autorisés.

## Flash messages
flash-signed-up = Bienvenue sur Pasar ! Nous avons envoyé un lien de confirmation à { $email }.
flash-verified = Merci, votre adresse e-mail est confirmée.
flash-verification-sent = Nous vous avons envoyé un nouveau lien de confirmation.
flash-link-invalid = Ce lien n'est plus valide : il a déjà été utilisé ou il a expiré.
flash-password-reset = Votre mot de passe a été modifié. Veuillez vous connecter avec le nouveau.
flash-password-changed = Votre mot de passe a été modifié. Vos autres appareils ont été déconnectés.
flash-profile-saved = Votre profil a été enregistré.
flash-email-change-sent = Nous avons envoyé un lien de confirmation à { $email }. Votre adresse sera modifiée dès que vous aurez cliqué sur ce lien.
flash-deletion-scheduled = Votre compte est fermé et sera supprimé le { $date }. Connectez-vous d'ici là pour le conserver.
flash-deletion-cancelled = Bon retour parmi nous ! Votre compte ne sera pas supprimé.

## Error pages
error-home = Retour à l'accueil
error-400-title = Cette requête comporte une erreur
error-400-text = La page n'a pas pu interpréter les données envoyées. Veuillez revenir en arrière et réessayer.
error-403-title = Action non autorisée
error-403-text = Vous ne pouvez pas effectuer cette action. Si vous venez d'un formulaire, rechargez la page et réessayez.
error-404-title = Page introuvable
error-404-text = Cette page n'existe pas ou a été supprimée.
error-405-title = Action non autorisée ici
error-405-text = Cette adresse n'accepte pas ce type de requête.
error-409-title = Modifié entre-temps
error-409-text = Quelqu'un a fait une modification au même moment. Rechargez la page et réessayez.
error-413-title = Trop volumineux
error-413-text = Ce que vous avez envoyé dépasse la taille autorisée.
error-429-title = Trop de tentatives
error-429-text = Veuillez patienter un peu avant de réessayer.
error-429-wait = { $minutes ->
    [one] Veuillez réessayer dans { $minutes } minute.
   *[other] Veuillez réessayer dans { $minutes } minutes.
}
error-500-title = Un problème est survenu de notre côté
error-500-text = Nous en avons été informés. Veuillez réessayer dans un instant.
error-503-title = Pasar est momentanément indisponible
error-503-text = Nous ne parvenons pas à joindre notre base de données pour le moment. Veuillez réessayer dans quelques secondes.

## Development mailbox
mailbox-title = Boîte mail
mailbox-lead = Tous les e-mails envoyés par le site, du plus récent au plus ancien. Uniquement en développement.
mailbox-empty = Aucun e-mail pour l'instant.
mailbox-to = À { $email }
mailbox-html = Ouvrir la version HTML

## Emails
email-greeting = Bonjour { $name },
email-footer = Vous recevez cet e-mail parce que vous avez un compte sur { $site }.
email-not-you = Si vous n'êtes pas à l'origine de cette demande, vous pouvez ignorer cet e-mail.
email-link-expires-hours = { $hours ->
    [one] Le lien est valable { $hours } heure.
   *[other] Le lien est valable { $hours } heures.
}
email-link-expires-minutes = { $minutes ->
    [one] Le lien est valable { $minutes } minute et ne peut être utilisé qu'une seule fois.
   *[other] Le lien est valable { $minutes } minutes et ne peut être utilisé qu'une seule fois.
}
email-verify-subject = Confirmez votre adresse e-mail pour Pasar
email-verify-body = Veuillez confirmer qu'il s'agit bien de votre adresse e-mail, afin de pouvoir acheter, vendre et envoyer des messages sur Pasar.
email-verify-action = Confirmer mon adresse e-mail
email-reset-subject = Réinitialisez votre mot de passe Pasar
email-reset-body = Quelqu'un a demandé la réinitialisation du mot de passe de votre compte Pasar. Suivez le lien pour en choisir un nouveau.
email-reset-action = Choisir un nouveau mot de passe
email-password-changed-subject = Votre mot de passe Pasar a été modifié
email-password-changed-body = Le mot de passe de votre compte vient d'être modifié, et toutes les autres sessions ont été déconnectées. Si vous n'êtes pas à l'origine de ce changement, réinitialisez immédiatement votre mot de passe.
email-password-changed-action = Réinitialiser mon mot de passe
email-deletion-subject = Votre compte Pasar va être supprimé
email-deletion-body = Comme vous l'avez demandé, votre compte est fermé et sera supprimé définitivement le { $date }. Si vous changez d'avis, il vous suffit de vous connecter d'ici là.
email-deletion-action = Conserver mon compte

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
photo-not-image = Ce fichier n'est pas une photo que nous savons lire. Veuillez envoyer une image JPEG, PNG, WebP ou GIF.
photo-too-large = Cette photo dépasse 15 Mo. Veuillez choisir un fichier plus petit.
photo-too-many-pixels = Cette photo compte trop de pixels (plus de 50 mégapixels). Veuillez en envoyer une version plus petite.
photo-too-small = Cette photo est trop petite. Veuillez envoyer une photo d'au moins 100 pixels de large et de haut.
photo-too-many = Vous pouvez ajouter jusqu'à 10 photos par annonce.

## Search
search-title = Recherche
search-results-for = Résultats pour « { $q } »
search-sort = Trier par
search-sort-relevance = Pertinence
search-sort-newest = Plus récents
search-sort-price_asc = Prix croissant
search-sort-price_desc = Prix décroissant
search-filters = Filtres
search-any-category = Toutes les catégories
search-all-in = Tout dans { $category }
search-min = De
search-max = À
search-currency-hint = Les filtres et le tri par prix ne montrent que les articles affichés dans cette devise.
search-ships = Livraison possible
search-location = Lieu
search-apply = Appliquer les filtres
search-clear = Effacer les filtres
search-count = { $count ->
    [one] { $shown } article
   *[other] { $shown } articles
}
search-count-capped = Plus de { $shown } articles
search-showing-for = Résultats affichés pour « { $q } ».
search-no-results-for = Aucun résultat pour « { $q } ».
search-did-you-mean = Vouliez-vous dire :
search-categories = Catégories
search-subcategories = Sous-catégories
search-details = Détails
search-any = Tous
search-none-title = Aucun article trouvé
search-none-text = Nous n’avons trouvé aucun article pour « { $q } ».
search-none-filters = Aucun article ne correspond encore à ces filtres.
search-tip-spelling = Vérifiez l’orthographe ou essayez un mot plus général.
search-tip-fewer = Utilisez moins de mots.
search-tip-clear = Retirer tous les filtres
search-tip-browse = Ou parcourez une catégorie :
search-pages = Pages
search-first = Première page
search-next = Page suivante
search-min-invalid = Prix minimum : { $reason } Ce filtre n’a pas été appliqué.
search-max-invalid = Prix maximum : { $reason } Ce filtre n’a pas été appliqué.
search-range-inverted = Le prix minimum est supérieur au prix maximum : le filtre de prix n’a pas été appliqué.
search-category-unknown = La catégorie « { $slug } » n’existe pas : toutes les catégories sont affichées.
