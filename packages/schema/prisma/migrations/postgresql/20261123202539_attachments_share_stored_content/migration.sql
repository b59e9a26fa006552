-- DropIndex
DROP INDEX "Attachment_storageKey_key";

-- CreateIndex
CREATE INDEX "Attachment_storageKey_idx" ON "Attachment"("storageKey");

