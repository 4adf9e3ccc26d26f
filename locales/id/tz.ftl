# Zona waktu (pengaturan).
label-time-zone = Zona waktu
hint-time-zone = Waktu di halaman dan di email ditampilkan dalam zona ini.
tz-invalid = Pilih zona waktu dari daftar.
