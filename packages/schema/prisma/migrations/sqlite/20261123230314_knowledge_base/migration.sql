-- CreateTable
CREATE TABLE "ArticleVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "articleId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "tags" JSONB NOT NULL DEFAULT [],
    "publishedById" TEXT,
    "publishedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ArticleVersion_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ArticleMonthStat" (
    "articleId" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "views" INTEGER NOT NULL DEFAULT 0,
    "helpfulYes" INTEGER NOT NULL DEFAULT 0,
    "helpfulNo" INTEGER NOT NULL DEFAULT 0,
    "deflections" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("articleId", "month"),
    CONSTRAINT "ArticleMonthStat_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables (edited: existing messages cite no articles, '[]' rather than the bare [] default)
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Message" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ticketId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "internal" BOOLEAN NOT NULL DEFAULT false,
    "authorKind" TEXT NOT NULL,
    "authorStaffId" TEXT,
    "authorContactId" TEXT,
    "authorVisitorId" TEXT,
    "source" TEXT NOT NULL,
    "idempotencyKey" TEXT,
    "emailMessageId" TEXT,
    "citedArticleIds" JSONB NOT NULL DEFAULT [],
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Message_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Message_authorStaffId_fkey" FOREIGN KEY ("authorStaffId") REFERENCES "StaffMember" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Message_authorContactId_fkey" FOREIGN KEY ("authorContactId") REFERENCES "Contact" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Message_authorVisitorId_fkey" FOREIGN KEY ("authorVisitorId") REFERENCES "Visitor" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Message" ("authorContactId", "authorKind", "authorStaffId", "authorVisitorId", "body", "createdAt", "emailMessageId", "id", "idempotencyKey", "internal", "source", "ticketId", "citedArticleIds") SELECT "authorContactId", "authorKind", "authorStaffId", "authorVisitorId", "body", "createdAt", "emailMessageId", "id", "idempotencyKey", "internal", "source", "ticketId", '[]' FROM "Message";
DROP TABLE "Message";
ALTER TABLE "new_Message" RENAME TO "Message";
CREATE UNIQUE INDEX "Message_idempotencyKey_key" ON "Message"("idempotencyKey");
CREATE INDEX "Message_ticketId_createdAt_idx" ON "Message"("ticketId", "createdAt");
CREATE TABLE "new_Article" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "tags" JSONB NOT NULL DEFAULT [],
    "visibility" TEXT NOT NULL DEFAULT 'PUBLIC',
    "organizationId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "publishedAt" DATETIME,
    "authorId" TEXT,
    "sourceTicketId" TEXT,
    "publishedTitle" TEXT,
    "publishedBody" TEXT,
    "publishedTags" JSONB,
    "version" INTEGER NOT NULL DEFAULT 0,
    "views" INTEGER NOT NULL DEFAULT 0,
    "helpfulYes" INTEGER NOT NULL DEFAULT 0,
    "helpfulNo" INTEGER NOT NULL DEFAULT 0,
    "deflections" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Article_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Article_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "StaffMember" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Article" ("authorId", "body", "createdAt", "deflections", "helpfulNo", "helpfulYes", "id", "locale", "organizationId", "publishedAt", "slug", "sourceTicketId", "status", "tags", "title", "updatedAt", "views", "visibility") SELECT "authorId", "body", "createdAt", "deflections", "helpfulNo", "helpfulYes", "id", "locale", "organizationId", "publishedAt", "slug", "sourceTicketId", "status", "tags", "title", "updatedAt", "views", "visibility" FROM "Article";
DROP TABLE "Article";
ALTER TABLE "new_Article" RENAME TO "Article";
CREATE INDEX "Article_status_locale_idx" ON "Article"("status", "locale");
CREATE UNIQUE INDEX "Article_slug_locale_key" ON "Article"("slug", "locale");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "ArticleVersion_articleId_version_key" ON "ArticleVersion"("articleId", "version");


-- Full-text search over published articles (not in schema.prisma; the migrations test leaves
-- the "ArticleSearch" tables out of its comparison). The services write each published
-- article's stemmed title and body here (domain/article-search.ts), and remove it again.
CREATE VIRTUAL TABLE "ArticleSearch" USING fts5(
    "articleId" UNINDEXED,
    "title",
    "body",
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);
