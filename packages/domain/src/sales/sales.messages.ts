/** The notifications sales sends; each has its `notify.<kind>` template in i18n/messages.ts. */
export const SALES_NOTIFY_KINDS = ['lead.awaiting_evaluation', 'lead.assigned', 'proposal.awaiting_review', 'proposal.returned', 'proposal.approved', 'customer.returned_to_pool'] as const;
