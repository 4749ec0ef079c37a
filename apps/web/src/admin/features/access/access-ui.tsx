import type { DoorAlarmKind, DoorAlarmStatus, DoorController, DoorEntryResult } from '@niangjia/contracts';
import { Badge, Space, Tag, Tooltip, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/format';

export const RESULT_COLORS: Record<DoorEntryResult, string> = {
  opened: 'success',
  refused: 'warning',
  failed: 'error',
};
export const ALARM_STATUS_COLORS: Record<DoorAlarmStatus, string> = {
  open: 'error',
  acknowledged: 'warning',
  resolved: 'success',
};
export const ALARM_KIND_COLORS: Record<DoorAlarmKind, string> = {
  held_open: 'orange',
  forced_open: 'red',
  power_lost: 'volcano',
  tamper: 'magenta',
  offline: 'default',
};

/** A refusal code in plain words; an unknown code is shown as it is rather than hidden. */
export function reasonText(t: TFunction, code: string | null): string {
  if (!code) return '—';
  const key = `access.reasons.${code}`;
  const text = t(key);
  return text === key ? code : text;
}

/** 在线 / 离线 / 已停用 with the last heartbeat under it (heartbeats decide online, the server says which). */
export function ConnectionCell({ controller }: { controller: DoorController }) {
  const { t } = useTranslation();
  if (controller.status === 'revoked') return <Tag data-testid="controller-connection">{t('access.controllers.revoked')}</Tag>;
  return (
    <Space orientation="vertical" size={0}>
      <Badge
        status={controller.isOnline ? 'success' : 'default'}
        text={<span data-testid="controller-connection">{controller.isOnline ? t('access.controllers.online') : t('access.controllers.offline')}</span>}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {controller.lastSeenAt ? (
          <Tooltip title={formatDateTime(controller.lastSeenAt, true)}>
            {t('access.controllers.lastSeen', {
              time: formatDateTime(controller.lastSeenAt),
            })}
          </Tooltip>
        ) : (
          t('access.controllers.neverSeen')
        )}
      </Typography.Text>
    </Space>
  );
}

/** Copies text; resolves false where the clipboard API is missing (plain HTTP) and a hidden textarea fails too. */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Fall through to the old way.
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  return ok;
}

/** Told by the alarm list after an acknowledge or resolve, so the header bell recounts at once. */
export const ALARMS_CHANGED = 'niangjia:door-alarms-changed';
export const announceAlarmsChanged = () => window.dispatchEvent(new Event(ALARMS_CHANGED));
