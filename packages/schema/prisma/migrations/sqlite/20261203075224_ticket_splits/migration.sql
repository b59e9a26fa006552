-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Ticket" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'NEW',
    "priority" TEXT NOT NULL DEFAULT 'NORMAL',
    "deliveredPriority" TEXT,
    "priorityRank" INTEGER NOT NULL DEFAULT 0,
    "category" TEXT NOT NULL DEFAULT 'PROBLEM',
    "paid" BOOLEAN NOT NULL DEFAULT false,
    "estimateMinutes" INTEGER,
    "estimateKopecks" INTEGER,
    "estimateConfirmedAt" DATETIME,
    "source" TEXT NOT NULL,
    "pageContext" JSONB,
    "organizationId" TEXT,
    "siteId" TEXT,
    "contactId" TEXT,
    "visitorId" TEXT,
    "createdByStaffId" TEXT,
    "assigneeId" TEXT,
    "duplicateOfId" TEXT,
    "idempotencyKey" TEXT,
    "accessTokenHash" TEXT,
    "submitNonceHash" TEXT,
    "needsAuthorization" BOOLEAN NOT NULL DEFAULT false,
    "rejectReason" TEXT,
    "rejectReasonCode" TEXT,
    "splitFromId" TEXT,
    "escalatedAt" DATETIME,
    "escalationReason" TEXT,
    "queuedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reactionStartedAt" DATETIME,
    "reactedAt" DATETIME,
    "reactionDueAt" DATETIME,
    "reactionWarningAt" DATETIME,
    "resolutionTargetMinutes" INTEGER,
    "resolutionElapsedMinutes" REAL NOT NULL DEFAULT 0,
    "resolutionRunningSince" DATETIME,
    "resolutionDueAt" DATETIME,
    "resolutionWarningAt" DATETIME,
    "slaCheckAt" DATETIME,
    "slaDueAt" DATETIME,
    "autoAcceptAt" DATETIME,
    "firstResponseAt" DATETIME,
    "startedAt" DATETIME,
    "resolvedAt" DATETIME,
    "acceptedAt" DATETIME,
    "paidAt" DATETIME,
    "rejectedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Ticket_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Ticket_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Ticket_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Ticket_visitorId_fkey" FOREIGN KEY ("visitorId") REFERENCES "Visitor" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Ticket_createdByStaffId_fkey" FOREIGN KEY ("createdByStaffId") REFERENCES "StaffMember" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Ticket_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "StaffMember" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Ticket_duplicateOfId_fkey" FOREIGN KEY ("duplicateOfId") REFERENCES "Ticket" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Ticket_splitFromId_fkey" FOREIGN KEY ("splitFromId") REFERENCES "Ticket" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Ticket" ("acceptedAt", "accessTokenHash", "assigneeId", "autoAcceptAt", "category", "contactId", "createdAt", "createdByStaffId", "deliveredPriority", "description", "duplicateOfId", "escalatedAt", "escalationReason", "estimateConfirmedAt", "estimateKopecks", "estimateMinutes", "firstResponseAt", "id", "idempotencyKey", "needsAuthorization", "number", "organizationId", "pageContext", "paid", "paidAt", "priority", "priorityRank", "queuedAt", "reactedAt", "reactionDueAt", "reactionStartedAt", "reactionWarningAt", "rejectReason", "rejectReasonCode", "rejectedAt", "resolutionDueAt", "resolutionElapsedMinutes", "resolutionRunningSince", "resolutionTargetMinutes", "resolutionWarningAt", "resolvedAt", "siteId", "slaCheckAt", "slaDueAt", "source", "startedAt", "status", "submitNonceHash", "title", "updatedAt", "visitorId") SELECT "acceptedAt", "accessTokenHash", "assigneeId", "autoAcceptAt", "category", "contactId", "createdAt", "createdByStaffId", "deliveredPriority", "description", "duplicateOfId", "escalatedAt", "escalationReason", "estimateConfirmedAt", "estimateKopecks", "estimateMinutes", "firstResponseAt", "id", "idempotencyKey", "needsAuthorization", "number", "organizationId", "pageContext", "paid", "paidAt", "priority", "priorityRank", "queuedAt", "reactedAt", "reactionDueAt", "reactionStartedAt", "reactionWarningAt", "rejectReason", "rejectReasonCode", "rejectedAt", "resolutionDueAt", "resolutionElapsedMinutes", "resolutionRunningSince", "resolutionTargetMinutes", "resolutionWarningAt", "resolvedAt", "siteId", "slaCheckAt", "slaDueAt", "source", "startedAt", "status", "submitNonceHash", "title", "updatedAt", "visitorId" FROM "Ticket";
DROP TABLE "Ticket";
ALTER TABLE "new_Ticket" RENAME TO "Ticket";
CREATE UNIQUE INDEX "Ticket_number_key" ON "Ticket"("number");
CREATE UNIQUE INDEX "Ticket_idempotencyKey_key" ON "Ticket"("idempotencyKey");
CREATE UNIQUE INDEX "Ticket_accessTokenHash_key" ON "Ticket"("accessTokenHash");
CREATE INDEX "Ticket_priorityRank_queuedAt_id_idx" ON "Ticket"("priorityRank" DESC, "queuedAt", "id");
CREATE INDEX "Ticket_organizationId_createdAt_idx" ON "Ticket"("organizationId", "createdAt");
CREATE INDEX "Ticket_siteId_idx" ON "Ticket"("siteId");
CREATE INDEX "Ticket_assigneeId_idx" ON "Ticket"("assigneeId");
CREATE INDEX "Ticket_autoAcceptAt_idx" ON "Ticket"("autoAcceptAt");
CREATE INDEX "Ticket_slaCheckAt_idx" ON "Ticket"("slaCheckAt");
CREATE INDEX "Ticket_slaDueAt_idx" ON "Ticket"("slaDueAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

