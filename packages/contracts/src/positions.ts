import { z } from 'zod';
import { pageQuerySchema, versionSchema } from './common';

/** Service positions (服务阵地): PRODUCT.md part 2. */
export const positionTypes = ['service_center', 'service_point', 'rest_station', 'workers_home', 'mothers_room', 'driver_home', 'canteen', 'joining_point'] as const;
export type PositionType = (typeof positionTypes)[number];
export const buildModes = ['commerce_sustained', 'platform_company', 'converted_idle', 'union_built', 'partner'] as const;
export const positionStatuses = ['planned', 'building', 'open', 'suspended', 'closed'] as const;
export const audiences = ['outdoor_workers', 'riders', 'couriers', 'drivers', 'sanitation_workers', 'women_staff', 'all_workers'] as const;
/** Wushan's "七个一" standard first, then other common facilities. */
export const facilityKeys = [
  'table_chairs',
  'microwave',
  'rice_cooker',
  'kettle',
  'fan',
  'phone_charger',
  'first_aid_kit',
  'air_conditioner',
  'water_dispenser',
  'toilet',
  'wifi',
  'lockers',
  'books',
  'umbrella',
] as const;
export const crsValues = ['wgs84', 'gcj02', 'bd09'] as const;

const hhmm = z.string().regex(/^([01]\d|2[0-4]):[0-5]\d$/, { error: 'SCHEDULE_TIME_FORMAT' });
export const timeRangeSchema = z.strictObject({ start: hhmm, end: hhmm });
export const scheduleSchema = z.strictObject({
  is24h: z.boolean(),
  weekly: z.tuple([
    z.array(timeRangeSchema).max(4),
    z.array(timeRangeSchema).max(4),
    z.array(timeRangeSchema).max(4),
    z.array(timeRangeSchema).max(4),
    z.array(timeRangeSchema).max(4),
    z.array(timeRangeSchema).max(4),
    z.array(timeRangeSchema).max(4),
  ]),
  exceptions: z
    .array(
      z.strictObject({
        date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'SCHEDULE_DATE_FORMAT' }),
        kind: z.enum(['closed', 'hours']),
        ranges: z.array(timeRangeSchema).max(4).optional(),
        note: z.string().trim().max(60).optional(),
      }),
    )
    .max(366),
});
export type ScheduleInput = z.infer<typeof scheduleSchema>;

/** A point as the caller has it, with its datum named: phones and AMap give GCJ-02, Baidu BD-09. */
export const pointInputSchema = z.strictObject({
  lng: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
  crs: z.enum(crsValues),
});

const positionFields = {
  name: z.string().trim().min(2).max(100),
  type: z.enum(positionTypes),
  orgId: z.uuid(),
  address: z.string().trim().min(2).max(200),
  location: pointInputSchema,
  schedule: scheduleSchema,
  serves: z.array(z.enum(audiences)).max(audiences.length),
  facilities: z.array(z.enum(facilityKeys)).max(facilityKeys.length),
  areaM2: z.number().min(0).max(100_000).nullable().optional(),
  buildMode: z.enum(buildModes).nullable().optional(),
  partner: z.string().trim().max(100).nullable().optional(),
  investmentFen: z.number().int().min(0).max(1e13).nullable().optional(),
  operator: z.string().trim().max(100).nullable().optional(),
  contactPhone: z.string().trim().regex(/^[\d-]{7,20}$/, { error: 'CONTACT_PHONE_FORMAT' }).nullable().optional(),
  status: z.enum(positionStatuses),
};

export const createPositionSchema = z.strictObject({ code: z.string().trim().regex(/^[A-Z0-9][A-Z0-9-]{1,31}$/, { error: 'POSITION_CODE_FORMAT' }), ...positionFields });
export type CreatePosition = z.infer<typeof createPositionSchema>;

export const updatePositionSchema = z.strictObject(positionFields).partial().extend({ version: versionSchema });
export type UpdatePosition = z.infer<typeof updatePositionSchema>;

export const positionSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  type: z.enum(positionTypes),
  org: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
  address: z.string(),
  /** WGS-84, as stored. */
  location: z.object({ lng: z.number(), lat: z.number() }),
  /** The same point in GCJ-02, for Chinese map tiles and AMap navigation. */
  locationGcj02: z.object({ lng: z.number(), lat: z.number() }),
  schedule: scheduleSchema,
  serves: z.array(z.string()),
  facilities: z.array(z.string()),
  areaM2: z.number().nullable(),
  buildMode: z.string().nullable(),
  partner: z.string().nullable(),
  investmentFen: z.number().nullable(),
  operator: z.string().nullable(),
  contactPhone: z.string().nullable(),
  status: z.enum(positionStatuses),
  statusChangedAt: z.string(),
  isOpenNow: z.boolean(),
  todayHours: z.array(z.string()),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Position = z.infer<typeof positionSchema>;

export const listPositionsQuerySchema = pageQuerySchema.extend({
  orgId: z.uuid().optional(),
  type: z.enum(positionTypes).optional(),
  status: z.enum(positionStatuses).optional(),
  facility: z.enum(facilityKeys).optional(),
  openNow: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(50).optional(),
});
export type ListPositionsQuery = z.infer<typeof listPositionsQuerySchema>;

export const nearestQuerySchema = z.strictObject({
  lat: z.coerce.number().min(-90).max(90),
  lng: z.coerce.number().min(-180).max(180),
  crs: z.enum(['wgs84', 'gcj02']).default('wgs84'),
  type: z.enum(positionTypes).optional(),
  openNow: z.enum(['true', 'false']).default('true'),
  limit: z.coerce.number().int().min(1).max(50).default(10),
  /** Only positions that have this facility (the worker map's filter). */
  facility: z.enum(facilityKeys).optional(),
});
export type NearestQuery = z.infer<typeof nearestQuerySchema>;

export const nearestItemSchema = z.object({
  position: positionSchema.pick({ id: true, code: true, name: true, type: true, address: true, location: true, locationGcj02: true, contactPhone: true, isOpenNow: true, todayHours: true, facilities: true, serves: true }),
  distanceMeters: z.number(),
  walkMinutes: z.number(),
  /** true: straight-line distance × 1.3 (no street network for the area); false: along streets. */
  estimated: z.boolean(),
});
export const nearestResultSchema = z.object({ items: z.array(nearestItemSchema), origin: z.object({ lng: z.number(), lat: z.number() }) });

/** GET /positions/map-layers (public): what every map draws besides the positions. */
export const mapLayersSchema = z.object({
  /** The district outline, WGS-84 GeoJSON. */
  outline: z.object({
    type: z.literal('Feature'),
    properties: z.object({ adcode: z.number(), name: z.string() }),
    geometry: z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(z.array(z.tuple([z.number(), z.number()])))) }),
  }),
  /** Tile source from configuration; url null = no tiles (draw on a plain background). */
  tiles: z.object({ url: z.string().nullable(), crs: z.enum(['gcj02', 'wgs84']) }),
});
export type MapLayers = z.infer<typeof mapLayersSchema>;

const multiPolygonSchema = z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(z.array(z.tuple([z.number(), z.number()])))) });

/** GET /positions/map-context: what a scope's map draws around its positions. */
export const mapContextQuerySchema = z.object({ orgId: z.uuid().optional() });
export const mapContextSchema = z.object({
  /**
   * The scope's own outline (WGS-84): the district for a district (or park, industry, the
   * platform), the street for a street and below. `approximate`: a street's area worked out from
   * where its positions stand (no official street outline is shipped), drawn as 示意范围.
   */
  boundary: z.object({ name: z.string(), kind: z.enum(['district', 'street']), approximate: z.boolean(), geometry: multiPolygonSchema }),
  /** The imported street network inside the boundary's box, as [lng1, lat1, lng2, lat2] segments; null when none is imported. */
  network: z.object({ name: z.string(), isSynthetic: z.boolean(), segments: z.array(z.tuple([z.number(), z.number(), z.number(), z.number()])) }).nullable(),
});
export type MapContext = z.infer<typeof mapContextSchema>;

/** GET /positions/places: the address search of the map-based add (divisions and positions in scope). */
export const placeSearchQuerySchema = z.object({ q: z.string().trim().min(1).max(50), orgId: z.uuid().optional() });
export const placeSchema = z.object({
  kind: z.enum(['division', 'position']),
  name: z.string(),
  /** The address of a position, the district of a division. */
  detail: z.string(),
  lng: z.number(),
  lat: z.number(),
});
export const placeListSchema = z.object({ items: z.array(placeSchema) });
export type Place = z.infer<typeof placeSchema>;

/** GET /positions/map-points (public): every open position, for the worker map before locating. */
export const mapPointsSchema = z.object({ items: z.array(nearestItemSchema.shape.position) });
export type MapPoints = z.infer<typeof mapPointsSchema>;
