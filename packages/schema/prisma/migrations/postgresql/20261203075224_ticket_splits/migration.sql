-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN     "splitFromId" TEXT;

-- AddForeignKey
ALTER TABLE "Ticket" ADD CONSTRAINT "Ticket_splitFromId_fkey" FOREIGN KEY ("splitFromId") REFERENCES "Ticket"("id") ON DELETE SET NULL ON UPDATE CASCADE;

