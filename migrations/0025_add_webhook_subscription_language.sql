-- The language a subscription reads anniversary.today in: its headlines, summaries and dates in words, and the links
-- to the pages of that language. A code of src/i18n/languages.ts, checked by the API (so a new language needs no
-- migration); existing subscriptions keep English, as before.
ALTER TABLE webhook_subscriptions ADD COLUMN anniversary_language TEXT NOT NULL DEFAULT 'en';
