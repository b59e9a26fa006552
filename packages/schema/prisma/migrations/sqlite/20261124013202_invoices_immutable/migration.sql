-- Issued invoices are documents: their content never changes and they are never deleted; a
-- change is a new CORRECTION document (docs/billing.md). Only the payment (status, paidAt)
-- is recorded on an issued invoice. Written by hand: Prisma's model has no triggers.
-- Note: a later migration that redefines these tables on SQLite (new_Invoice, rename) drops
-- the triggers with them and must create them again.
CREATE TRIGGER "Invoice_issued_immutable"
BEFORE UPDATE OF "organizationId", "number", "key", "kind", "month", "correctsId", "totalKopecks", "issuedAt" ON "Invoice"
BEGIN
  SELECT RAISE(ABORT, 'issued invoices are immutable: issue a correction');
END;

CREATE TRIGGER "Invoice_never_deleted"
BEFORE DELETE ON "Invoice"
BEGIN
  SELECT RAISE(ABORT, 'issued invoices are immutable: issue a correction');
END;

CREATE TRIGGER "InvoiceLine_immutable"
BEFORE UPDATE OF "invoiceId", "position", "kind", "description", "descriptionEn", "minutes", "rateKopecks", "coefficientPercent", "priority", "amountKopecks" ON "InvoiceLine"
BEGIN
  SELECT RAISE(ABORT, 'issued invoices are immutable: issue a correction');
END;

CREATE TRIGGER "InvoiceLine_never_deleted"
BEFORE DELETE ON "InvoiceLine"
BEGIN
  SELECT RAISE(ABORT, 'issued invoices are immutable: issue a correction');
END;
