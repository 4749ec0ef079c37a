// Position lists copied from the contracts (the zod file must stay out of the browser bundle);
// `satisfies` makes the type checker catch any drift from the server's lists.
import type { PositionType } from '@niangjia/contracts';
import type { facilityKeys as FacilityKeys, positionStatuses as PositionStatuses, audiences as Audiences } from '@niangjia/contracts/positions';

export const POSITION_TYPES = ['service_center', 'service_point', 'rest_station', 'workers_home', 'mothers_room', 'driver_home', 'canteen', 'joining_point'] as const satisfies readonly PositionType[];
export const POSITION_STATUSES = ['planned', 'building', 'open', 'suspended', 'closed'] as const satisfies typeof PositionStatuses;
export const AUDIENCES = ['outdoor_workers', 'riders', 'couriers', 'drivers', 'sanitation_workers', 'women_staff', 'all_workers'] as const satisfies typeof Audiences;
export const FACILITIES = ['table_chairs', 'microwave', 'rice_cooker', 'kettle', 'fan', 'phone_charger', 'first_aid_kit', 'air_conditioner', 'water_dispenser', 'toilet', 'wifi', 'lockers', 'books', 'umbrella'] as const satisfies typeof FacilityKeys;
/** Wushan's "七个一" standard (issue #4): the default facility checklist. */
export const SEVEN_STANDARD = ['table_chairs', 'microwave', 'rice_cooker', 'kettle', 'fan', 'phone_charger', 'first_aid_kit'] as const;

export type PositionStatus = (typeof POSITION_STATUSES)[number];
export type Facility = (typeof FACILITIES)[number];

export const TYPE_COLORS: Record<PositionType, string> = {
  service_center: '#c8102e',
  service_point: '#d46b08',
  // Not antd's default blue (#1677ff): the worker pages keep to the union red and these hues.
  rest_station: '#0958d9',
  workers_home: '#722ed1',
  mothers_room: '#c41d7f',
  driver_home: '#08979c',
  canteen: '#389e0d',
  joining_point: '#a0522d',
};
export const STATUS_COLORS: Record<PositionStatus, string> = { planned: 'default', building: 'processing', open: 'success', suspended: 'warning', closed: 'default' };

/** "850 m" / "1.2 km". */
export function formatDistance(metres: number, lang: string): string {
  if (metres < 1000) return lang === 'en' ? `${Math.round(metres)} m` : `${Math.round(metres)} 米`;
  return lang === 'en' ? `${(metres / 1000).toFixed(1)} km` : `${(metres / 1000).toFixed(1)} 公里`;
}

/** Opens AMap's marker page (GCJ-02), which hands over to the phone's map app for navigation. */
export const amapMarkerUrl = (p: { name: string; locationGcj02: { lng: number; lat: number } }) =>
  `https://uri.amap.com/marker?position=${p.locationGcj02.lng},${p.locationGcj02.lat}&name=${encodeURIComponent(p.name)}&coordinate=gaode&callnative=1`;
