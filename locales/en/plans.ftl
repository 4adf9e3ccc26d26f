error-slow-text = This page took too long to prepare, so we stopped. Please try again in a few seconds, or narrow your search with fewer words or filters.
error-searches-text = You already have several searches running. Please wait for them to finish, then try again.
search-query-cut = Your search was too long: only its first { $words } words (at most 200 characters) were searched.
