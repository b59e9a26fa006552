export {
  type ContractInput,
  createContract,
  createTariff,
  setBillingRules,
  type TariffInput,
} from './billing-admin.ts';
export { type BillingTerms, billingTermsFor, monthOf, studioTimeZone } from './billing-terms.ts';
export {
  issueDueMonthlyInvoices,
  issueMonthlyInvoice,
  issueTicketInvoice,
  markTicketInvoicePaid,
} from './invoices.ts';
export { organizationMonth } from './month-bill-of.ts';
export { type MonthlyReportData, monthlyReport, type ReportLine, type ReportWork } from './monthly-report.ts';
export { logTime, startTimer, stopTimer, summarizeTime, type TimeSummary } from './time-entries.ts';
export { deleteTimeEntry, type TimeEntryChange, updateTimeEntry } from './time-entry-edit.ts';
