photo-move-earlier = Μετακίνηση νωρίτερα
photo-move-later = Μετακίνηση αργότερα
card-expiry-placeholder = ΜΜ/ΕΕ
card-brand-other = Κάρτα
country-gr = Ελλάδα
country-fr = Γαλλία
country-id = Ινδονησία
