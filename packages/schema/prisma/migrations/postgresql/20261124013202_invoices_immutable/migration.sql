-- Issued invoices are documents: their content never changes and they are never deleted; a
-- change is a new CORRECTION document (docs/billing.md). Only the payment (status, paidAt)
-- is recorded on an issued invoice. Written by hand: Prisma's model has no triggers.
CREATE FUNCTION "caredesk_invoice_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'issued invoices are immutable: issue a correction' USING ERRCODE = 'restrict_violation';
END
$$;

CREATE TRIGGER "Invoice_issued_immutable"
BEFORE UPDATE OF "organizationId", "number", "key", "kind", "month", "correctsId", "totalKopecks", "issuedAt" ON "Invoice"
FOR EACH ROW EXECUTE FUNCTION "caredesk_invoice_immutable"();

CREATE TRIGGER "Invoice_never_deleted"
BEFORE DELETE ON "Invoice"
FOR EACH ROW EXECUTE FUNCTION "caredesk_invoice_immutable"();

CREATE TRIGGER "InvoiceLine_immutable"
BEFORE UPDATE OF "invoiceId", "position", "kind", "description", "descriptionEn", "minutes", "rateKopecks", "coefficientPercent", "priority", "amountKopecks" ON "InvoiceLine"
FOR EACH ROW EXECUTE FUNCTION "caredesk_invoice_immutable"();

CREATE TRIGGER "InvoiceLine_never_deleted"
BEFORE DELETE ON "InvoiceLine"
FOR EACH ROW EXECUTE FUNCTION "caredesk_invoice_immutable"();
