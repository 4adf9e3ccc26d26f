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
nav-sell = Vendre
nav-my-listings = Mes annonces
nav-profile = Mon profil
nav-home = Accueil
breadcrumbs = Fil d'Ariane
home-categories = Parcourir les catégories
home-recent = Nouvelles annonces
home-see-all = Voir tous les nouveaux articles
sell-title = Vendre un article
edit-title = Modifier votre annonce
form-has-errors = Certains champs nécessitent votre attention. Tout ce que vous avez saisi a été conservé.
sell-photos = Photos
sell-photos-hint = Ajoutez de 1 à 10 photos (JPEG, PNG, WebP ou GIF, 15 Mo maximum chacune). La première photo sert de photo de couverture.
sell-photo-position = Position
sell-photo-remove = Retirer
sell-add-photos = Ajouter des photos
sell-choose-category = Choisissez une catégorie
sell-category-other = autre
sell-delivery = Livraison
sell-shipping-hint = Laissez vide pour une livraison gratuite.
sell-publish = Publier
sell-save = Enregistrer les modifications
sell-save-draft = Enregistrer comme brouillon
label-title = Titre
label-description = Description
label-category = Catégorie
label-condition = État
label-price = Prix
label-currency = Devise
label-quantity = Quantité
label-ships = Je peux l'envoyer
label-shipping-price = Frais de port
label-pickup = Remise en main propre
text-too-short = Ce texte est trop court.
category-invalid = Veuillez choisir une catégorie dans la liste.
quantity-invalid = Veuillez saisir une quantité comprise entre 1 et 999.
delivery-required = Choisissez l'envoi, la remise en main propre ou les deux.
city-required = Veuillez indiquer la ville où l'article peut être récupéré.
photos-required = Ajoutez au moins une photo pour publier l'annonce.
price-negative = Le prix ne peut pas être négatif.
price-invalid = Veuillez saisir un prix du type 12,50.
price-too-precise = Cette devise n'a pas autant de décimales.
price-too-high = Ce prix est trop élevé.
flash-listing-published = Votre annonce est en ligne.
flash-listing-saved = Votre brouillon a été enregistré.
flash-listing-updated = Vos modifications ont été enregistrées.
flash-status-active = L'annonce est de nouveau en ligne.
flash-status-paused = L'annonce est en pause. Personne ne peut l'acheter tant que vous ne l'avez pas réactivée.
flash-status-sold = L'annonce a été marquée comme vendue.
flash-status-removed = L'annonce a été supprimée.
flash-status-draft = L'annonce est repassée en brouillon.
listing-status-draft = Cette annonce est un brouillon : elle n'est visible que par vous.
listing-status-paused = Cette annonce est en pause : l'article ne peut pas être acheté pour le moment.
listing-status-sold = Cet article a été vendu.
listing-status-removed = Cette annonce a été supprimée.
listing-holiday = Le vendeur est en vacances jusqu'au { $date }. Vous pouvez parcourir ses annonces, mais les achats sont suspendus jusque-là.
listing-photos = Photos
listing-photos-scroll = Photos ; faites défiler ou balayez pour en voir plus
listing-photo-alt = { $title }, photo { $n }
listing-delivery = Livraison
listing-free-shipping = Livraison gratuite
listing-shipping-price = Frais de port : { $price }
listing-pickup-in = Remise en main propre à { $city }
listing-views = { $count ->
    [one] { $count } vue
   *[other] { $count } vues
}
listing-favourites = { $count ->
    [one] { $count } favori
   *[other] { $count } favoris
}
listing-seller = Vendeur
listing-similar = Articles similaires
member-since = Membre depuis le { $date }
action-edit = Modifier
action-active = Réactiver
action-paused = Mettre en pause
action-sold = Marquer comme vendu
action-removed = Supprimer
tab-active = En ligne
tab-draft = Brouillons
tab-paused = En pause
tab-sold = Vendues
my-listings-empty = Rien ici pour l'instant.
holiday-active = Vous êtes en vacances jusqu'au { $date }. Vos annonces restent visibles, mais personne ne peut acheter avant votre retour.
holiday-end = Je suis de retour
holiday-label = En vacances jusqu'au
holiday-start = Activer le mode vacances
holiday-hint = Suspendez les achats sur toutes vos annonces en une seule fois ; votre date de retour est indiquée aux acheteurs.
holiday-date-invalid = Veuillez choisir une date de retour dans les 12 prochains mois.
flash-holiday-on = Le mode vacances est activé jusqu'au { $date }.
flash-holiday-off = Bon retour parmi nous ! Vos articles peuvent de nouveau être achetés.
profile-listings = { $count ->
    [one] { $count } article en vente
   *[other] { $count } articles en vente
}
profile-no-listings = Aucun article en vente pour le moment.
error-unverified-title = Veuillez d'abord confirmer votre adresse e-mail
error-unverified-text = Pour vendre, acheter ou envoyer des messages, confirmez votre adresse e-mail grâce au lien que nous vous avons envoyé.
condition-new_with_tags = Neuf avec étiquette
condition-new = Neuf
condition-like_new = Comme neuf
condition-good = Bon état
condition-fair = État satisfaisant
condition-for_parts = Pour pièces ou hors service
cat-electronics = Électronique
cat-phones = Téléphones
cat-computers = Ordinateurs
cat-audio = Audio
cat-cameras = Appareils photo
cat-gaming = Jeux vidéo et consoles
cat-women = Femmes
cat-women-clothing = Vêtements femme
cat-women-shoes = Chaussures femme
cat-women-bags = Sacs
cat-men = Hommes
cat-men-clothing = Vêtements homme
cat-men-shoes = Chaussures homme
cat-men-watches = Montres
cat-kids = Enfants et bébés
cat-kids-clothing = Vêtements enfant
cat-toys = Jouets
cat-strollers = Poussettes et sièges auto
cat-home = Maison
cat-furniture = Meubles
cat-kitchen = Cuisine
cat-decor = Décoration
cat-garden = Jardin
cat-plants = Plantes
cat-garden-tools = Outils de jardin
cat-sports = Sport
cat-bikes = Vélos
cat-fitness = Fitness
cat-outdoor = Plein air et camping
cat-vehicles = Véhicules
cat-car-parts = Pièces auto
cat-motorbikes = Motos et scooters
cat-books = Livres
cat-fiction = Romans
cat-non-fiction = Essais et documents
cat-comics = BD et comics
cat-music = Musique
cat-instruments = Instruments de musique
cat-records = Vinyles et CD
cat-collectibles = Objets de collection
cat-coins-stamps = Monnaies et timbres
cat-art = Art
cat-beauty = Beauté
cat-skincare = Soins de la peau
cat-fragrance = Parfums
cat-pets = Animaux
cat-pet-supplies = Accessoires pour animaux
cat-tools = Bricolage et outillage
cat-power-tools = Outillage électrique
cat-hand-tools = Outillage à main
cat-jewellery = Bijoux
cat-rings = Bagues
cat-necklaces = Colliers
attr-brand = Marque
attr-model = Modèle
attr-year = Année
attr-size = Taille
attr-colour = Couleur
attr-age = Âge
attr-author = Auteur
attr-language = Langue
attr-material = Matière
colour-black = Noir
colour-white = Blanc
colour-grey = Gris
colour-red = Rouge
colour-blue = Bleu
colour-green = Vert
colour-yellow = Jaune
colour-pink = Rose
colour-brown = Marron
colour-beige = Beige
colour-multi = Multicolore
material-gold = Or
material-silver = Argent
material-steel = Acier
material-leather = Cuir
material-other = Autre
language-en = Anglais
language-id = Indonésien
language-el = Grec
language-fr = Français
language-other = Autre

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
