import type { Rubric, RubricCriterion } from '@niangjia/contracts';
import { criterionSources } from '@niangjia/contracts/stars-domain';
import { Alert, App, Button, Card, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../../shared/api';
import { useMe } from '../../../shared/session';
import { useRequest } from '../../../shared/use-request';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useScope } from '../../layout/scope';

/** 服务阵地 ▸ 评星细则 (/positions/rubric): the district's criteria, weights, max points and sources. */
export function RubricPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const { scope } = useScope();
  const org = scope ?? me.scopeRoots[0];
  const rubric = useRequest((signal) => api.get<Rubric>('/stars/rubric', { orgId: org?.id }, { signal }), [org?.id], !!org);
  const [rows, setRows] = useState<RubricCriterion[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (rubric.data) setRows(rubric.data.criteria);
  }, [rubric.data]);

  const canEdit = me.permissions.includes('rubric.write') && (org?.type === 'district' || org?.type === 'federation');
  const sum = rows.reduce((s, r) => s + (r.weight || 0), 0);
  const fieldError = (i: number, field: string) => (error instanceof ApiError ? error.errors.find((e) => e.path === `criteria.${i}.${field}`)?.message : undefined);
  const update = (i: number, patch: Partial<RubricCriterion>) => setRows((list) => list.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  const save = async () => {
    if (!org) return;
    setSaving(true);
    setError(null);
    try {
      const saved = await api.put<Rubric>(`/stars/rubric?orgId=${org.id}`, {
        criteria: rows,
        ...(rubric.data?.version ? { version: rubric.data.version } : {}),
      });
      rubric.setData(saved);
      message.success(t('starsAdmin.rubric.saved'));
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  const input = (i: number, field: 'key' | 'name', width: number) => (
    <Space orientation="vertical" size={0}>
      <Input
        value={rows[i]![field]}
        disabled={!canEdit}
        onChange={(e) => update(i, { [field]: e.target.value })}
        style={{ width }}
        status={fieldError(i, field) ? 'error' : ''}
        aria-label={t(`starsAdmin.rubric.${field}`)}
      />
      {fieldError(i, field) && (
        <Typography.Text type="danger" style={{ fontSize: 12 }}>
          {fieldError(i, field)}
        </Typography.Text>
      )}
    </Space>
  );

  return (
    <Card
      title={t('starsAdmin.rubric.title')}
      extra={
        canEdit ? (
          <Button type="primary" loading={saving} onClick={() => void save()} data-testid="rubric-save">
            {t('starsAdmin.rubric.save')}
          </Button>
        ) : null
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        {rubric.data && <Typography.Paragraph>{t('starsAdmin.rubric.intro', { org: rubric.data.org.name })}</Typography.Paragraph>}
        {rubric.data?.isDefault && <Alert type="info" showIcon title={canEdit ? t('starsAdmin.rubric.isDefault') : t('starsAdmin.rubric.inherited')} />}
        {!canEdit && rubric.data && !rubric.data.isDefault && <Alert type="info" showIcon title={t('starsAdmin.rubric.inherited')} />}
        {rubric.error ? <ErrorAlert error={rubric.error} onRetry={rubric.reload} /> : null}
        {error ? <ErrorAlert error={error} /> : null}
        <Table<RubricCriterion & { i: number }>
          rowKey="i"
          pagination={false}
          scroll={{ x: 'max-content' }}
          loading={rubric.loading}
          dataSource={rows.map((r, i) => ({ ...r, i }))}
          columns={[
            {
              title: t('starsAdmin.rubric.key'),
              key: 'key',
              width: 160,
              render: (_: unknown, r) => input(r.i, 'key', 140),
            },
            {
              title: t('starsAdmin.rubric.name'),
              key: 'name',
              width: 200,
              render: (_: unknown, r) => input(r.i, 'name', 180),
            },
            {
              title: t('starsAdmin.rubric.weight'),
              key: 'weight',
              width: 120,
              render: (_: unknown, r) => (
                <InputNumber
                  min={1}
                  max={100}
                  value={r.weight}
                  disabled={!canEdit}
                  onChange={(v) => update(r.i, { weight: v ?? 0 })}
                  addonAfter="%"
                  style={{ width: 100 }}
                  aria-label={t('starsAdmin.rubric.weight')}
                />
              ),
            },
            {
              title: t('starsAdmin.rubric.maxPoints'),
              key: 'max',
              width: 110,
              render: (_: unknown, r) => (
                <InputNumber
                  min={1}
                  max={100}
                  value={r.maxPoints}
                  disabled={!canEdit}
                  onChange={(v) => update(r.i, { maxPoints: v ?? 1 })}
                  style={{ width: 80 }}
                  aria-label={t('starsAdmin.rubric.maxPoints')}
                />
              ),
            },
            {
              title: t('starsAdmin.rubric.source'),
              key: 'source',
              width: 250,
              render: (_: unknown, r) => (
                <Space orientation="vertical" size={0}>
                  <Select
                    value={r.source}
                    disabled={!canEdit}
                    style={{ width: 230 }}
                    onChange={(v) => update(r.i, { source: v })}
                    options={criterionSources.map((s) => ({
                      value: s,
                      label: t(`starsAdmin.rubric.sources.${s}`),
                    }))}
                  />
                  {fieldError(r.i, 'source') && (
                    <Typography.Text type="danger" style={{ fontSize: 12 }}>
                      {fieldError(r.i, 'source')}
                    </Typography.Text>
                  )}
                </Space>
              ),
            },
            {
              title: '',
              key: 'x',
              width: 70,
              render: (_: unknown, r) =>
                canEdit && rows.length > 1 ? (
                  <Button type="link" danger onClick={() => setRows((list) => list.filter((_, j) => j !== r.i))}>
                    {t('starsAdmin.rubric.remove')}
                  </Button>
                ) : null,
            },
          ]}
          footer={() => (
            <Space style={{ width: '100%', justifyContent: 'space-between' }}>
              {canEdit ? (
                <Button
                  onClick={() =>
                    setRows((list) => [
                      ...list,
                      {
                        key: `item_${list.length + 1}`,
                        name: '',
                        weight: 0,
                        maxPoints: 10,
                        source: 'inspector',
                      },
                    ])
                  }
                  disabled={rows.length >= 12}
                >
                  {t('starsAdmin.rubric.add')}
                </Button>
              ) : (
                <span />
              )}
              <Typography.Text type={sum === 100 ? 'success' : 'danger'} data-testid="rubric-sum">
                {sum === 100 ? t('starsAdmin.rubric.sum', { sum }) : t('starsAdmin.rubric.sumWrong', { sum })}
              </Typography.Text>
            </Space>
          )}
        />
      </Space>
    </Card>
  );
}
