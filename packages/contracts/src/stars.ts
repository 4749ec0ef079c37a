import { z } from 'zod';
import { pageQuerySchema, versionSchema } from './common';

/**
 * Star ratings (评星定级), signage and worker feedback on service positions (issue #4, points
 * 8–10). The browser imports only types and the zod-free lists in ./stars-domain.
 */
import { criterionSources, issueCategories, issueStatuses } from './stars-domain';

export * from './stars-domain';

const criterionKey = z.string().regex(/^[a-z][a-z0-9_]{1,31}$/, { error: 'RUBRIC_KEY_FORMAT' });

export const rubricCriterionSchema = z.strictObject({
  key: criterionKey,
  name: z.string().trim().min(1).max(30),
  nameEn: z.string().trim().max(60).optional(),
  /** Share of the total, percent; the weights of a rubric add up to 100. */
  weight: z.number().int().min(1).max(100),
  /** The inspector's scale for this criterion (0..maxPoints). */
  maxPoints: z.number().int().min(1).max(100),
  source: z.enum(criterionSources),
});
export type RubricCriterion = z.infer<typeof rubricCriterionSchema>;

export const saveRubricSchema = z.strictObject({
  criteria: z.array(rubricCriterionSchema).min(1).max(12),
  /** The version the edit was based on; omitted when the org has no stored rubric yet. */
  version: versionSchema.optional(),
});
export type SaveRubric = z.infer<typeof saveRubricSchema>;

export const rubricSchema = z.object({
  org: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
  /** true: no rubric stored for this org, the built-in default applies. */
  isDefault: z.boolean(),
  criteria: z.array(rubricCriterionSchema),
  version: z.number().int().nullable(),
  updatedAt: z.string().nullable(),
});
export type Rubric = z.infer<typeof rubricSchema>;

export const rubricQuerySchema = z.strictObject({ orgId: z.uuid() });

export const createInspectionSchema = z.strictObject({
  positionId: z.uuid(),
  /** YYYY-MM-DD, the day of the visit (Asia/Shanghai); not in the future. */
  inspectedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'SCHEDULE_DATE_FORMAT' }),
  /** Points per inspector-scored criterion key (0..maxPoints). */
  scores: z.record(z.string(), z.number().min(0).max(100)),
  notes: z.string().trim().max(2000).optional(),
  photoIds: z.array(z.uuid()).max(9).default([]),
});
export type CreateInspection = z.infer<typeof createInspectionSchema>;

export const inspectionSchema = z.object({
  id: z.uuid(),
  position: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
  year: z.number().int(),
  inspectedOn: z.string(),
  inspectorName: z.string(),
  criteria: z.array(rubricCriterionSchema),
  scores: z.record(z.string(), z.number()),
  facilities: z.array(z.string()),
  missingFacilities: z.array(z.string()),
  notes: z.string().nullable(),
  photoIds: z.array(z.uuid()),
  createdAt: z.string(),
});
export type Inspection = z.infer<typeof inspectionSchema>;

export const listInspectionsQuerySchema = pageQuerySchema.extend({
  positionId: z.uuid().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

export const criterionResultSchema = z.object({
  key: z.string(),
  name: z.string(),
  weight: z.number(),
  /** 0..1, null when there is nothing to score it by (left out, the other weights scaled up). */
  fraction: z.number().nullable(),
  /** Where the figure came from. */
  basis: z.enum(['inspections', 'facilities', 'worker_ratings', 'access', 'none']),
});

export const starResultSchema = z.object({
  year: z.number().int(),
  /** 1–5, null = not rated (no inspection that year). */
  stars: z.number().int().nullable(),
  score: z.number().nullable(),
  criteria: z.array(criterionResultSchema),
  inspections: z.number().int(),
  ratingAverage: z.number().nullable(),
  ratingCount: z.number().int(),
  missingFacilities: z.array(z.string()),
  /** Plain warnings: rated while standard facilities are missing, capped, too few ratings. */
  warnings: z.array(z.string()),
});
export type StarResult = z.infer<typeof starResultSchema>;

export const positionStarsSchema = z.object({
  position: z.object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    type: z.string(),
    org: z.object({ id: z.uuid(), name: z.string() }),
  }),
  current: starResultSchema,
  history: z.array(starResultSchema),
});

export const listStarsQuerySchema = pageQuerySchema.extend({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  orgId: z.uuid().optional(),
  stars: z.coerce.number().int().min(0).max(5).optional(),
  missingOnly: z.enum(['true', 'false']).optional(),
});

export const starRowSchema = z.object({
  position: z.object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    type: z.string(),
    org: z.object({ id: z.uuid(), name: z.string() }),
  }),
  result: starResultSchema,
});
export type StarRow = z.infer<typeof starRowSchema>;

export const candidatesQuerySchema = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  orgId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
export const candidateSchema = starRowSchema.extend({ reason: z.string() });

/** POST /feedback/photos answer: the id to attach to an inspection or a report. */
export const photoSchema = z.object({
  id: z.uuid(),
  contentType: z.string(),
  size: z.number().int(),
});

export const rateSchema = z.strictObject({
  stars: z.number().int().min(1).max(5),
  comment: z.string().trim().max(200).optional(),
});
export type Rate = z.infer<typeof rateSchema>;
export const myRatingSchema = z.object({
  month: z.string(),
  stars: z.number().int(),
  comment: z.string().nullable(),
  updatedAt: z.string(),
});

export const reportIssueSchema = z.strictObject({
  category: z.enum(issueCategories),
  text: z.string().trim().min(2).max(500),
  photoId: z.uuid().optional(),
});
export type ReportIssue = z.infer<typeof reportIssueSchema>;

export const issueSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  position: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
  category: z.enum(issueCategories),
  text: z.string(),
  photoId: z.uuid().nullable(),
  status: z.enum(issueStatuses),
  assignee: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  resolutionNote: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  /** Staff see who reported it (masked phone); the worker's own list leaves it out. */
  reporter: z.object({ name: z.string(), phoneMasked: z.string().nullable() }).optional(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Issue = z.infer<typeof issueSchema>;

export const listIssuesQuerySchema = pageQuerySchema.extend({
  status: z.enum(issueStatuses).optional(),
  category: z.enum(issueCategories).optional(),
  positionId: z.uuid().optional(),
  q: z.string().trim().max(50).optional(),
});
export const assignIssueSchema = z.strictObject({
  userId: z.uuid(),
  version: versionSchema,
});
export const resolveIssueSchema = z.strictObject({
  note: z.string().trim().min(2).max(500),
  version: versionSchema,
});
export const assigneeSchema = z.object({ id: z.uuid(), name: z.string() });

export const myFeedbackSchema = z.object({
  issues: z.array(issueSchema),
  ratings: z.array(
    myRatingSchema.extend({
      position: z.object({ code: z.string(), name: z.string() }),
    }),
  ),
});

/** GET /public/positions/:code — what the sign at the door and its QR page show. Nothing personal. */
export const publicPositionSchema = z.object({
  code: z.string(),
  name: z.string(),
  type: z.string(),
  orgName: z.string(),
  address: z.string(),
  location: z.object({ lng: z.number(), lat: z.number() }),
  locationGcj02: z.object({ lng: z.number(), lat: z.number() }),
  status: z.string(),
  is24h: z.boolean(),
  weekly: z.array(z.array(z.object({ start: z.string(), end: z.string() }))),
  todayHours: z.array(z.string()),
  isOpenNow: z.boolean(),
  serves: z.array(z.string()),
  facilities: z.array(z.string()),
  contactPhone: z.string().nullable(),
  rating: z.object({
    year: z.number().int(),
    stars: z.number().int().nullable(),
    /** The last rated year's stars when this year has none yet. */
    lastYear: z.object({ year: z.number().int(), stars: z.number().int() }).nullable(),
    average: z.number().nullable(),
    count: z.number().int(),
  }),
});
export type PublicPosition = z.infer<typeof publicPositionSchema>;
export const codeParamsSchema = z.object({
  code: z.string().regex(/^[A-Z0-9][A-Z0-9-]{1,31}$/, { error: 'POSITION_CODE_FORMAT' }),
});
