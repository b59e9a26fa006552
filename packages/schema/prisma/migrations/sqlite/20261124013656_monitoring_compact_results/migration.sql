-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Monitor" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "siteId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "config" JSONB NOT NULL,
    "intervalSeconds" INTEGER NOT NULL DEFAULT 60,
    "retryIntervalSeconds" INTEGER NOT NULL DEFAULT 20,
    "timeoutMs" INTEGER NOT NULL DEFAULT 10000,
    "degradedAfterMs" INTEGER,
    "central" BOOLEAN NOT NULL DEFAULT true,
    "paused" BOOLEAN NOT NULL DEFAULT false,
    "state" TEXT NOT NULL DEFAULT 'PENDING',
    "stateSince" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "nextCheckAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastCheckAt" DATETIME,
    "tallies" JSONB,
    "lastEvidence" JSONB,
    "leaseOwner" TEXT,
    "leaseUntil" DATETIME,
    "expiryWarnedDays" INTEGER,
    "expiresAt" DATETIME,
    "heartbeatTokenHash" TEXT,
    "lastHeartbeatAt" DATETIME,
    "incidentTicketId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Monitor_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Monitor_incidentTicketId_fkey" FOREIGN KEY ("incidentTicketId") REFERENCES "Ticket" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Monitor" ("central", "config", "createdAt", "degradedAfterMs", "expiresAt", "expiryWarnedDays", "heartbeatTokenHash", "id", "incidentTicketId", "intervalSeconds", "kind", "lastCheckAt", "lastEvidence", "lastHeartbeatAt", "leaseOwner", "leaseUntil", "name", "nextCheckAt", "paused", "retryIntervalSeconds", "siteId", "state", "stateSince", "tallies", "timeoutMs", "updatedAt") SELECT "central", "config", "createdAt", "degradedAfterMs", "expiresAt", "expiryWarnedDays", "heartbeatTokenHash", "id", "incidentTicketId", "intervalSeconds", "kind", "lastCheckAt", "lastEvidence", "lastHeartbeatAt", "leaseOwner", "leaseUntil", "name", "nextCheckAt", "paused", "retryIntervalSeconds", "siteId", "state", "stateSince", "tallies", "timeoutMs", "updatedAt" FROM "Monitor";
DROP TABLE "Monitor";
ALTER TABLE "new_Monitor" RENAME TO "Monitor";
CREATE UNIQUE INDEX "Monitor_heartbeatTokenHash_key" ON "Monitor"("heartbeatTokenHash");
CREATE INDEX "Monitor_siteId_idx" ON "Monitor"("siteId");
CREATE INDEX "Monitor_paused_nextCheckAt_idx" ON "Monitor"("paused", "nextCheckAt");
CREATE TABLE "new_CheckResult" (
    "monitorId" TEXT NOT NULL,
    "agentId" TEXT,
    "location" TEXT NOT NULL DEFAULT 'central',
    "checkedAt" DATETIME NOT NULL,
    "outcome" TEXT NOT NULL,
    "responseTimeMs" INTEGER,
    "statusCode" INTEGER,
    "message" TEXT,
    "details" JSONB,

    PRIMARY KEY ("monitorId", "checkedAt", "location"),
    CONSTRAINT "CheckResult_monitorId_fkey" FOREIGN KEY ("monitorId") REFERENCES "Monitor" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CheckResult_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "MonitorAgent" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_CheckResult" ("agentId", "checkedAt", "details", "location", "message", "monitorId", "outcome", "responseTimeMs", "statusCode") SELECT "agentId", "checkedAt", "details", "location", "message", "monitorId", "outcome", "responseTimeMs", "statusCode" FROM "CheckResult";
DROP TABLE "CheckResult";
ALTER TABLE "new_CheckResult" RENAME TO "CheckResult";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

