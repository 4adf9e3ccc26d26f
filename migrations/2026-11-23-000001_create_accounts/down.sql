DROP TABLE rate_limits;
DROP TABLE email_tokens;
DROP TABLE users;
