## Requests refused for control characters (src/web/hygiene.rs)
hygiene-refused-text = Alamat atau permintaan ini mengandung karakter yang tidak diizinkan (misalnya byte NUL). Silakan periksa tautannya dan coba lagi.
