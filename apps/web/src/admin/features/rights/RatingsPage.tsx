import type { Page, Rating } from '@niangjia/contracts';
import { ratingCriteria, ratingLevels } from '@niangjia/contracts/rights-domain';
import { Alert, Button, Card, Checkbox, Empty, Form, Input, InputNumber, Modal, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { applyServerErrors } from '../../../shared/form-errors';
import { useMe } from '../../../shared/session';
import { useRequest } from '../../../shared/use-request';
import { ErrorAlert } from '../../components/ErrorAlert';
import { listPagination } from '../../components/list-pagination';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';
import { useScope } from '../../layout/scope';

const STATUS_COLORS: Record<string, string> = { submitted: 'blue', approved: 'green', rejected: 'default', disqualified: 'red' };

/** 维权 ▸ 和谐企业评定 (/rights/ratings): yearly A/AA/AAA applications, review, automatic disqualification. */
export function RatingsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { scope } = useScope();
  const [year, setYear] = useState(new Date().getFullYear());
  const [page, setPage] = useState(1);
  const [isApplying, setApplying] = useState(false);
  const [reviewing, setReviewing] = useState<Rating | null>(null);
  const list = useRequest((signal) => api.get<Page<Rating>>('/rights/ratings', { year, orgId: scope?.id, page, pageSize: 20 }, { signal }), [year, scope?.id, page]);
  return (
    <Card
      title={t('rights.ratings.title')}
      extra={
        <Space>
          <InputNumber value={year} min={2000} max={2100} onChange={(v) => v && (setYear(v), setPage(1))} prefix={t('rights.ratings.year')} />
          {me.permissions.includes('rights.write') && (
            <Button type="primary" onClick={() => setApplying(true)}>
              {t('rights.ratings.apply')}
            </Button>
          )}
        </Space>
      }
    >
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('rights.ratings.disqualifyRule')} />
      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
      <Table<Rating>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 1100 }}
        locale={{ emptyText: <Empty description={t('rights.ratings.empty')} /> }}
        pagination={listPagination(t, { page, pageSize: 20, total: list.data?.total ?? 0, showSizeChanger: false }, (p) => setPage(p))}
        columns={[
          { title: t('rights.ratings.enterprise'), dataIndex: 'enterpriseName', width: 260, ellipsis: true },
          { title: t('rights.common.org'), key: 'o', width: 150, render: (_: unknown, r) => r.org.name },
          { title: t('rights.ratings.level'), dataIndex: 'levelApplied', width: 90 },
          { title: t('rights.ratings.criteriaMet'), dataIndex: 'criteriaMet', width: 90, render: (n: number) => `${n} / 10` },
          { title: t('rights.ratings.status'), dataIndex: 'status', width: 100, render: (s: string) => <Tag color={STATUS_COLORS[s]}>{t(`rights.ratingStatuses.${s}`)}</Tag> },
          { title: t('rights.ratings.granted'), dataIndex: 'levelGranted', width: 90, render: (v: string | null) => (v ? <Tag color="gold">{v}</Tag> : '—') },
          {
            title: t('rights.ratings.disqualified'),
            key: 'd',
            width: 260,
            render: (_: unknown, r) =>
              r.disqualifiedReasons.length
                ? r.disqualifiedReasons.map((x, i) => (
                    <div key={i}>
                      <Typography.Text type="danger">{x.kind === 'warning' ? t('rights.ratings.reasonWarning', { ref: x.ref }) : t('rights.ratings.reasonCase', { ref: x.ref })}</Typography.Text>
                    </div>
                  ))
                : (r.reviewNote ?? '—'),
          },
          {
            title: t('rights.common.actions'),
            key: 'a',
            width: 80,
            fixed: 'right',
            render: (_: unknown, r) =>
              r.status === 'submitted' && me.permissions.includes('rights.manage') ? (
                <Button type="link" size="small" onClick={() => setReviewing(r)}>
                  {t('rights.ratings.review')}
                </Button>
              ) : null,
          },
        ]}
      />
      {isApplying && <ApplyModal year={year} onClose={() => setApplying(false)} onDone={() => (setApplying(false), list.reload())} />}
      {reviewing && <ReviewModal r={reviewing} onClose={() => setReviewing(null)} onDone={() => (setReviewing(null), list.reload())} />}
    </Card>
  );
}

function ApplyModal({ year, onClose, onDone }: { year: number; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const { scope } = useScope();
  const [form] = Form.useForm();
  const [error, setError] = useState<unknown>(null);
  return (
    <Modal
      open
      width={640}
      title={t('rights.ratings.apply')}
      onCancel={onClose}
      onOk={async () => {
        const v = await form.validateFields();
        try {
          await api.post('/rights/ratings', { year, orgId: v.orgId, enterpriseName: v.enterpriseName, creditCode: v.creditCode, levelApplied: v.levelApplied, criteria: Object.fromEntries(ratingCriteria.map((c) => [c, (v.criteria ?? []).includes(c)])), statement: v.statement || undefined });
          onDone();
        } catch (e) {
          setError(e);
          applyServerErrors(form, e, ['orgId', 'enterpriseName', 'creditCode', 'levelApplied', 'criteria']);
        }
      }}
    >
      {error ? <ErrorAlert error={error} /> : null}
      <Form form={form} layout="vertical" initialValues={{ orgId: scope?.id, levelApplied: 'A', criteria: [] }}>
        <Form.Item name="orgId" label={t('rights.common.org')} rules={[{ required: true }]}>
          <OrgTreeSelect roots={me.scopeRoots} />
        </Form.Item>
        <Form.Item name="enterpriseName" label={t('rights.ratings.enterprise')} rules={[{ required: true, min: 2 }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="creditCode" label={t('rights.monitoring.creditCode')} rules={[{ required: true }]} normalize={(v: string) => v?.toUpperCase()}>
          <Input maxLength={18} />
        </Form.Item>
        <Form.Item name="levelApplied" label={t('rights.ratings.level')}>
          <Radio.Group options={ratingLevels.map((l) => ({ value: l, label: l }))} />
        </Form.Item>
        <Form.Item name="criteria" label={t('rights.ratings.criteria')} extra={t('rights.ratings.minHint')}>
          <Checkbox.Group options={ratingCriteria.map((c) => ({ value: c, label: t(`rights.criteria.${c}`) }))} />
        </Form.Item>
        <Form.Item name="statement" label={t('rights.ratings.statement')}>
          <Input.TextArea rows={3} maxLength={3000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ReviewModal({ r, onClose, onDone }: { r: Rating; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const [error, setError] = useState<unknown>(null);
  return (
    <Modal
      open
      title={`${t('rights.ratings.review')} · ${r.enterpriseName}`}
      onCancel={onClose}
      onOk={async () => {
        const v = await form.validateFields();
        try {
          await api.post(`/rights/ratings/${r.id}/review`, { ...v, version: r.version });
          onDone();
        } catch (e) {
          setError(e);
        }
      }}
    >
      {error ? <ErrorAlert error={error} /> : null}
      <Form form={form} layout="vertical" initialValues={{ decision: 'approve', levelGranted: r.levelApplied }}>
        <Form.Item name="decision">
          <Radio.Group options={[{ value: 'approve', label: t('rights.ratings.approve') }, { value: 'reject', label: t('rights.ratings.reject') }]} />
        </Form.Item>
        <Form.Item name="levelGranted" label={t('rights.ratings.granted')}>
          <Select options={ratingLevels.slice(0, ratingLevels.indexOf(r.levelApplied) + 1).map((l) => ({ value: l, label: l }))} />
        </Form.Item>
        <Form.Item name="note" label={t('rights.common.note')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
