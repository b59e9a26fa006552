-- CreateTable
CREATE TABLE "TicketRating" (
    "ticketId" TEXT NOT NULL,
    "score" INTEGER,
    "comment" TEXT,
    "linkTokenHash" TEXT NOT NULL,
    "openUntil" TIMESTAMP(3) NOT NULL,
    "ratedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TicketRating_pkey" PRIMARY KEY ("ticketId")
);

-- CreateIndex
CREATE UNIQUE INDEX "TicketRating_linkTokenHash_key" ON "TicketRating"("linkTokenHash");

-- AddForeignKey
ALTER TABLE "TicketRating" ADD CONSTRAINT "TicketRating_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

