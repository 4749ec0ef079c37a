import type { EventView, MatchmakingCounts } from '@niangjia/contracts';
import { App, Button, DatePicker, Form, InputNumber, Space, Statistic, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, errorText } from '../../../shared/api';
import { formatDateTime, instantOfShanghaiPicker, shanghaiPickerValue } from '../../../shared/format';
import { useRequest } from '../../../shared/use-request';
import { ErrorAlert } from '../../components/ErrorAlert';

/**
 * 婚恋交友 in the console: counts only (profiles, checked-in participants, picks, matches once the
 * picks close). Nothing here, or anywhere on the server, tells staff who picked or matched whom.
 */
export function MatchmakingTab({ e, canWrite, tick }: { e: EventView; canWrite: boolean; tick: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const counts = useRequest((signal) => api.get<MatchmakingCounts>(`/events/${e.id}/matchmaking`, undefined, { signal }), [e.id, tick]);
  const c = counts.data;
  const save = async (v: { maxPicks: number; window: [Dayjs, Dayjs] }) => {
    try {
      await api.put(`/events/${e.id}/matchmaking/settings`, { version: c!.version, maxPicks: v.maxPicks, picksOpenAt: instantOfShanghaiPicker(v.window[0]), picksCloseAt: instantOfShanghaiPicker(v.window[1]) });
      void message.success(t('eventsAdmin.matchmaking.saved'));
      counts.reload();
    } catch (err) {
      void message.error(errorText(err));
    }
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={16}>
      {counts.error ? <ErrorAlert error={counts.error} onRetry={counts.reload} /> : null}
      <Typography.Text type="secondary">{t('eventsAdmin.matchmaking.privacy')}</Typography.Text>
      {c ? (
        <>
          <Space wrap size={32} data-testid="matchmaking-counts">
            <Statistic title={t('eventsAdmin.matchmaking.profiles')} value={c.profiles} />
            <Statistic title={t('eventsAdmin.matchmaking.participants')} value={c.participants} />
            <Statistic title={t('eventsAdmin.matchmaking.picks')} value={c.picks ?? t('eventsAdmin.matchmaking.notYet')} />
            <Statistic title={t('eventsAdmin.matchmaking.matches')} value={c.matches ?? t('eventsAdmin.matchmaking.notYet')} />
            <Statistic title={t('eventsAdmin.matchmaking.confirmed')} value={c.confirmedMatches ?? t('eventsAdmin.matchmaking.notYet')} />
          </Space>
          <Typography.Text>{t('eventsAdmin.matchmaking.window', { n: c.maxPicks, from: formatDateTime(c.picksOpenAt), to: formatDateTime(c.picksCloseAt) })}</Typography.Text>
          {canWrite && c.phase !== 'revealed' ? (
            <Form layout="inline" initialValues={{ maxPicks: c.maxPicks, window: [shanghaiPickerValue(c.picksOpenAt), shanghaiPickerValue(c.picksCloseAt)] }} onFinish={(v: { maxPicks: number; window: [Dayjs, Dayjs] }) => void save(v)}>
              <Form.Item name="maxPicks" label={t('eventsAdmin.matchmaking.maxPicks')} rules={[{ required: true }]}>
                <InputNumber min={1} max={10} />
              </Form.Item>
              <Form.Item name="window" label={t('eventsAdmin.matchmaking.windowLabel')} rules={[{ required: true }]}>
                <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
              </Form.Item>
              <Form.Item>
                <Button type="primary" htmlType="submit">
                  {t('eventsAdmin.matchmaking.save')}
                </Button>
              </Form.Item>
            </Form>
          ) : null}
        </>
      ) : null}
    </Space>
  );
}
