import type { Contest, ContestCriterion, EventView, Page, User } from '@niangjia/contracts';
import { App, Button, Form, Input, InputNumber, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, errorText } from '../../../shared/api';
import { useRequest } from '../../../shared/use-request';
import { ErrorAlert } from '../../components/ErrorAlert';

type SetupForm = { criteria: ContestCriterion[]; prizeMode: 'count' | 'percent'; prizeTiers: number[]; judgeIds: string[] };
const PRIZE_COLORS = ['gold', 'blue', 'green'];

/** 技能竞赛 in the console: the rubric, prizes and judges, then opening and closing the scoring, results and certificates. */
export function ContestTab({ e, canWrite, tick }: { e: EventView; canWrite: boolean; tick: number }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const contest = useRequest((signal) => api.get<Contest>(`/events/${e.id}/contest`, undefined, { signal }), [e.id, tick]);
  const users = useRequest((signal) => (canWrite ? api.get<Page<User>>('/users', { pageSize: 100 }, { signal }) : Promise.resolve(null)), [canWrite]);
  const c = contest.data;
  const run = async (work: () => Promise<unknown>) => {
    try {
      await work();
      void message.success(t('eventsAdmin.contest.saved'));
      contest.reload();
    } catch (err) {
      void message.error(errorText(err));
    }
  };
  const save = (v: SetupForm) => run(() => api.put(`/events/${e.id}/contest`, { version: c!.version, ...v, prizeTiers: v.prizeTiers.map(Number) }));
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={16} data-testid="contest-tab">
      {contest.error ? <ErrorAlert error={contest.error} onRetry={contest.reload} /> : null}
      {c ? (
        <>
          <Space wrap>
            <Tag color={c.status === 'closed' ? 'success' : c.status === 'scoring' ? 'processing' : 'default'}>{t(`eventsAdmin.contest.status.${c.status}`)}</Tag>
            <Typography.Text>{t('eventsAdmin.contest.entrants', { n: c.entrants })}</Typography.Text>
          </Space>
          {c.status === 'setup' && canWrite ? (
            <Form<SetupForm>
              layout="vertical"
              initialValues={{
                criteria: c.criteria.length ? c.criteria : [{ key: 'skill', name: '操作技能', weight: 60, max: 100 }, { key: 'safety', name: '安全规范', weight: 40, max: 100 }],
                prizeMode: c.prizeMode,
                prizeTiers: c.prizeTiers,
                judgeIds: c.judges.map((j) => j.userId),
              }}
              onFinish={(v) => void save(v)}
            >
              <Form.List name="criteria">
                {(fields, { add, remove }) => (
                  <>
                    {fields.map((f) => (
                      <Space key={f.key} wrap align="baseline">
                        <Form.Item name={[f.name, 'key']} rules={[{ required: true, pattern: /^[a-z][a-z0-9_]*$/ }]}>
                          <Input placeholder={t('eventsAdmin.contest.key')} style={{ width: 110 }} />
                        </Form.Item>
                        <Form.Item name={[f.name, 'name']} rules={[{ required: true }]}>
                          <Input placeholder={t('eventsAdmin.contest.criterion')} style={{ width: 160 }} />
                        </Form.Item>
                        <Form.Item name={[f.name, 'weight']} rules={[{ required: true }]}>
                          <InputNumber min={1} max={100} addonAfter="%" style={{ width: 120 }} />
                        </Form.Item>
                        <Form.Item name={[f.name, 'max']} rules={[{ required: true }]}>
                          <InputNumber min={1} max={1000} addonBefore={t('eventsAdmin.contest.max')} style={{ width: 150 }} />
                        </Form.Item>
                        <Button onClick={() => remove(f.name)}>{t('eventsAdmin.contest.remove')}</Button>
                      </Space>
                    ))}
                    <Button onClick={() => add({ key: '', name: '', weight: 10, max: 100 })}>{t('eventsAdmin.contest.addCriterion')}</Button>
                  </>
                )}
              </Form.List>
              <Form.Item name="prizeMode" label={t('eventsAdmin.contest.prizeMode')}>
                <Radio.Group options={[{ value: 'count', label: t('eventsAdmin.contest.byCount') }, { value: 'percent', label: t('eventsAdmin.contest.byPercent') }]} />
              </Form.Item>
              <Form.Item name="prizeTiers" label={t('eventsAdmin.contest.prizeTiers')} rules={[{ required: true }]}>
                <Select mode="tags" tokenSeparators={[',', ' ']} style={{ width: 260 }} />
              </Form.Item>
              <Form.Item name="judgeIds" label={t('eventsAdmin.contest.judges')} rules={[{ required: true }]}>
                <Select
                  mode="multiple"
                  optionFilterProp="label"
                  options={(users.data?.items ?? []).filter((u) => u.grants.some((g) => g.role !== 'worker')).map((u) => ({ value: u.id, label: u.displayName }))}
                  style={{ maxWidth: 560 }}
                />
              </Form.Item>
              <Space>
                <Button type="primary" htmlType="submit">
                  {t('eventsAdmin.contest.save')}
                </Button>
                {c.version > 0 ? (
                  <Button onClick={() => void modal.confirm({ content: t('eventsAdmin.contest.openConfirm'), onOk: () => run(() => api.post(`/events/${e.id}/contest/open`)) })}>{t('eventsAdmin.contest.open')}</Button>
                ) : null}
              </Space>
            </Form>
          ) : (
            <Typography.Paragraph>
              {c.criteria.map((x) => `${x.name} ${x.weight}%（${t('eventsAdmin.contest.max')} ${x.max}）`).join('；')}
            </Typography.Paragraph>
          )}
          <Table
            size="small"
            rowKey="userId"
            pagination={false}
            dataSource={c.judges}
            columns={[
              { title: t('eventsAdmin.contest.judge'), dataIndex: 'name' },
              { title: t('eventsAdmin.contest.sheets'), dataIndex: 'sheets', align: 'right', width: 110 },
              { title: t('eventsAdmin.contest.recusals'), dataIndex: 'recusals', align: 'right', width: 110 },
            ]}
          />
          {c.status === 'scoring' && canWrite ? (
            <Space orientation="vertical">
              <Typography.Text type="secondary">{t('eventsAdmin.contest.sealed')}</Typography.Text>
              <Typography.Link href="/m/contest-judging" target="_blank" rel="noopener noreferrer">
                {t('eventsAdmin.contest.judgePage')}
              </Typography.Link>
              <Button type="primary" onClick={() => void modal.confirm({ content: t('eventsAdmin.contest.closeConfirm'), onOk: () => run(() => api.post(`/events/${e.id}/contest/close`)) })}>
                {t('eventsAdmin.contest.close')}
              </Button>
            </Space>
          ) : null}
          {c.results ? (
            <>
              <Typography.Text type="secondary">{c.tieRule}</Typography.Text>
              <Table
                size="small"
                rowKey="registrationId"
                dataSource={c.results}
                pagination={{ pageSize: 50, showSizeChanger: false }}
                scroll={{ x: 720 }}
                data-testid="contest-results"
                columns={[
                  { title: t('eventsAdmin.contest.rank'), dataIndex: 'rank', width: 70, fixed: 'left' },
                  { title: t('eventsAdmin.contest.entrant'), render: (_, r) => `${r.entryNo}. ${r.name}`, ellipsis: true },
                  { title: t('eventsAdmin.contest.union'), dataIndex: 'unionName', ellipsis: true },
                  { title: t('eventsAdmin.contest.score'), width: 90, align: 'right', render: (_, r) => (r.score === null ? '—' : r.score.toFixed(2)) },
                  { title: t('eventsAdmin.contest.counted'), width: 90, align: 'right', render: (_, r) => `${r.counted}${r.recused ? ` (−${r.recused})` : ''}` },
                  { title: t('eventsAdmin.contest.prize'), width: 100, render: (_, r) => (r.prize ? <Tag color={PRIZE_COLORS[r.prize - 1]}>{t(`eventsAdmin.contest.prizes.${r.prize}`)}</Tag> : null) },
                  {
                    title: t('eventsAdmin.contest.certificate'),
                    width: 110,
                    fixed: 'right',
                    render: (_, r) =>
                      r.prize ? (
                        <Typography.Link onClick={() => void api.download(`/events/${e.id}/contest/certificates/${r.registrationId}`, undefined, 'certificate.pdf').catch((err: unknown) => message.error(errorText(err)))}>
                          {t('eventsAdmin.contest.download')}
                        </Typography.Link>
                      ) : null,
                  },
                ]}
              />
            </>
          ) : null}
        </>
      ) : null}
    </Space>
  );
}
