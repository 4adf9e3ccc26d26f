order-protection-pending = Setelah dibayar, uang ditahan oleh Pasar sampai pembeli mengonfirmasi penerimaan. Data kartu tidak pernah sampai ke Pasar.
order-protection-released = Pasar meneruskan uang kepada penjual saat pesanan selesai. Data kartu tidak pernah sampai ke Pasar.
order-protection-returned = Uang telah dikembalikan kepada pembeli. Data kartu tidak pernah sampai ke Pasar.
order-protection-none = Tidak ada uang yang diambil untuk pesanan ini. Data kartu tidak pernah sampai ke Pasar.
