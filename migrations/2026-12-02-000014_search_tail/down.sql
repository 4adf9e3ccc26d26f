DROP STATISTICS IF EXISTS listings_lower_country_stats;
DROP STATISTICS IF EXISTS listings_lower_city_stats;
