## Requests refused for control characters (src/web/hygiene.rs)
hygiene-refused-text = L'adresse ou la requête contenait des caractères non autorisés (comme un octet NUL). Veuillez vérifier le lien et réessayer.
