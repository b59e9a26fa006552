-- CreateTable
CREATE TABLE "StaffPasswordLink" (
    "id" TEXT NOT NULL,
    "staffId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "StaffPasswordLink_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "StaffPasswordLink_tokenHash_key" ON "StaffPasswordLink"("tokenHash");

-- CreateIndex
CREATE INDEX "StaffPasswordLink_staffId_idx" ON "StaffPasswordLink"("staffId");

-- AddForeignKey
ALTER TABLE "StaffPasswordLink" ADD CONSTRAINT "StaffPasswordLink_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "StaffMember"("id") ON DELETE CASCADE ON UPDATE CASCADE;

