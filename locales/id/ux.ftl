photo-move-earlier = Pindah ke depan
photo-move-later = Pindah ke belakang
card-expiry-placeholder = BB/TT
card-brand-other = Kartu
country-gr = Yunani
country-fr = Prancis
country-id = Indonesia
