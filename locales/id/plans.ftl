error-slow-text = Halaman ini terlalu lama disiapkan, jadi kami menghentikannya. Silakan coba lagi dalam beberapa detik, atau persempit pencarian Anda dengan lebih sedikit kata atau filter.
error-searches-text = Anda sudah menjalankan beberapa pencarian. Harap tunggu hingga selesai, lalu coba lagi.
search-query-cut = Pencarian Anda terlalu panjang: hanya { $words } kata pertama (paling banyak 200 karakter) yang dicari.
