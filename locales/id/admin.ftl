# Area admin (src/admin/, templates/admin/).
admin-nav-header = Admin
admin-nav-label = Area admin
admin-nav-dashboard = Dasbor
admin-nav-users = Anggota
admin-nav-listings = Iklan
admin-nav-orders = Pesanan
admin-nav-failed = Email dan tugas yang gagal
admin-nav-audit = Log audit

admin-dashboard-title = Admin
admin-waiting-title = Menunggu Anda
admin-waiting-none = Tidak ada yang menunggu tindakan Anda.
admin-waiting-reports = { $count ->
   *[other] kasus laporan menunggu keputusan
}
admin-waiting-appeals = { $count ->
   *[other] banding menunggu moderator kedua
}
admin-waiting-disputes = { $count ->
   *[other] sengketa menunggu keputusan
}
admin-waiting-emails = { $count ->
   *[other] email tidak dapat dikirim
}
admin-waiting-jobs = { $count ->
   *[other] tugas latar belakang gagal
}

admin-search-button = Cari
admin-none-found = Tidak ada yang cocok.
admin-any-status = Semua status
admin-pages = Halaman
admin-previous = Sebelumnya
admin-next = Berikutnya
admin-older = Entri lebih lama
admin-page-number = Halaman { $page }
admin-no = Tidak
admin-error-page = Nomor halaman itu tidak ada; ini halaman pertama.
admin-error-id = Masukkan angka, misalnya 42.
admin-error-status = Pilih status dari daftar.
admin-error-kind = Gunakan satu kata, misalnya user, listing, atau order.
admin-error-kind-needed = Sebutkan jenisnya: user, listing, order…
admin-error-subject-needed = Masukkan juga nomornya.

admin-col-id = Nomor
admin-col-name = Nama
admin-col-email = Email
admin-col-role = Peran
admin-col-joined = Anggota sejak
admin-col-title = Judul
admin-col-seller = Penjual
admin-col-buyer = Pembeli
admin-col-status = Status
admin-col-price = Harga
admin-col-created = Dibuat
admin-col-kind = Jenis
admin-col-to = Kepada
admin-col-error = Galat
admin-col-attempts = Percobaan
admin-col-when = Kapan
admin-col-action = Tindakan
admin-col-who = Siapa
admin-col-what = Apa
admin-col-subject = Tentang
admin-col-why = Alasan
admin-col-before = Sebelum
admin-col-after = Sesudah

admin-role-member = Anggota
admin-role-moderator = Moderator
admin-role-admin = Admin

admin-users-title = Anggota
admin-users-search = Email, nama, atau nomor
admin-member-title = Akun
admin-member-public = profil publik
admin-member-verified = Email terkonfirmasi
admin-member-deletion = Penghapusan diminta
admin-member-listings = Iklan
admin-member-listings-counts = { $all } seluruhnya, { $active } sedang dijual
admin-member-orders = Pesanan
admin-member-orders-counts = { $bought } dibeli, { $sold } terjual
admin-member-history = Tindakan admin terhadap anggota ini
admin-member-history-all = Seluruh riwayat di log audit
admin-role-title = Ubah peran
admin-reason = Alasan
admin-reason-hint = Wajib. Disimpan di log audit bersama nama Anda; tidak ada yang bisa mengubahnya nanti.
admin-reason-required = Jelaskan mengapa perannya diubah.
admin-role-required = Pilih peran dari daftar.
admin-role-same = Anggota ini sudah memiliki peran tersebut.
admin-role-own = Anda tidak dapat mengubah peran Anda sendiri; admin lain bisa.
admin-role-submit = Ubah peran
admin-role-changed = Peran telah diubah dan dicatat di log audit.

admin-listings-title = Iklan
admin-listings-search = Judul atau nomor
admin-listings-seller = Nomor anggota penjual
admin-listing-status-draft = Draf
admin-listing-status-active = Dijual
admin-listing-status-paused = Dijeda
admin-listing-status-sold = Terjual
admin-listing-status-removed = Dihapus

admin-orders-title = Pesanan
admin-orders-id = Nomor pesanan
admin-orders-party = Nomor anggota pembeli atau penjual

admin-failed-title = Email dan tugas yang gagal
admin-failed-hint = Semua ini berhenti setelah percobaan terakhirnya. Perbaiki dulu penyebabnya (galatnya menjelaskan apa yang salah), lalu coba lagi: setiap percobaan ulang dicatat di log audit.
admin-failed-emails = { $count ->
   *[other] { $count } email tidak terkirim
}
admin-failed-emails-none = Semua email sudah terkirim.
admin-failed-jobs = { $count ->
   *[other] { $count } tugas gagal
}
admin-failed-jobs-none = Tidak ada tugas latar belakang yang gagal.
admin-failed-newest = { $count ->
   *[other] Yang ditampilkan { $count } terbaru.
}
admin-retry = Coba lagi
admin-retry-email-label = (email { $id })
admin-retry-job-label = (tugas { $id })
admin-retry-queued = Diantrekan lagi; pekerja akan memprosesnya dalam beberapa detik.
admin-retry-gone = Ini sudah tidak gagal (seseorang sudah mencobanya lagi), jadi tidak ada yang berubah.

admin-audit-title = Log audit
admin-audit-hint = Setiap tindakan moderator dan admin, yang terbaru lebih dulu. Entri tidak pernah diubah atau dihapus.
admin-audit-kind = Tentang (jenis)
admin-audit-kind-hint = Jenis: user, listing, order, email, job. Isi jenis dan nomornya bersama-sama.
admin-audit-subject = Nomornya
admin-audit-actor = Dilakukan oleh (nomor anggota)
admin-audit-empty = Tidak ada entri.
admin-audit-command-line = Baris perintah
admin-audit-system = Pasar sendiri
admin-action-user-role = Mengubah peran
admin-action-user-create = Membuat akun
admin-action-email-retry = Mengirim ulang email
admin-action-job-retry = Menjalankan ulang tugas
admin-action-dispute-decide = Memutuskan sengketa
