-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Site" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "allowedOrigins" JSONB NOT NULL DEFAULT [],
    "publicKey" TEXT NOT NULL,
    "widgetSettings" JSONB,
    "statusPage" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Site_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Site" ("allowedOrigins", "createdAt", "id", "name", "organizationId", "publicKey", "updatedAt", "url", "widgetSettings") SELECT "allowedOrigins", "createdAt", "id", "name", "organizationId", "publicKey", "updatedAt", "url", "widgetSettings" FROM "Site";
DROP TABLE "Site";
ALTER TABLE "new_Site" RENAME TO "Site";
CREATE UNIQUE INDEX "Site_publicKey_key" ON "Site"("publicKey");
CREATE INDEX "Site_organizationId_idx" ON "Site"("organizationId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

