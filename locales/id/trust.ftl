## Angka kepercayaan di profil publik dan foto profil (issue 11)

trust-title = Rekam jejak
trust-lead = Angka dari pesanan nyata anggota ini di Pasar, bukan lencana. Setiap angka menyebutkan dari berapa pesanan ia dihitung.
trust-window = 12 bulan terakhir
trust-sales = { $count ->
    [one] { $count } penjualan selesai
   *[other] { $count } penjualan selesai
}
trust-purchases = { $count ->
    [one] { $count } pembelian selesai
   *[other] { $count } pembelian selesai
}
trust-email-verified = Email terverifikasi
trust-email-verified-means = Anggota ini sudah memastikan bahwa ia menerima surat di alamatnya. Ini tidak memeriksa identitasnya.
trust-on-time = Pengiriman tepat waktu
trust-time-to-ship = Median waktu pengiriman
trust-cancelled = Dibatalkan oleh penjual
trust-disputes = Sengketa terhadapnya
trust-not-enough = Belum cukup pesanan
trust-percent = { $n }%
trust-under-an-hour = kurang dari satu jam
trust-hours = { $count ->
    [one] { $count } jam
   *[other] { $count } jam
}
trust-days = { $count ->
    [one] { $count } hari
   *[other] { $count } hari
}
trust-sample-due = { $count ->
    [one] dari { $count } pesanan yang harus dikirim
   *[other] dari { $count } pesanan yang harus dikirim
}
trust-sample-shipped = { $count ->
    [one] dari { $count } paket yang dikirim
   *[other] dari { $count } paket yang dikirim
}
trust-sample-paid = { $count ->
    [one] dari { $count } pesanan yang dibayar
   *[other] dari { $count } pesanan yang dibayar
}
trust-disputes-for-buyer = { $count ->
    [one] { $count } dimenangkan pembeli
   *[other] { $count } dimenangkan pembeli
}
trust-disputes-for-seller = { $count ->
    [one] { $count } dimenangkan penjual
   *[other] { $count } dimenangkan penjual
}
trust-disputes-open = { $count ->
    [one] { $count } masih terbuka
   *[other] { $count } masih terbuka
}
trust-how = Cara angka ini dihitung
trust-how-window = Setiap angka menghitung pesanan yang dibayar dalam 12 bulan terakhir di mana anggota ini menjual (atau, untuk pembelian, membeli). Pesanan yang tidak pernah dibayar tidak dihitung.
trust-how-on-time = Pengiriman tepat waktu: bagian pesanan yang dikirim sebelum batas waktu kirim pesanan, dari pesanan yang sudah dikirim atau yang batas waktunya sudah lewat. Ambil sendiri dihitung terkirim saat kode pembeli dimasukkan ketika serah terima.
trust-how-time-to-ship = Median waktu pengiriman: separuh paket dikirim lebih cepat dari ini, dihitung dari pembayaran sampai penjual memasukkan nomor resi. Ambil sendiri tidak dihitung: tanggalnya bergantung pada kapan pembeli bisa bertemu.
trust-how-cancelled = Dibatalkan oleh penjual: bagian pesanan yang dibayar yang dibatalkan penjual, atau dibatalkan karena ia tidak mengirim tepat waktu. Pembatalan oleh pembeli tidak dihitung.
trust-how-disputes = Sengketa: dibuka oleh pembeli pada pesanan ini. Dimenangkan pembeli berarti uang dikembalikan kepadanya (pengembalian dana penuh atau sebagian, atau barang dikembalikan); dimenangkan penjual berarti pembayaran diteruskan ke penjual.
trust-how-sample = Bagian yang dihitung dari kurang dari 3 pesanan menampilkan "belum cukup pesanan", bukan angka. Bagian dibulatkan agar tidak pernah menyanjung: tepat waktu dibulatkan ke bawah, pembatalan ke atas.

avatar-title = Foto profil
avatar-current = Foto profil Anda
avatar-of = Foto profil { $name }
avatar-choose = Pilih foto
avatar-replace = Pilih foto baru
avatar-hint = Foto JPEG, PNG, WebP, atau GIF hingga 15 MB, minimal 100 piksel di setiap sisi. Foto ditampilkan bulat di profil Anda dan di samping iklan Anda; isi lain dari berkas (seperti lokasi pemotretan) dihapus.
avatar-upload = Unggah foto
avatar-remove = Hapus foto
avatar-saved = Foto profil Anda tersimpan.
avatar-removed = Foto profil Anda dihapus.
avatar-missing = Pilih foto untuk diunggah.
avatar-one = Pilih satu foto saja.
