/** Why the phone's location could not be read (the words are the caller's, in its locales). */
export type LocateProblem = 'denied' | 'unavailable' | 'timeout' | 'unsupported';

/**
 * One reading of the device's location, WGS-84 (W3C Geolocation, also inside WeChat's browser,
 * which needs HTTPS and a user gesture: call it from a click).
 */
export function locateOnce(): Promise<{ ok: true; lng: number; lat: number; accuracy: number } | { ok: false; problem: LocateProblem }> {
  if (typeof navigator === 'undefined' || !('geolocation' in navigator)) return Promise.resolve({ ok: false, problem: 'unsupported' });
  return new Promise((resolve) => {
    navigator.geolocation.getCurrentPosition(
      (pos) => resolve({ ok: true, lng: pos.coords.longitude, lat: pos.coords.latitude, accuracy: pos.coords.accuracy }),
      (err) => resolve({ ok: false, problem: err.code === err.PERMISSION_DENIED ? 'denied' : err.code === err.TIMEOUT ? 'timeout' : 'unavailable' }),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  });
}
