import { PlusOutlined } from '@ant-design/icons';
import type { Page, Season, SeasonDetail } from '@niangjia/contracts';
import { App, Button, Card, DatePicker, Empty, Form, Input, InputNumber, Modal, Space, Switch, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable';
import { useNavigate } from 'react-router';
import { api } from '../../../shared/api';
import { formatDate, instantOfShanghaiPicker } from '../../../shared/format';
import { applyServerErrors } from '../../../shared/form-errors';
import { useMe } from '../../../shared/session';
import { useRequest } from '../../../shared/use-request';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useScope } from '../../layout/scope';
import { StatusTag } from './parts';

/** 服务超市 ▸ 项目竞赛 (/market/seasons): the seasons of the competition. */
export function SeasonsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { scope } = useScope();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [isCreating, setIsCreating] = useState(false);
  const list = useRequest((signal) => api.get<Page<Season>>('/market/seasons', { pageSize: 50 }, { signal }), [scope?.id]);
  return (
    <Card
      title={t('market.seasons.title')}
      extra={
        me.permissions.includes('market.write') && scope?.type === 'district' ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setIsCreating(true)}>
            {t('market.seasons.add')}
          </Button>
        ) : null
      }
    >
      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
      <DataTable<Season>
        id="market-seasons"
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: <Empty description={t('market.seasons.empty')} /> }}
        columns={[
          { title: t('market.seasons.fields.year'), dataIndex: 'year', width: 70 },
          { title: t('market.seasons.fields.title'), dataIndex: 'title', width: 400, ellipsis: true, render: (v: string, s) => <a onClick={() => navigate(`/market/seasons/${s.id}`)}>{v}</a> },
          { title: t('market.seasons.fields.stage'), dataIndex: 'stage', width: 190, render: (v: string, s) => <Space size={4}><StatusTag kind="stage" value={v} />{s.isCallOpen && <Tag color="green">{t('market.seasons.callOpenNow')}</Tag>}</Space> },
          { title: t('market.seasons.fields.call'), key: 'call', width: 200, render: (_: unknown, s) => `${formatDate(s.callOpensAt)} ~ ${formatDate(s.callClosesAt)}` },
          { title: t('market.seasons.fields.entries'), dataIndex: ['counts', 'entries'], width: 70, align: 'right' },
          { title: t('market.seasons.fields.finalists'), dataIndex: ['counts', 'finalists'], width: 70, align: 'right' },
          { title: t('market.seasons.fields.votes'), dataIndex: ['counts', 'votes'], width: 80, align: 'right' },
          { title: t('common.actions'), key: 'a', width: 100, render: (_: unknown, s) => <Button type="link" size="small" onClick={() => navigate(`/market/seasons/${s.id}`)}>{t('market.seasons.open')}</Button> },
        ]}
      />
      {isCreating && scope && (
        <CreateSeasonModal
          orgId={scope.id}
          onClose={() => setIsCreating(false)}
          onCreated={(s) => {
            setIsCreating(false);
            message.success(t('market.seasons.created', { title: s.title }));
            void navigate(`/market/seasons/${s.id}`);
          }}
        />
      )}
    </Card>
  );
}

type CreateValues = { title: string; year: number; call: [Dayjs, Dayjs]; finalAt?: Dayjs; votesPerRep: number; expertWeight: number; normalizeScores: boolean };

function CreateSeasonModal({ orgId, onClose, onCreated }: { orgId: string; onClose: () => void; onCreated: (s: SeasonDetail) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CreateValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (v: CreateValues) => {
    setBusy(true);
    setError(null);
    try {
      onCreated(
        await api.post<SeasonDetail>('/market/seasons', {
          orgId,
          title: v.title,
          year: v.year,
          // Whole Shanghai days, and the final's time on the Shanghai clock, whatever the browser's zone.
          callOpensAt: instantOfShanghaiPicker(v.call[0].startOf('day')),
          callClosesAt: instantOfShanghaiPicker(v.call[1].endOf('day')),
          finalAt: v.finalAt ? instantOfShanghaiPicker(v.finalAt) : null,
          votesPerRep: v.votesPerRep,
          expertWeight: v.expertWeight,
          normalizeScores: v.normalizeScores,
        }),
      );
    } catch (e) {
      setError(e);
      applyServerErrors(form, e, ['title', 'year', 'votesPerRep', 'expertWeight'], { callClosesAt: 'call', callOpensAt: 'call' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={t('market.seasons.add')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={busy} okText={t('common.save')} cancelText={t('actions.cancel')} width={560}>
      {error ? <ErrorAlert error={error} /> : null}
      <Form form={form} layout="vertical" initialValues={{ year: new Date().getFullYear(), votesPerRep: 3, expertWeight: 70, normalizeScores: false }} onFinish={(v) => void submit(v)}>
        <Form.Item name="title" label={t('market.seasons.fields.title')} rules={[{ required: true }]}>
          <Input maxLength={80} />
        </Form.Item>
        <Space size={16} wrap>
          <Form.Item name="year" label={t('market.seasons.fields.year')} rules={[{ required: true }]}>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
          <Form.Item name="call" label={t('market.seasons.fields.call')} rules={[{ required: true }]}>
            <DatePicker.RangePicker />
          </Form.Item>
        </Space>
        <Form.Item name="finalAt" label={t('market.seasons.fields.finalAt')}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
        </Form.Item>
        <Space size={16} wrap>
          <Form.Item name="expertWeight" label={t('market.seasons.rules.expertWeight')} extra="%">
            <InputNumber min={0} max={100} />
          </Form.Item>
          <Form.Item name="votesPerRep" label={t('market.seasons.rules.votesPerRep')}>
            <InputNumber min={1} max={50} />
          </Form.Item>
          <Form.Item name="normalizeScores" label={t('market.seasons.rules.normalize')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
