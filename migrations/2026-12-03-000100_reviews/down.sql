DROP TABLE member_ratings;
DROP TABLE reviews;
