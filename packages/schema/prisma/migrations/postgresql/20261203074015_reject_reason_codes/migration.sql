-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN     "rejectReasonCode" TEXT;


-- Refusals made before reasons had codes: a linked duplicate, else another reason.
UPDATE "Ticket" SET "rejectReasonCode" = 'DUPLICATE' WHERE "status" = 'REJECTED' AND "duplicateOfId" IS NOT NULL;
UPDATE "Ticket" SET "rejectReasonCode" = 'OTHER' WHERE "status" = 'REJECTED' AND "rejectReasonCode" IS NULL;
