error-slow-text = La préparation de cette page prenait trop de temps, nous l’avons donc interrompue. Veuillez réessayer dans quelques secondes, ou affinez votre recherche avec moins de mots ou de filtres.
error-searches-text = Vous avez déjà plusieurs recherches en cours. Veuillez attendre qu’elles se terminent, puis réessayez.
search-query-cut = Votre recherche était trop longue : seuls ses { $words } premiers mots (200 caractères au plus) ont été recherchés.
