-- CreateTable
CREATE TABLE "NotificationPreference" (
    "address" TEXT NOT NULL PRIMARY KEY,
    "mode" TEXT NOT NULL DEFAULT 'IMMEDIATE',
    "updatedAt" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_OutboxMail" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "html" TEXT,
    "ticketId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" DATETIME,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "digest" BOOLEAN NOT NULL DEFAULT false
);
INSERT INTO "new_OutboxMail" ("attempts", "createdAt", "html", "id", "kind", "lastError", "locale", "nextAttemptAt", "sentAt", "status", "subject", "text", "ticketId", "to") SELECT "attempts", "createdAt", "html", "id", "kind", "lastError", "locale", "nextAttemptAt", "sentAt", "status", "subject", "text", "ticketId", "to" FROM "OutboxMail";
DROP TABLE "OutboxMail";
ALTER TABLE "new_OutboxMail" RENAME TO "OutboxMail";
CREATE INDEX "OutboxMail_status_nextAttemptAt_idx" ON "OutboxMail"("status", "nextAttemptAt");
CREATE INDEX "OutboxMail_to_status_idx" ON "OutboxMail"("to", "status");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

