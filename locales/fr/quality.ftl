# Page quality (issue 10): headings and names the page checkers asked for.
search-results-list = Annonces trouvées
