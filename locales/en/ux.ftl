photo-move-earlier = Move earlier
photo-move-later = Move later
card-expiry-placeholder = MM/YY
card-brand-other = Card
