-- Titles searched on their own first (type-ahead suggestions): the titles' tsvector stored and
-- indexed, so that a common prefix neither makes every article's whole vector be read nor
-- every matching title be parsed again for ranking.
-- Not in schema.prisma; the migrations test leaves "searchVector…" objects out of its comparison.
ALTER TABLE "Article" ADD COLUMN "searchVectorTitle" tsvector GENERATED ALWAYS AS (
    to_tsvector('russian'::regconfig, coalesce("publishedTitle", ''))
) STORED;

CREATE INDEX "Article_searchVectorTitle_idx" ON "Article" USING GIN ("searchVectorTitle");
