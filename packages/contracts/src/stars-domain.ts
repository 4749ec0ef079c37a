// zod-free lists of the star-rating and feedback contracts, safe for the browser bundle.

/**
 * Where a rubric criterion's figure comes from: the inspector's score; the position's facilities
 * against the standard; the workers' 1–5 ratings of the year; or the access (smart door) figures,
 * which fall back to the inspector's score until that module reports them.
 */
export const criterionSources = ['inspector', 'facilities', 'worker_ratings', 'access'] as const;
export type CriterionSource = (typeof criterionSources)[number];

export const issueCategories = ['facility_broken', 'closed_when_open', 'hygiene', 'supplies_out', 'safety', 'staff_service', 'other'] as const;
export type IssueCategory = (typeof issueCategories)[number];
export const issueStatuses = ['open', 'assigned', 'resolved'] as const;
export type IssueStatus = (typeof issueStatuses)[number];

/** Photos of inspections and reports: JPEG, PNG or WebP up to 5 MB. */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
/**
 * Supporting documents (困难证明, 录取通知书, 病历 …) may also be a PDF scan, up to 10 MB: POST /documents
 * into the same store. Only the records that take documents accept a PDF's id; the rest stay photos.
 */
export const DOCUMENT_TYPES = [...PHOTO_TYPES, 'application/pdf'] as const;
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
