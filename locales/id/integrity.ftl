photo-duplicate = Foto yang sama ada dua kali di formulir; hanya disimpan satu kali.
photo-expired = Foto yang Anda tambahkan sebelumnya sudah kedaluwarsa. Silakan tambahkan lagi.
edit-stock-changed = Pembeli memesan atau mengembalikan sebagian barang ini saat Anda mengedit, jadi jumlah Anda tidak disimpan. Periksa lalu simpan lagi.
edit-stock-now = Dijual sekarang: { $quantity }.
evidence-one-photo = Anda dapat menambahkan satu foto setiap kali.
