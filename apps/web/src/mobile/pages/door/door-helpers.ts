import type { OpenDoor } from '@niangjia/contracts';

export type LocateProblem = 'denied' | 'unavailable' | 'timeout' | 'unsupported';

/** A v4 uuid even on plain HTTP, where crypto.randomUUID is missing but getRandomValues is not. */
function uuid(): string {
  if (typeof crypto.randomUUID === 'function' && window.isSecureContext) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const key = (deviceId: string, code: string) => `niangjia.door.${deviceId}.${code}`;

/**
 * The id of this scan's open request, kept for the tab: a reload or a double tap sends the same
 * id, and the server answers with the first attempt's result instead of unlocking again.
 */
export function requestIdFor(deviceId: string, code: string): string {
  try {
    const saved = sessionStorage.getItem(key(deviceId, code));
    if (saved) return saved;
    const id = uuid();
    sessionStorage.setItem(key(deviceId, code), id);
    return id;
  } catch {
    return uuid();
  }
}

/** A deliberate new try (retry, after the real-name form) is a new request. */
export function forgetRequestId(deviceId: string, code: string): void {
  try {
    sessionStorage.removeItem(key(deviceId, code));
  } catch {
    // Nothing stored.
  }
}

/** The phone's position (browsers report WGS-84), or why there is none. */
export function locate(): Promise<NonNullable<OpenDoor['location']> | { problem: LocateProblem }> {
  return new Promise((resolve) => {
    if (!('geolocation' in navigator)) {
      resolve({ problem: 'unsupported' });
      return;
    }
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ lat: p.coords.latitude, lng: p.coords.longitude, crs: 'wgs84' }),
      (e) => resolve({ problem: e.code === e.PERMISSION_DENIED ? 'denied' : e.code === e.TIMEOUT ? 'timeout' : 'unavailable' }),
      { enableHighAccuracy: true, timeout: 10_000, maximumAge: 0 },
    );
  });
}
