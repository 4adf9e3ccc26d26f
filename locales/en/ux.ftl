photo-move-earlier = Move earlier
photo-move-later = Move later
card-expiry-placeholder = MM/YY
card-brand-other = Card
country-gr = Greece
country-fr = France
country-id = Indonesia
