import { z } from 'zod';
import { pageQuerySchema, versionSchema } from './common';

/**
 * 送健康 (health checks and screening) on campaigns of kind `health`: partner hospitals, time
 * slots with a capacity, members' bookings on the phone and attendance. No medical result is ever
 * taken or stored: a booking only ends attended (到场) or no-show (未到).
 */
export const healthBookingStatuses = ['booked', 'cancelled', 'attended', 'no_show'] as const;
export type HealthBookingStatus = (typeof healthBookingStatuses)[number];
export const healthMarks = ['attended', 'no_show'] as const;

const text = (max: number) => z.string().trim().max(max);
const point = z.object({ lng: z.number().min(-180).max(180), lat: z.number().min(-90).max(90), crs: z.enum(['wgs84', 'gcj02']).default('wgs84') });

export const createHealthHospitalSchema = z.object({
  name: text(100).min(1),
  address: text(200).min(1),
  location: point.nullable().default(null),
  phone: text(30).nullable().default(null),
});
export type CreateHealthHospital = z.infer<typeof createHealthHospitalSchema>;
export const updateHealthHospitalSchema = createHealthHospitalSchema.extend({ version: versionSchema });
export type UpdateHealthHospital = z.infer<typeof updateHealthHospitalSchema>;

export const healthHospitalSchema = z.object({
  id: z.uuid(),
  campaignId: z.uuid(),
  name: z.string(),
  address: z.string(),
  lng: z.number().nullable(),
  lat: z.number().nullable(),
  phone: z.string().nullable(),
  slots: z.number().int(),
  version: z.number().int(),
});
export type HealthHospital = z.infer<typeof healthHospitalSchema>;

/** A slot: start and end as ISO instants (stored UTC), capacity, and whether it is a 两癌筛查 slot. */
export const createHealthSlotSchema = z.object({
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
  capacity: z.number().int().min(1).max(10_000),
  isTwoCancer: z.boolean().default(false),
});
export type CreateHealthSlot = z.infer<typeof createHealthSlotSchema>;
export const updateHealthSlotSchema = createHealthSlotSchema.extend({ version: versionSchema });
export type UpdateHealthSlot = z.infer<typeof updateHealthSlotSchema>;

export const healthSlotSchema = z.object({
  id: z.uuid(),
  hospitalId: z.uuid(),
  hospitalName: z.string(),
  campaignId: z.uuid(),
  startsAt: z.string(),
  endsAt: z.string(),
  capacity: z.number().int(),
  booked: z.number().int(),
  attended: z.number().int(),
  isTwoCancer: z.boolean(),
  version: z.number().int(),
});
export type HealthSlot = z.infer<typeof healthSlotSchema>;

export const healthBookingSchema = z.object({
  id: z.uuid(),
  slotId: z.uuid(),
  campaignId: z.uuid(),
  campaignName: z.string(),
  hospitalName: z.string(),
  hospitalAddress: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  isTwoCancer: z.boolean(),
  personName: z.string(),
  orgName: z.string(),
  status: z.enum(healthBookingStatuses),
  markedAt: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type HealthBooking = z.infer<typeof healthBookingSchema>;

export const healthBookingsQuerySchema = pageQuerySchema.extend({
  slotId: z.uuid().optional(),
  status: z.enum(healthBookingStatuses).optional(),
});
export const markHealthBookingSchema = z.object({ status: z.enum(healthMarks), version: versionSchema });
export type MarkHealthBooking = z.infer<typeof markHealthBookingSchema>;

/** On the phone: an open health campaign the worker may book, with its hospitals' free slots still ahead. */
export const openHealthCampaignSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  orgName: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  hospitals: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      address: z.string(),
      phone: z.string().nullable(),
      slots: z.array(z.object({ id: z.uuid(), startsAt: z.string(), endsAt: z.string(), placesLeft: z.number().int(), isTwoCancer: z.boolean() })),
    }),
  ),
  myBooking: healthBookingSchema.nullable(),
});
export type OpenHealthCampaign = z.infer<typeof openHealthCampaignSchema>;
export const openHealthCampaignsSchema = z.object({ items: z.array(openHealthCampaignSchema) });
export const myHealthBookingsSchema = z.object({ items: z.array(healthBookingSchema) });
