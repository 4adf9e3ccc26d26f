# Pasar: Indonesian (Bahasa Indonesia). Keys must match en/main.ftl exactly.

## Layout
nav-skip = Langsung ke konten
nav-account = Akun Anda
nav-login = Masuk
nav-signup = Daftar
nav-logout = Keluar
nav-settings = Pengaturan
nav-mailbox = Kotak surat (pengembangan)
search-placeholder = Cari apa saja
search-label = Cari barang
search-button = Cari
footer-language = Bahasa
footer-tagline = Pasar: jual beli dengan orang di sekitar Anda, dengan perlindungan pembeli di setiap pesanan.
verify-banner = Harap konfirmasi alamat email Anda: kami telah mengirim tautan ke { $email }. Sebelum itu, Anda bisa melihat-lihat, tetapi belum bisa menjual, membeli, atau mengirim pesan.
verify-resend = Kirim ulang tautan
badge-verified = Terverifikasi
badge-unverified = Belum terverifikasi

## Home
home-title = Jual beli barang bekas
home-headline = Jual beli dengan orang di sekitar Anda
home-lead = Pasar adalah tempat jual beli antartetangga: harga yang wajar, ulasan yang jujur, dan uang Anda terlindungi sampai barang Anda tiba.
home-promise-escrow = Perlindungan pembeli: kami menahan uang Anda sampai Anda mengonfirmasi bahwa barang tiba sesuai deskripsi.
home-promise-reviews = Ulasan hanya dari pembelian nyata yang sudah selesai.
home-promise-talk = Tanya penjual, ajukan penawaran, sepakati harga, beres.
home-cta = Gabung di Pasar, gratis
home-members = Anggota baru
home-member-count = { $count ->
   *[other] Sudah { $count } anggota
}

## Sign-up, login, passwords
signup-title = Buat akun Anda
signup-lead = Hanya butuh satu menit. Kami akan mengirim email untuk mengonfirmasi alamat Anda.
signup-submit = Buat akun
signup-have-account = Sudah punya akun?
label-display-name = Nama Anda (terlihat oleh pengguna lain)
label-email = Alamat email
label-password = Kata sandi
label-new-password = Kata sandi baru
label-current-password = Kata sandi saat ini
label-new-email = Alamat email baru
password-hint = Minimal 8 karakter. Gabungan beberapa kata yang tidak saling berkaitan menghasilkan kata sandi yang kuat.
login-title = Masuk
login-submit = Masuk
login-forgot = Lupa kata sandi?
login-no-account = Baru di Pasar?
login-failed = Email atau kata sandi salah. Silakan coba lagi.
forgot-title = Atur ulang kata sandi
forgot-lead = Masukkan alamat email akun Anda, dan kami akan mengirim tautan untuk membuat kata sandi baru.
forgot-submit = Kirim tautan
forgot-sent = Jika ada akun yang menggunakan { $email }, tautan untuk mengatur ulang kata sandinya sedang dikirim. Periksa kotak masuk dan folder spam Anda.
reset-title = Buat kata sandi baru
reset-submit = Simpan kata sandi baru
reset-request-new = Minta tautan baru

## Settings
settings-title = Pengaturan akun
settings-profile = Profil
settings-save = Simpan profil
settings-email = Alamat email
settings-email-current = Alamat email Anda adalah { $email }.
settings-email-pending = Menunggu konfirmasi untuk { $email }: buka tautan yang kami kirim ke alamat tersebut.
settings-email-submit = Ubah email
settings-password = Kata sandi
settings-password-submit = Ubah kata sandi
settings-delete = Hapus akun
settings-delete-lead = Akun Anda akan langsung ditutup dan dihapus secara permanen setelah masa tenggang. Masuk sebelum masa tenggang berakhir jika Anda ingin mempertahankannya.
settings-delete-submit = Hapus akun saya
label-bio = Tentang Anda
label-city = Kota
label-country = Negara
label-language = Bahasa untuk halaman dan email

## Field errors
field-required = Harap isi kolom ini.
field-invalid = Nilai ini tidak valid.
email-invalid = Masukkan alamat email seperti nama@example.com.
email-too-long = Alamat email ini terlalu panjang.
email-taken = Sudah ada akun dengan alamat email ini.
name-too-short = Gunakan minimal 2 karakter.
name-too-long = Gunakan maksimal 50 karakter.
name-invalid = Gunakan hanya huruf, angka, dan tanda baca biasa.
password-too-short = Kata sandi harus terdiri dari minimal 8 karakter.
password-too-long = Kata sandi maksimal sepanjang 72 byte.
password-too-weak = Kata sandi ini terlalu mudah ditebak. Tambahkan lebih banyak kata atau karakter.
password-wrong = Kata sandi salah.
text-too-long = Teks ini terlalu panjang.
text-invalid = Teks ini mengandung karakter yang tidak diizinkan.

## Flash messages
flash-signed-up = Selamat datang di Pasar! Kami telah mengirim tautan konfirmasi ke { $email }.
flash-verified = Terima kasih, alamat email Anda sudah dikonfirmasi.
flash-verification-sent = Kami telah mengirimkan tautan konfirmasi yang baru.
flash-link-invalid = Tautan ini sudah tidak berlaku: tautan sudah pernah digunakan atau sudah kedaluwarsa.
flash-password-reset = Kata sandi Anda telah diubah. Silakan masuk dengan kata sandi yang baru.
flash-password-changed = Kata sandi Anda telah diubah. Anda telah dikeluarkan dari perangkat lain.
flash-profile-saved = Profil Anda telah disimpan.
flash-email-change-sent = Kami telah mengirim tautan konfirmasi ke { $email }. Email Anda akan berubah setelah Anda membuka tautan tersebut.
flash-deletion-scheduled = Akun Anda telah ditutup dan akan dihapus pada { $date }. Masuk sebelum tanggal tersebut jika Anda ingin mempertahankannya.
flash-deletion-cancelled = Selamat datang kembali! Akun Anda tidak akan dihapus.

## Error pages
error-home = Kembali ke beranda
error-400-title = Ada yang salah dengan permintaan tersebut
error-400-text = Halaman tidak dapat memahami data yang dikirim. Silakan kembali dan coba lagi.
error-403-title = Tidak diizinkan
error-403-text = Anda tidak dapat melakukan ini. Jika Anda datang dari sebuah formulir, muat ulang halaman dan coba lagi.
error-404-title = Halaman tidak ditemukan
error-404-text = Halaman ini tidak ada atau sudah dihapus.
error-405-title = Tidak diizinkan di sini
error-405-text = Alamat ini tidak menerima jenis permintaan tersebut.
error-409-title = Data ini baru saja berubah
error-409-text = Ada orang lain yang mengubah data ini pada saat yang sama. Muat ulang halaman dan coba lagi.
error-413-title = Terlalu besar
error-413-text = Data yang Anda kirim melebihi batas yang kami terima.
error-429-title = Terlalu banyak percobaan
error-429-text = Harap tunggu sebentar sebelum mencoba lagi.
error-429-wait = { $minutes ->
   *[other] Silakan coba lagi dalam { $minutes } menit.
}
error-500-title = Terjadi kesalahan di pihak kami
error-500-text = Kami sudah menerima laporan tentang masalah ini. Silakan coba lagi sebentar lagi.
error-503-title = Pasar sedang tidak tersedia untuk sementara
error-503-text = Kami tidak dapat terhubung ke basis data kami saat ini. Silakan coba lagi dalam beberapa detik.

## Development mailbox
mailbox-title = Kotak surat
mailbox-lead = Semua email yang dikirim oleh situs, dari yang terbaru. Hanya di mode pengembangan.
mailbox-empty = Belum ada email.
mailbox-to = Kepada { $email }
mailbox-html = Buka versi HTML

## Emails
email-greeting = Halo { $name },
email-footer = Anda menerima email ini karena Anda memiliki akun di { $site }.
email-not-you = Jika ini bukan Anda, abaikan saja email ini.
email-link-expires-hours = { $hours ->
   *[other] Tautan ini berlaku selama { $hours } jam.
}
email-link-expires-minutes = { $minutes ->
   *[other] Tautan ini berlaku selama { $minutes } menit dan hanya dapat digunakan satu kali.
}
email-verify-subject = Konfirmasi alamat email Anda untuk Pasar
email-verify-body = Harap konfirmasi bahwa ini adalah alamat email Anda agar Anda dapat membeli, menjual, dan mengirim pesan di Pasar.
email-verify-action = Konfirmasi alamat email saya
email-reset-subject = Atur ulang kata sandi Pasar Anda
email-reset-body = Seseorang meminta untuk mengatur ulang kata sandi akun Pasar Anda. Buka tautan berikut untuk membuat kata sandi baru.
email-reset-action = Buat kata sandi baru
email-password-changed-subject = Kata sandi Pasar Anda telah diubah
email-password-changed-body = Kata sandi akun Anda baru saja diubah, dan semua sesi lainnya telah dikeluarkan. Jika bukan Anda yang melakukannya, segera atur ulang kata sandi Anda.
email-password-changed-action = Atur ulang kata sandi saya
email-deletion-subject = Akun Pasar Anda akan dihapus
email-deletion-body = Sesuai permintaan Anda, akun Anda telah ditutup dan akan dihapus secara permanen pada { $date }. Jika Anda berubah pikiran, cukup masuk sebelum tanggal tersebut.
email-deletion-action = Pertahankan akun saya

## Listings
nav-sell = Jual
nav-my-listings = Iklan saya
nav-profile = Profil saya
nav-home = Beranda
breadcrumbs = Jalur navigasi
home-categories = Jelajahi kategori
home-recent = Baru diiklankan
home-see-all = Lihat semua barang baru
sell-title = Jual barang
edit-title = Ubah iklan Anda
form-has-errors = Beberapa kolom perlu Anda periksa. Semua yang sudah Anda isi masih tersimpan di sini.
sell-photos = Foto
sell-photos-hint = Tambahkan 1 sampai 10 foto (JPEG, PNG, WebP, atau GIF, maksimal 15 MB per foto). Foto pertama menjadi foto sampul.
sell-photo-position = Urutan
sell-photo-remove = Hapus
sell-add-photos = Tambah foto
sell-choose-category = Pilih kategori
sell-category-other = lainnya
sell-delivery = Pengiriman
sell-shipping-hint = Kosongkan untuk gratis ongkir.
sell-publish = Pasang iklan
sell-save = Simpan perubahan
sell-save-draft = Simpan sebagai draf
label-title = Judul
label-description = Deskripsi
label-category = Kategori
label-condition = Kondisi
label-price = Harga
label-currency = Mata uang
label-quantity = Jumlah
label-ships = Saya bisa mengirimkannya
label-shipping-price = Ongkos kirim
label-pickup = Ambil di tempat
text-too-short = Teks ini terlalu pendek.
category-invalid = Silakan pilih kategori dari daftar.
quantity-invalid = Masukkan jumlah antara 1 dan 999.
delivery-required = Pilih pengiriman, ambil di tempat, atau keduanya.
city-required = Masukkan kota tempat barang dapat diambil.
photos-required = Tambahkan minimal satu foto untuk memasang iklan.
price-negative = Harga tidak boleh negatif.
price-invalid = Masukkan harga seperti 150.000.
price-too-precise = Mata uang ini tidak memiliki desimal sebanyak itu.
price-too-high = Harga ini terlalu tinggi.
flash-listing-published = Iklan Anda sudah tayang.
flash-listing-saved = Draf Anda telah disimpan.
flash-listing-updated = Perubahan Anda telah disimpan.
flash-status-active = Iklan sudah tayang kembali.
flash-status-paused = Iklan dinonaktifkan. Tidak ada yang dapat membelinya sampai Anda mengaktifkannya kembali.
flash-status-sold = Iklan ditandai sebagai terjual.
flash-status-removed = Iklan telah dihapus.
flash-status-draft = Iklan kembali menjadi draf.
listing-status-draft = Iklan ini masih berupa draf: hanya Anda yang dapat melihatnya.
listing-status-paused = Iklan ini sedang nonaktif: barang tidak dapat dibeli untuk saat ini.
listing-status-sold = Barang ini sudah terjual.
listing-status-removed = Iklan ini telah dihapus.
listing-holiday = Penjual sedang libur hingga { $date }. Anda tetap dapat melihat-lihat, tetapi pembelian baru bisa dilakukan setelah tanggal tersebut.
listing-photos = Foto
listing-photos-scroll = Foto; gulir atau geser untuk melihat lainnya
listing-photo-alt = { $title }, foto { $n }
listing-delivery = Pengiriman
listing-free-shipping = Gratis ongkir
listing-shipping-price = Ongkir: { $price }
listing-pickup-in = Bisa diambil di { $city }
listing-views = { $count ->
   *[other] Dilihat { $count } kali
}
listing-favourites = { $count ->
   *[other] { $count } favorit
}
listing-seller = Penjual
listing-similar = Barang serupa
member-since = Bergabung sejak { $date }
action-edit = Ubah
action-active = Aktifkan kembali
action-paused = Nonaktifkan
action-sold = Tandai terjual
action-removed = Hapus
tab-active = Aktif
tab-draft = Draf
tab-paused = Nonaktif
tab-sold = Terjual
my-listings-empty = Belum ada apa-apa di sini.
holiday-active = Anda sedang libur hingga { $date }. Iklan Anda tetap terlihat, tetapi tidak ada yang dapat membeli sampai Anda kembali.
holiday-end = Saya sudah kembali
holiday-label = Libur hingga
holiday-start = Aktifkan mode libur
holiday-hint = Hentikan sementara pembelian di semua iklan Anda sekaligus; tanggal kembali Anda akan ditampilkan kepada pembeli.
holiday-date-invalid = Pilih tanggal kembali dalam satu tahun ke depan.
flash-holiday-on = Mode libur aktif hingga { $date }.
flash-holiday-off = Selamat datang kembali! Barang di iklan Anda sudah bisa dibeli lagi.
profile-listings = { $count ->
   *[other] { $count } barang dijual
}
profile-no-listings = Belum ada barang yang dijual saat ini.
error-unverified-title = Harap konfirmasi alamat email Anda terlebih dahulu
error-unverified-text = Untuk menjual, membeli, atau mengirim pesan, konfirmasi alamat email Anda melalui tautan yang kami kirimkan.
condition-new_with_tags = Baru dengan label
condition-new = Baru
condition-like_new = Seperti baru
condition-good = Baik
condition-fair = Cukup baik
condition-for_parts = Rusak atau untuk suku cadang
cat-electronics = Elektronik
cat-phones = Handphone
cat-computers = Komputer
cat-audio = Audio
cat-cameras = Kamera
cat-gaming = Video game dan konsol
cat-women = Wanita
cat-women-clothing = Pakaian wanita
cat-women-shoes = Sepatu wanita
cat-women-bags = Tas
cat-men = Pria
cat-men-clothing = Pakaian pria
cat-men-shoes = Sepatu pria
cat-men-watches = Jam tangan
cat-kids = Anak dan bayi
cat-kids-clothing = Pakaian anak
cat-toys = Mainan
cat-strollers = Stroller dan kursi mobil bayi
cat-home = Rumah tangga
cat-furniture = Furnitur
cat-kitchen = Dapur
cat-decor = Dekorasi
cat-garden = Taman
cat-plants = Tanaman
cat-garden-tools = Alat berkebun
cat-sports = Olahraga
cat-bikes = Sepeda
cat-fitness = Kebugaran
cat-outdoor = Outdoor dan berkemah
cat-vehicles = Kendaraan
cat-car-parts = Suku cadang mobil
cat-motorbikes = Motor dan skuter
cat-books = Buku
cat-fiction = Fiksi
cat-non-fiction = Nonfiksi
cat-comics = Komik
cat-music = Musik
cat-instruments = Alat musik
cat-records = Piringan hitam dan CD
cat-collectibles = Barang koleksi
cat-coins-stamps = Koin dan perangko
cat-art = Seni
cat-beauty = Kecantikan
cat-skincare = Perawatan kulit
cat-fragrance = Parfum
cat-pets = Hewan peliharaan
cat-pet-supplies = Perlengkapan hewan peliharaan
cat-tools = Perkakas dan pertukangan
cat-power-tools = Perkakas listrik
cat-hand-tools = Perkakas tangan
cat-jewellery = Perhiasan
cat-rings = Cincin
cat-necklaces = Kalung
attr-brand = Merek
attr-model = Model
attr-year = Tahun
attr-size = Ukuran
attr-colour = Warna
attr-age = Usia
attr-author = Penulis
attr-language = Bahasa
attr-material = Bahan
colour-black = Hitam
colour-white = Putih
colour-grey = Abu-abu
colour-red = Merah
colour-blue = Biru
colour-green = Hijau
colour-yellow = Kuning
colour-pink = Merah muda
colour-brown = Cokelat
colour-beige = Krem
colour-multi = Warna-warni
material-gold = Emas
material-silver = Perak
material-steel = Baja
material-leather = Kulit
material-other = Lainnya
language-en = Bahasa Inggris
language-id = Bahasa Indonesia
language-el = Bahasa Yunani
language-fr = Bahasa Prancis
language-other = Lainnya

## Photos
photo-not-image = File ini bukan foto yang dapat kami baca. Silakan unggah gambar JPEG, PNG, WebP, atau GIF.
photo-too-large = Foto ini lebih besar dari 15 MB. Silakan pilih file yang lebih kecil.
photo-too-many-pixels = Foto ini memiliki terlalu banyak piksel (lebih dari 50 megapiksel). Silakan unggah versi yang lebih kecil.
photo-too-small = Foto ini terlalu kecil. Silakan unggah foto dengan lebar dan tinggi minimal 100 piksel.
photo-too-many = Anda dapat menambahkan paling banyak 10 foto untuk satu iklan.

## Search
search-title = Cari
search-results-for = Hasil untuk “{ $q }”
search-sort = Urutkan
search-sort-relevance = Paling sesuai
search-sort-newest = Terbaru
search-sort-price_asc = Harga: termurah dulu
search-sort-price_desc = Harga: termahal dulu
search-filters = Filter
search-any-category = Semua kategori
search-all-in = Semua di { $category }
search-min = Dari
search-max = Sampai
search-currency-hint = Filter dan urutan harga hanya menampilkan barang dengan harga dalam mata uang ini.
search-ships = Bisa dikirim
search-location = Lokasi
search-apply = Terapkan filter
search-clear = Hapus filter
search-count = { $count ->
   *[other] { $shown } barang
}
search-count-capped = Lebih dari { $shown } barang
search-showing-for = Menampilkan hasil untuk “{ $q }”.
search-no-results-for = Tidak ada yang cocok dengan “{ $q }”.
search-did-you-mean = Mungkin maksud Anda:
search-categories = Kategori
search-subcategories = Subkategori
search-details = Detail
search-any = Semua
search-none-title = Barang tidak ditemukan
search-none-text = Kami tidak menemukan barang untuk “{ $q }”.
search-none-filters = Belum ada barang yang cocok dengan filter ini.
search-tip-spelling = Periksa ejaan Anda, atau coba kata yang lebih umum.
search-tip-fewer = Gunakan lebih sedikit kata.
search-tip-clear = Hapus semua filter
search-tip-browse = Atau jelajahi kategori:
search-pages = Halaman
search-first = Halaman pertama
search-next = Halaman berikutnya
search-min-invalid = Harga minimum: { $reason } Filter ini tidak diterapkan.
search-max-invalid = Harga maksimum: { $reason } Filter ini tidak diterapkan.
search-range-inverted = Harga minimum lebih tinggi dari harga maksimum, jadi filter harga tidak diterapkan.
search-category-unknown = Kategori “{ $slug }” tidak ada, jadi semua kategori ditampilkan.
