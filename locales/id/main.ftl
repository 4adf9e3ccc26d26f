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
