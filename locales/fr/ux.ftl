photo-move-earlier = Déplacer avant
photo-move-later = Déplacer après
card-expiry-placeholder = MM/AA
card-brand-other = Carte
country-gr = Grèce
country-fr = France
country-id = Indonésie
