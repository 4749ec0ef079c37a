import type { DoorEntry, DoorEntryResult, Page } from '@niangjia/contracts';
import { App, Button, DatePicker, Empty, Form, Select, Space, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable';
import { Link } from 'react-router';
import { api } from '../../../shared/api';
import { formatDateTime, shanghaiIso } from '../../../shared/format';
import { useMe } from '../../../shared/session';
import { useRequest } from '../../../shared/use-request';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FilterActions } from '../../components/FilterActions';
import { listPagination } from '../../components/list-pagination';
import { reasonText, RESULT_COLORS } from './access-ui';
import { AddBanModal } from './BansCard';
import { StationSelect } from './StationSelect';

type Values = {
  positionId?: string;
  result?: DoorEntryResult;
  range?: [Dayjs | null, Dayjs | null] | null;
};
type Query = {
  positionId?: string | undefined;
  result?: DoorEntryResult | undefined;
  from?: string | undefined;
  to?: string | undefined;
};

// The picker's days are Shanghai days whatever the browser's zone: the whole first to the whole last.
const dayStart = (d: Dayjs) => shanghaiIso(d.year(), d.month() + 1, d.date());
const dayEnd = (d: Dayjs) => shanghaiIso(d.year(), d.month() + 1, d.date(), 23, 59, 59);

/** 通行记录: every attempt, newest first; with a fixed station (its page) or a station filter (the log page). */
export function EntriesTable({ positionId, orgId }: { positionId?: string | undefined; orgId?: string | undefined }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [query, setQuery] = useState<Query>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const { message } = App.useApp();
  const canWrite = useMe().permissions.includes('access.write');
  const [banning, setBanning] = useState<DoorEntry | null>(null);
  const list = useRequest(
    (signal) =>
      api.get<Page<DoorEntry>>(
        '/door-entries',
        {
          ...query,
          positionId: positionId ?? query.positionId,
          orgId,
          page,
          pageSize,
        },
        { signal },
      ),
    [JSON.stringify(query), positionId, orgId, page, pageSize],
  );
  const apply = (v: Values) => {
    const from = v.range?.[0];
    const to = v.range?.[1];
    setQuery({
      positionId: v.positionId,
      result: v.result,
      from: from ? dayStart(from) : undefined,
      to: to ? dayEnd(to) : undefined,
    });
    setPage(1);
  };

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Form form={form} layout="inline" onFinish={apply} style={{ rowGap: 12 }}>
        {!positionId && (
          <Form.Item name="positionId" label={t('access.entries.filters.station')}>
            <StationSelect orgId={orgId} />
          </Form.Item>
        )}
        <Form.Item name="range" label={t('access.entries.filters.range')}>
          <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: 260 }} />
        </Form.Item>
        <Form.Item name="result" label={t('access.entries.filters.result')}>
          <Select
            allowClear
            style={{ width: 110 }}
            placeholder={t('common.all')}
            options={(['opened', 'refused', 'failed'] as const).map((r) => ({
              value: r,
              label: t(`access.entries.results.${r}`),
            }))}
          />
        </Form.Item>
        <FilterActions
          onReset={() => {
            form.resetFields();
            setQuery({});
            setPage(1);
          }}
        />
      </Form>
      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
      <DataTable<DoorEntry>
        id="door-entries"
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{
          emptyText: <Empty description={t('access.entries.empty')} />,
        }}
        pagination={listPagination(t, { page, pageSize, total: list.data?.total ?? 0 }, (p, s) => {
          setPage(p);
          setPageSize(s);
        })}
        columns={[
          {
            title: t('access.entries.fields.at'),
            key: 'at',
            dataIndex: 'at',
            width: 165,
            render: (v: string) => formatDateTime(v, true),
          },
          {
            title: t('access.entries.fields.person'),
            key: 'person',
            width: 150,
            render: (_: unknown, e) => (
              <>
                {e.personName ?? <Typography.Text type="secondary">—</Typography.Text>}
                {e.phoneMasked && (
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {e.phoneMasked}
                    </Typography.Text>
                  </div>
                )}
              </>
            ),
          },
          ...(positionId
            ? []
            : [
                {
                  title: t('access.entries.fields.station'),
                  dataIndex: 'positionName',
                  width: 220,
                  render: (v: string, e: DoorEntry) => <Link to={`/access/stations/${e.positionId}`}>{v}</Link>,
                },
              ]),
          {
            title: t('access.entries.fields.door'),
            key: 'door',
            width: 120,
            render: (_: unknown, e) => e.controllerName ?? e.deviceId,
          },
          {
            title: t('access.entries.fields.result'),
            key: 'result',
            dataIndex: 'result',
            width: 90,
            render: (v: DoorEntryResult) => <Tag color={RESULT_COLORS[v]}>{t(`access.entries.results.${v}`)}</Tag>,
          },
          {
            title: t('access.entries.fields.reason'),
            key: 'reason',
            dataIndex: 'reason',
            width: 170,
            render: (v: string | null) => reasonText(t, v),
          },
          {
            title: t('access.entries.fields.afterHours'),
            key: 'isAfterHours',
            dataIndex: 'isAfterHours',
            width: 90,
            render: (v: boolean) => (v ? <Tag color="purple">{t('access.entries.afterHours')}</Tag> : <Typography.Text type="secondary">{t('access.entries.staffed')}</Typography.Text>),
          },
          ...(canWrite ? [] : []),
        ]}
        actions={(e) =>
          e.userId ? (
            <Button type="link" size="small" danger onClick={() => setBanning(e)} data-testid="ban-from-entry">
              {t('access.bans.banPerson')}
            </Button>
          ) : null
        }
      />
      {banning?.userId && (
        <AddBanModal
          positionId={banning.positionId}
          person={{ userId: banning.userId, label: [banning.personName, banning.phoneMasked].filter(Boolean).join(' · '), stationName: banning.positionName }}
          onClose={() => setBanning(null)}
          onAdded={() => {
            setBanning(null);
            void message.success(t('access.bans.added'));
          }}
        />
      )}
    </Space>
  );
}
