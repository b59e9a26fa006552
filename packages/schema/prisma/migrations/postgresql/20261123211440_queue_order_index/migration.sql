-- DropIndex
DROP INDEX "Ticket_status_priorityRank_queuedAt_idx";

-- CreateIndex
CREATE INDEX "Ticket_priorityRank_queuedAt_id_idx" ON "Ticket"("priorityRank" DESC, "queuedAt", "id");

