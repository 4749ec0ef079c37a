// The coordinate systems (WGS-84, GCJ-02, BD-09), the mainland-China test and haversine distances
// live in the contracts package so the server and the browser use one copy (packages/contracts/src/coords.ts).
export * from '@niangjia/contracts/coords';
