email-unsubscribe = Anda dapat mematikan email ini di pengaturan notifikasi, atau dengan satu klik di sini:
notify-kind-messages = Pesan baru
notify-kind-offers = Penawaran
notify-kind-price-drops = Penurunan harga pada favorit Anda
notify-kind-saved-searches = Peringatan pencarian tersimpan
notify-kind-follows-digest = Ringkasan mingguan penjual yang Anda ikuti
notify-kind-review-reminders = Pengingat ulasan
