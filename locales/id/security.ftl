error-busy-title = Pasar sedang sangat sibuk
error-busy-text = Terlalu banyak permintaan yang sedang diproses. Silakan coba lagi dalam beberapa detik; isian Anda belum tersimpan.
flash-session-expired = Sesi Anda berakhir demi keamanan. Silakan masuk lagi.
flash-signed-out-everywhere = Anda sekarang keluar dari semua perangkat, termasuk yang ini.
settings-sessions = Perangkat
settings-sessions-lead = Keluar dari semua tempat Anda masuk, misalnya di ponsel yang hilang atau komputer bersama.
settings-sessions-submit = Keluar dari semua perangkat
