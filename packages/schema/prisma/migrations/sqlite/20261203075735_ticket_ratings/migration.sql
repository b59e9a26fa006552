-- CreateTable
CREATE TABLE "TicketRating" (
    "ticketId" TEXT NOT NULL PRIMARY KEY,
    "score" INTEGER,
    "comment" TEXT,
    "linkTokenHash" TEXT NOT NULL,
    "openUntil" DATETIME NOT NULL,
    "ratedAt" DATETIME,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "TicketRating_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "TicketRating_linkTokenHash_key" ON "TicketRating"("linkTokenHash");

