-- PostgreSQL's title index only: SQLite's FTS5 table searches the title column on its own
-- already. Kept so that both providers hold the same migrations.
SELECT 1;
