ALTER TABLE outbound_emails DROP COLUMN unsubscribe_url;
DROP TABLE notification_optouts;
