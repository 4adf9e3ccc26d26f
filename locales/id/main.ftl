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
nav-sell = Sell
nav-my-listings = My listings
nav-profile = My profile
nav-home = Home
breadcrumbs = Breadcrumbs
home-categories = Browse categories
home-recent = Just listed
home-see-all = See all new items
sell-title = Sell an item
edit-title = Edit your listing
form-has-errors = Some fields need your attention. Everything you entered is still here.
sell-photos = Photos
sell-photos-hint = Add 1 to 10 photos (JPEG, PNG, WebP or GIF, up to 15 MB each). The first photo is the cover.
sell-photo-position = Position
sell-photo-remove = Remove
sell-add-photos = Add photos
sell-choose-category = Choose a category
sell-category-other = other
sell-delivery = Delivery
sell-shipping-hint = Leave empty for free shipping.
sell-publish = Publish
sell-save = Save changes
sell-save-draft = Save as draft
label-title = Title
label-description = Description
label-category = Category
label-condition = Condition
label-price = Price
label-currency = Currency
label-quantity = Quantity
label-ships = I can ship it
label-shipping-price = Shipping price
label-pickup = Local pickup
text-too-short = This is too short.
category-invalid = Please choose a category from the list.
quantity-invalid = Please enter a quantity from 1 to 999.
delivery-required = Choose shipping, local pickup or both.
city-required = Please enter the city where the item can be picked up.
photos-required = Add at least one photo to publish the listing.
price-negative = The price cannot be negative.
price-invalid = Please enter a price like 12.50.
price-too-precise = This currency does not have that many decimals.
price-too-high = This price is too high.
flash-listing-published = Your listing is live.
flash-listing-saved = Your draft was saved.
flash-listing-updated = Your changes were saved.
flash-status-active = The listing is live again.
flash-status-paused = The listing is paused. Nobody can buy it until you reactivate it.
flash-status-sold = The listing is marked as sold.
flash-status-removed = The listing was deleted.
flash-status-draft = The listing is a draft again.
listing-status-draft = This listing is a draft: only you can see it.
listing-status-paused = This listing is paused: it cannot be bought right now.
listing-status-sold = This item has been sold.
listing-status-removed = This listing was deleted.
listing-holiday = The seller is on holiday until { $date }. You can look around, but buying is off until then.
listing-photos = Photos
listing-photos-scroll = Photos; scroll or swipe to see more
listing-photo-alt = { $title }, photo { $n }
listing-delivery = Delivery
listing-free-shipping = Free shipping
listing-shipping-price = Shipping: { $price }
listing-pickup-in = Pickup in { $city }
listing-views = { $count ->
    [one] { $count } view
   *[other] { $count } views
}
listing-favourites = { $count ->
    [one] { $count } favourite
   *[other] { $count } favourites
}
listing-seller = Seller
listing-similar = Similar items
member-since = Member since { $date }
action-edit = Edit
action-active = Reactivate
action-paused = Pause
action-sold = Mark as sold
action-removed = Delete
tab-active = Active
tab-draft = Drafts
tab-paused = Paused
tab-sold = Sold
my-listings-empty = Nothing here yet.
holiday-active = You are on holiday until { $date }. Your listings stay visible, but nobody can buy until you are back.
holiday-end = I am back
holiday-label = On holiday until
holiday-start = Start holiday mode
holiday-hint = Pause buying on all your listings at once; the return date is shown to shoppers.
holiday-date-invalid = Please choose a return date within the next year.
flash-holiday-on = Holiday mode is on until { $date }.
flash-holiday-off = Welcome back! Your listings can be bought again.
profile-listings = { $count ->
    [one] { $count } item for sale
   *[other] { $count } items for sale
}
profile-no-listings = No items for sale right now.
error-unverified-title = Please confirm your email address first
error-unverified-text = To sell, buy or send messages, confirm your email address with the link we sent you.
condition-new_with_tags = New with tags
condition-new = New
condition-like_new = Like new
condition-good = Good
condition-fair = Fair
condition-for_parts = For parts or not working
cat-electronics = Electronics
cat-phones = Phones
cat-computers = Computers
cat-audio = Audio
cat-cameras = Cameras
cat-gaming = Video games and consoles
cat-women = Women
cat-women-clothing = Women's clothing
cat-women-shoes = Women's shoes
cat-women-bags = Bags
cat-men = Men
cat-men-clothing = Men's clothing
cat-men-shoes = Men's shoes
cat-men-watches = Watches
cat-kids = Kids and baby
cat-kids-clothing = Kids' clothing
cat-toys = Toys
cat-strollers = Strollers and car seats
cat-home = Home
cat-furniture = Furniture
cat-kitchen = Kitchen
cat-decor = Decoration
cat-garden = Garden
cat-plants = Plants
cat-garden-tools = Garden tools
cat-sports = Sports
cat-bikes = Bikes
cat-fitness = Fitness
cat-outdoor = Outdoor and camping
cat-vehicles = Vehicles
cat-car-parts = Car parts
cat-motorbikes = Motorbikes and scooters
cat-books = Books
cat-fiction = Fiction
cat-non-fiction = Non-fiction
cat-comics = Comics
cat-music = Music
cat-instruments = Musical instruments
cat-records = Records and CDs
cat-collectibles = Collectibles
cat-coins-stamps = Coins and stamps
cat-art = Art
cat-beauty = Beauty
cat-skincare = Skincare
cat-fragrance = Fragrance
cat-pets = Pets
cat-pet-supplies = Pet supplies
cat-tools = Tools and DIY
cat-power-tools = Power tools
cat-hand-tools = Hand tools
cat-jewellery = Jewellery
cat-rings = Rings
cat-necklaces = Necklaces
attr-brand = Brand
attr-model = Model
attr-year = Year
attr-size = Size
attr-colour = Colour
attr-age = Age
attr-author = Author
attr-language = Language
attr-material = Material
colour-black = Black
colour-white = White
colour-grey = Grey
colour-red = Red
colour-blue = Blue
colour-green = Green
colour-yellow = Yellow
colour-pink = Pink
colour-brown = Brown
colour-beige = Beige
colour-multi = Multicoloured
material-gold = Gold
material-silver = Silver
material-steel = Steel
material-leather = Leather
material-other = Other
language-en = English
language-id = Indonesian
language-el = Greek
language-fr = French
language-other = Other

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
