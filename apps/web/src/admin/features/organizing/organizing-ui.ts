import type { UnionStatus } from '@niangjia/contracts';

/** Tag colours of a union status (antd presets) and the same statuses on the map. */
export const STATUS_COLORS: Record<UnionStatus, string> = { none: 'default', founding: 'processing', founded: 'success' };
export const STATUS_MAP_COLORS: Record<UnionStatus, string> = { none: '#8c8c8c', founding: '#1677ff', founded: '#389e0d' };
