import { z } from 'zod';
import { orgRefSchema } from './orgs';
import { facilityKeys, positionTypes } from './positions';

/** The 15-minute service circle (issue 4, point 7): runs as jobs, results kept to compare over time. */

export const startCoverageRunSchema = z.strictObject({
  areaOrgId: z.uuid(),
  minutes: z.number().min(1).max(60).default(15),
  speedKmh: z.number().min(1).max(20).default(4.5),
  candidates: z.number().int().min(0).max(50).default(10),
  weightLayerId: z.uuid().nullable().optional(),
});
export type StartCoverageRun = z.input<typeof startCoverageRunSchema>;

export const listCoverageRunsQuerySchema = z.object({
  areaOrgId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});

const stationRef = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
});

export const coverageRunSchema = z.object({
  id: z.uuid(),
  area: orgRefSchema,
  status: z.enum(['queued', 'running', 'succeeded', 'failed']),
  /** 0..1 and a line for people while the job runs. */
  progress: z.number(),
  phase: z.string().nullable(),
  error: z.object({ code: z.string(), title: z.string() }).nullable(),
  network: z.object({
    id: z.uuid().nullable(),
    name: z.string(),
    isSynthetic: z.boolean(),
  }),
  weightLayer: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  minutes: z.number(),
  speedKmh: z.number(),
  cutoffMetres: z.number(),
  candidateCount: z.number().int(),
  stationCount: z.number().int(),
  unsnappedCount: z.number().int().nullable(),
  totalLengthM: z.number().nullable(),
  coveredLengthM: z.number().nullable(),
  lengthShare: z.number().nullable(),
  totalWeight: z.number().nullable(),
  coveredWeight: z.number().nullable(),
  weightShare: z.number().nullable(),
  candidates: z.array(
    z.object({
      rank: z.number().int(),
      lng: z.number(),
      lat: z.number(),
      gainMetres: z.number(),
      gainShare: z.number(),
    }),
  ),
  /** Against the previous succeeded run of the same area (null for the first). */
  change: z
    .object({
      previousRunId: z.uuid(),
      stationsAdded: z.array(stationRef),
      stationsRemoved: z.array(stationRef),
      lengthShareDelta: z.number().nullable(),
      weightShareDelta: z.number().nullable(),
    })
    .nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type CoverageRun = z.infer<typeof coverageRunSchema>;

const lngLat = z.tuple([z.number(), z.number()]);
/** GET /coverage-runs/:id/layers: WGS-84 GeoJSON to draw. */
export const coverageLayersSchema = z.object({
  isochrones: z.object({
    type: z.literal('FeatureCollection'),
    features: z.array(
      z.object({
        type: z.literal('Feature'),
        properties: z.record(z.string(), z.unknown()),
        geometry: z.object({
          type: z.literal('MultiPolygon'),
          coordinates: z.array(z.array(z.array(lngLat))),
        }),
      }),
    ),
  }),
  uncovered: z.object({
    type: z.literal('Feature'),
    properties: z.record(z.string(), z.unknown()),
    geometry: z.object({
      type: z.literal('MultiLineString'),
      coordinates: z.array(z.array(lngLat)),
    }),
  }),
  candidates: z.object({
    type: z.literal('FeatureCollection'),
    features: z.array(
      z.object({
        type: z.literal('Feature'),
        properties: z.object({
          rank: z.number(),
          gainMetres: z.number(),
          gainShare: z.number(),
        }),
        geometry: z.object({ type: z.literal('Point'), coordinates: lngLat }),
      }),
    ),
  }),
  positions: z.object({
    type: z.literal('FeatureCollection'),
    features: z.array(
      z.object({
        type: z.literal('Feature'),
        properties: z.object({
          id: z.string(),
          code: z.string(),
          name: z.string(),
        }),
        geometry: z.object({ type: z.literal('Point'), coordinates: lngLat }),
      }),
    ),
  }),
});
export type CoverageLayers = z.infer<typeof coverageLayersSchema>;

/** Areas a run can be started for: orgs in scope with a stored street network. */
export const coverageAreaSchema = z.object({
  org: orgRefSchema,
  network: z.object({
    id: z.uuid(),
    name: z.string(),
    isSynthetic: z.boolean(),
    lengthM: z.number(),
    edgeCount: z.number().int(),
    importedAt: z.string(),
  }),
});
export type CoverageArea = z.infer<typeof coverageAreaSchema>;

/** POST /coverage-weight-layers: a GeoJSON FeatureCollection of points with a numeric `weight`. */
export const createWeightLayerSchema = z.strictObject({
  areaOrgId: z.uuid(),
  name: z.string().trim().min(1).max(100),
  geojson: z.unknown(),
});
export const weightLayerSchema = z.object({
  id: z.uuid(),
  area: orgRefSchema,
  name: z.string(),
  pointCount: z.number().int(),
  totalWeight: z.number(),
  createdAt: z.string(),
});
export type WeightLayer = z.infer<typeof weightLayerSchema>;

// -------------------------------------------------------------------------------------------
// Facility standards (issue 4, point 3)

export const standardItemSchema = z.strictObject({
  key: z.enum(facilityKeys),
  label: z.string().trim().max(30).optional(),
});
export const putStandardSchema = z.strictObject({
  name: z.string().trim().min(1).max(50),
  items: z.array(standardItemSchema).min(1).max(facilityKeys.length),
  /** The version the edit was based on; omit when the org has no standard of its own yet. */
  version: z.number().int().min(1).optional(),
});
export type PutStandard = z.infer<typeof putStandardSchema>;

export const facilityStandardSchema = z.object({
  /** The org whose standard applies (the asked org or an ancestor); null for the built-in default. */
  org: orgRefSchema.nullable(),
  isOwn: z.boolean(),
  isDefault: z.boolean(),
  name: z.string(),
  items: z.array(z.object({ key: z.enum(facilityKeys), label: z.string().nullable() })),
  version: z.number().int().nullable(),
  updatedAt: z.string().nullable(),
});
export type FacilityStandard = z.infer<typeof facilityStandardSchema>;

export const positionChecklistSchema = z.object({
  standard: facilityStandardSchema,
  items: z.array(
    z.object({
      key: z.enum(facilityKeys),
      label: z.string().nullable(),
      has: z.boolean(),
    }),
  ),
  missing: z.array(z.enum(facilityKeys)),
});
export type PositionChecklist = z.infer<typeof positionChecklistSchema>;

export const listShortfallsQuerySchema = z.object({
  orgId: z.uuid().optional(),
  type: z.enum(positionTypes).optional(),
  item: z.enum(facilityKeys).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export const shortfallSchema = z.object({
  position: z.object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    type: z.enum(positionTypes),
    status: z.string(),
  }),
  org: orgRefSchema,
  standardName: z.string(),
  missing: z.array(z.enum(facilityKeys)),
});
export type Shortfall = z.infer<typeof shortfallSchema>;
export const shortfallPageSchema = z.object({
  items: z.array(shortfallSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** How many positions (all pages) lack each item. */
  byItem: z.record(z.string(), z.number().int()),
  /** Positions checked (all pages), to read the shortfall against. */
  checked: z.number().int(),
});
export type ShortfallPage = z.infer<typeof shortfallPageSchema>;
