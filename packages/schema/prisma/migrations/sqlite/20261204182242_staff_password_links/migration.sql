-- CreateTable
CREATE TABLE "StaffPasswordLink" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "staffId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    CONSTRAINT "StaffPasswordLink_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "StaffMember" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "StaffPasswordLink_tokenHash_key" ON "StaffPasswordLink"("tokenHash");

-- CreateIndex
CREATE INDEX "StaffPasswordLink_staffId_idx" ON "StaffPasswordLink"("staffId");

