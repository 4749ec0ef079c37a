// zod-free lists of the voice (随手拍) contracts, safe for the browser bundle.

/** A report's life: new → accepted → in progress → resolved (the reporter confirms → closed, or "not fixed" reopens it); merged into another. */
export const reportStatuses = ['new', 'accepted', 'in_progress', 'resolved', 'closed', 'merged'] as const;
export type ReportStatus = (typeof reportStatuses)[number];
/** Statuses in which the responsible org still owes an answer (the time limit runs). */
export const OPEN_REPORT_STATUSES = ['new', 'accepted', 'in_progress'] as const;

export const reportEventKinds = ['created', 'accepted', 'progress', 'reply', 'resolved', 'confirmed', 'reopened', 'reassigned', 'escalated', 'merged', 'me_too'] as const;
export type ReportEventKind = (typeof reportEventKinds)[number];

/** "我也遇到了": open reports of the same category this close to a new one are offered first. */
export const ME_TOO_RADIUS_METRES = 200;
/** Photos a report may carry. */
export const MAX_REPORT_PHOTOS = 3;
