-- AlterTable
ALTER TABLE "CheckResult" ADD COLUMN "details" JSONB;

-- CreateTable
CREATE TABLE "MonitorAssignment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "monitorId" TEXT NOT NULL,
    "agentId" TEXT NOT NULL,
    "nextCheckAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseUntil" DATETIME,
    "lastReportAt" DATETIME,
    CONSTRAINT "MonitorAssignment_monitorId_fkey" FOREIGN KEY ("monitorId") REFERENCES "Monitor" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MonitorAssignment_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "MonitorAgent" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MonitorStateChange" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "monitorId" TEXT NOT NULL,
    "fromState" TEXT NOT NULL,
    "toState" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    "reason" TEXT,
    "evidence" JSONB,
    "incidentId" TEXT,
    CONSTRAINT "MonitorStateChange_monitorId_fkey" FOREIGN KEY ("monitorId") REFERENCES "Monitor" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MonitorStateChange_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "MonitorIncident" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MonitorIncident" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "monitorId" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL,
    "endedAt" DATETIME,
    "ticketId" TEXT,
    "inMaintenance" BOOLEAN NOT NULL DEFAULT false,
    "evidence" JSONB,
    CONSTRAINT "MonitorIncident_monitorId_fkey" FOREIGN KEY ("monitorId") REFERENCES "Monitor" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MonitorRollup" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "monitorId" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "bucketStart" DATETIME NOT NULL,
    "checks" INTEGER NOT NULL,
    "up" INTEGER NOT NULL,
    "degraded" INTEGER NOT NULL,
    "down" INTEGER NOT NULL,
    "errors" INTEGER NOT NULL,
    "minMs" INTEGER,
    "avgMs" INTEGER,
    "p95Ms" INTEGER,
    "maxMs" INTEGER,
    CONSTRAINT "MonitorRollup_monitorId_fkey" FOREIGN KEY ("monitorId") REFERENCES "Monitor" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MaintenanceWindow" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "monitorId" TEXT,
    "siteId" TEXT,
    "organizationId" TEXT,
    "startsAt" DATETIME NOT NULL,
    "endsAt" DATETIME,
    "recurring" BOOLEAN NOT NULL DEFAULT false,
    "weekdays" JSONB NOT NULL DEFAULT [],
    "localStart" TEXT,
    "durationMinutes" INTEGER,
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MaintenanceWindow_monitorId_fkey" FOREIGN KEY ("monitorId") REFERENCES "Monitor" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

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
    "tallies" JSONB NOT NULL DEFAULT '{}',
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
INSERT INTO "new_Monitor" ("config", "createdAt", "heartbeatTokenHash", "id", "incidentTicketId", "intervalSeconds", "kind", "lastCheckAt", "name", "nextCheckAt", "paused", "retryIntervalSeconds", "siteId", "state", "stateSince", "timeoutMs", "updatedAt") SELECT "config", "createdAt", "heartbeatTokenHash", "id", "incidentTicketId", "intervalSeconds", "kind", "lastCheckAt", "name", "nextCheckAt", "paused", "retryIntervalSeconds", "siteId", "state", "stateSince", "timeoutMs", "updatedAt" FROM "Monitor";
DROP TABLE "Monitor";
ALTER TABLE "new_Monitor" RENAME TO "Monitor";
CREATE UNIQUE INDEX "Monitor_heartbeatTokenHash_key" ON "Monitor"("heartbeatTokenHash");
CREATE INDEX "Monitor_siteId_idx" ON "Monitor"("siteId");
CREATE INDEX "Monitor_paused_nextCheckAt_idx" ON "Monitor"("paused", "nextCheckAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "MonitorAssignment_agentId_nextCheckAt_idx" ON "MonitorAssignment"("agentId", "nextCheckAt");

-- CreateIndex
CREATE UNIQUE INDEX "MonitorAssignment_monitorId_agentId_key" ON "MonitorAssignment"("monitorId", "agentId");

-- CreateIndex
CREATE INDEX "MonitorStateChange_monitorId_at_idx" ON "MonitorStateChange"("monitorId", "at");

-- CreateIndex
CREATE INDEX "MonitorIncident_siteId_startedAt_idx" ON "MonitorIncident"("siteId", "startedAt");

-- CreateIndex
CREATE INDEX "MonitorIncident_monitorId_startedAt_idx" ON "MonitorIncident"("monitorId", "startedAt");

-- CreateIndex
CREATE INDEX "MonitorRollup_period_bucketStart_idx" ON "MonitorRollup"("period", "bucketStart");

-- CreateIndex
CREATE UNIQUE INDEX "MonitorRollup_monitorId_period_bucketStart_key" ON "MonitorRollup"("monitorId", "period", "bucketStart");

-- CreateIndex
CREATE INDEX "MaintenanceWindow_monitorId_idx" ON "MaintenanceWindow"("monitorId");

-- CreateIndex
CREATE INDEX "MaintenanceWindow_siteId_idx" ON "MaintenanceWindow"("siteId");

-- CreateIndex
CREATE INDEX "MaintenanceWindow_organizationId_idx" ON "MaintenanceWindow"("organizationId");

-- CreateIndex
CREATE INDEX "CheckResult_checkedAt_idx" ON "CheckResult"("checkedAt");

