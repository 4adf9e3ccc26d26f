# Tanda penipuan dan batas anggota baru (isu 11).
signals-warning-title = Sebelum memasang: teks Anda berisi detail yang membawa pembeli keluar dari Pasar.
signals-warning-why = Perlindungan pembeli hanya berlaku untuk pembayaran di Pasar. Pembeli yang membayar lewat transfer atau menghubungi Anda di aplikasi lain tidak terlindungi, dan penipu justru meminta hal ini. Hapus detail tersebut, atau tetap pasang: moderator akan memeriksa iklan ini.
signals-publish-anyway = Tetap pasang (moderator akan memeriksa iklan ini)
signals-kind-phone = Nomor telepon
signals-kind-email = Alamat email
signals-kind-iban = Nomor rekening bank (IBAN)
signals-kind-messaging = Kontak aplikasi pesan
signals-kind-off_site = Ajakan membayar atau berkomunikasi di luar Pasar
signals-publish-from-form = Draf ini berisi detail kontak atau ajakan membayar di luar Pasar. Periksa peringatan di bawah dan pasang dari formulir ini.
signals-limit-reached = Selama { $days } hari pertama, anggota baru dapat memasang { $count } iklan dalam 24 jam. Simpan sebagai draf dan pasang nanti.
