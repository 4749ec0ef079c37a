import type { JobStatus } from '@niangjia/contracts';
import type { TFunction } from 'i18next';

export const STATUS_COLORS: Record<JobStatus, string> = { queued: 'blue', running: 'processing', succeeded: 'success', failed: 'error', dead: 'magenta', cancelled: 'default' };

/** `member_import.check` → 集中入会检查; a kind without a label shows its code. */
export const jobKindLabel = (t: TFunction, kind: string) => t(`jobs.kinds.${kind.replace(/\./g, '_')}`, { defaultValue: kind });
