-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "citedArticleIds" JSONB NOT NULL DEFAULT '[]';

-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "publishedBody" TEXT,
ADD COLUMN     "publishedTags" JSONB,
ADD COLUMN     "publishedTitle" TEXT,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "ArticleVersion" (
    "id" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "tags" JSONB NOT NULL DEFAULT '[]',
    "publishedById" TEXT,
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ArticleVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ArticleMonthStat" (
    "articleId" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "views" INTEGER NOT NULL DEFAULT 0,
    "helpfulYes" INTEGER NOT NULL DEFAULT 0,
    "helpfulNo" INTEGER NOT NULL DEFAULT 0,
    "deflections" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ArticleMonthStat_pkey" PRIMARY KEY ("articleId","month")
);

-- CreateIndex
CREATE UNIQUE INDEX "ArticleVersion_articleId_version_key" ON "ArticleVersion"("articleId", "version");

-- CreateIndex
CREATE INDEX "Article_status_locale_idx" ON "Article"("status", "locale");

-- AddForeignKey
ALTER TABLE "ArticleVersion" ADD CONSTRAINT "ArticleVersion_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleMonthStat" ADD CONSTRAINT "ArticleMonthStat_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Full-text search over published articles (not in schema.prisma; the migrations test leaves
-- "searchVector" out of its comparison). The russian configuration stems Russian words with
-- Snowball and Latin ones with the English stemmer; the title weighs more than the body.
ALTER TABLE "Article" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('russian'::regconfig, coalesce("publishedTitle", '')), 'A') ||
    setweight(to_tsvector('russian'::regconfig, coalesce("publishedBody", '')), 'B')
) STORED;

CREATE INDEX "Article_searchVector_idx" ON "Article" USING GIN ("searchVector");
