import { PlusOutlined } from '@ant-design/icons';
import type { Entry, Page, SeasonDetail, VoteSession } from '@niangjia/contracts';
import { Alert, App, Button, Card, Col, Empty, Form, Input, InputNumber, Modal, Row, Select, Space, Table, Tag, Typography } from 'antd';
import QRCode from 'qrcode';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorText } from '../../../../shared/api';
import { useRequest } from '../../../../shared/use-request';
import { ErrorAlert } from '../../../components/ErrorAlert';

/** A relative link from the server (no NIANGJIA_PUBLIC_URL) gets this page's origin, so phones can open it. */
export const absolute = (url: string) => (url.startsWith('/') ? `${window.location.origin}${url}` : url);

/** 现场投票: sessions per venue opened and closed by the moderator, the rotating code, what is pitching, paper ballots. */
export function LiveTab({ season, onChanged }: { season: SeasonDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const sessions = useRequest((signal) => api.get<{ items: VoteSession[] }>(`/market/seasons/${season.id}/sessions`, undefined, { signal }), [season.id]);
  const finalists = useRequest((signal) => api.get<Page<Entry>>(`/market/seasons/${season.id}/entries`, { status: 'finalist', pageSize: 200 }, { signal }), [season.id]);
  const [adding, setAdding] = useState(false);
  const [venueForm] = Form.useForm<{ venue: string }>();
  const [paperForm] = Form.useForm<{ venue: string; counts: Record<string, number> }>();
  const isLive = season.stage === 'final' && !season.confirmedAt;
  const run = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      message.success(t('market.common.saved'));
      sessions.reload();
      onChanged();
    } catch (e) {
      message.error(errorText(e));
    }
  };
  useEffect(() => {
    if (!isLive) return;
    const timer = setInterval(() => sessions.reload(), 10_000);
    return () => clearInterval(timer);
  }, [isLive, sessions.reload]);
  if (season.stage !== 'final' && season.stage !== 'published') return <Empty description={t('market.live.finalOnly')} />;
  const entries = finalists.data?.items ?? [];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small" title={t('market.live.current')}>
        <Select
          style={{ width: 420 }}
          allowClear
          disabled={!isLive}
          value={season.currentEntryId ?? undefined}
          placeholder={t('market.live.setCurrent')}
          onChange={(v: string | undefined) => void run(() => api.post(`/market/seasons/${season.id}/current`, { entryId: v ?? null }))}
          options={entries.map((e) => ({ value: e.id, label: `${e.pitchOrder ?? e.number}. ${e.project.title} · ${e.provider.name}` }))}
        />
      </Card>
      <Card
        size="small"
        title={t('market.live.sessions')}
        extra={
          isLive ? (
            <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              {t('market.live.addSession')}
            </Button>
          ) : null
        }
      >
        {sessions.error ? <ErrorAlert error={sessions.error} onRetry={sessions.reload} /> : null}
        {sessions.data && !sessions.data.items.length ? <Empty description={t('market.live.noSessions')} /> : null}
        <Row gutter={[16, 16]}>
          {(sessions.data?.items ?? []).map((s) => (
            <Col key={s.id} xs={24} lg={12}>
              <Card size="small" title={s.venue} extra={<Tag color={s.status === 'open' ? 'green' : undefined}>{s.status === 'open' ? t('market.live.open') : s.status === 'closed' ? t('market.live.close') : '—'}</Tag>}>
                <Space orientation="vertical" style={{ width: '100%' }}>
                  <Typography.Text>
                    {t('market.live.checkins')}：{s.checkins} · {t('market.live.votes')}：{s.votes}
                  </Typography.Text>
                  {isLive && (
                    <Space>
                      {s.status !== 'open' ? (
                        <Button type="primary" onClick={() => void run(() => api.post(`/market/sessions/${s.id}/open`))} data-testid={`open-${s.venue}`}>
                          {t('market.live.open')}
                        </Button>
                      ) : (
                        <Button danger onClick={() => void run(() => api.post(`/market/sessions/${s.id}/close`))}>
                          {t('market.live.close')}
                        </Button>
                      )}
                    </Space>
                  )}
                  {isLive && <SessionCode sessionId={s.id} />}
                </Space>
              </Card>
            </Col>
          ))}
        </Row>
      </Card>
      <Card size="small" title={t('market.live.paper')}>
        <Alert type="info" showIcon title={t('market.live.paperNote')} style={{ marginBottom: 12 }} />
        <Form
          form={paperForm}
          layout="vertical"
          disabled={!isLive}
          onFinish={(v) => void run(() => api.put(`/market/seasons/${season.id}/paper-tallies`, { venue: v.venue, counts: entries.map((e) => ({ entryId: e.id, votes: v.counts?.[e.id] ?? 0 })) }))}
        >
          <Form.Item name="venue" label={t('market.live.paperVenue')} rules={[{ required: true, min: 2 }]} style={{ maxWidth: 320 }}>
            <Input placeholder={t('market.live.venuePlaceholder')} />
          </Form.Item>
          <Table<Entry>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={entries}
            columns={[
              { title: '#', key: 'n', width: 60, render: (_: unknown, e) => e.pitchOrder ?? e.number },
              { title: t('market.entries.project'), dataIndex: ['project', 'title'], ellipsis: true },
              {
                title: t('market.live.votes'),
                key: 'v',
                width: 140,
                render: (_: unknown, e) => (
                  <Form.Item name={['counts', e.id]} noStyle>
                    <InputNumber min={0} max={100000} />
                  </Form.Item>
                ),
              },
            ]}
          />
          <Button type="primary" htmlType="submit" style={{ marginTop: 12 }}>
            {t('market.live.save')}
          </Button>
        </Form>
      </Card>
      <Modal open={adding} title={t('market.live.addSession')} onCancel={() => setAdding(false)} onOk={() => venueForm.submit()} okText={t('actions.confirm')} cancelText={t('actions.cancel')} destroyOnHidden>
        <Form
          form={venueForm}
          layout="vertical"
          preserve={false}
          onFinish={(v) =>
            void run(async () => {
              await api.post(`/market/seasons/${season.id}/sessions`, v);
              setAdding(false);
            })
          }
        >
          <Form.Item name="venue" label={t('market.live.venue')} rules={[{ required: true, min: 2 }]}>
            <Input maxLength={40} placeholder={t('market.live.venuePlaceholder')} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

/** The session's current code and QR, refreshed as it rotates (for a second screen or the moderator's phone). */
function SessionCode({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const [code, setCode] = useState<{ code: string; url: string; expiresInSeconds: number } | null>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    let stopped = false;
    const load = async () => {
      try {
        const next = await api.get<{ code: string; url: string; expiresInSeconds: number }>(`/market/sessions/${sessionId}/code`);
        if (stopped) return;
        setCode(next);
        timer = setTimeout(() => void load(), (next.expiresInSeconds + 1) * 1000);
      } catch {
        timer = setTimeout(() => void load(), 10_000);
      }
    };
    void load();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [sessionId]);
  useEffect(() => {
    if (code && canvas.current) void QRCode.toCanvas(canvas.current, absolute(code.url), { width: 120, margin: 1 });
  }, [code]);
  if (!code) return null;
  return (
    <Space align="center">
      <canvas ref={canvas} />
      <Space orientation="vertical" size={0}>
        <Typography.Text type="secondary">{t('market.live.code')}</Typography.Text>
        <Typography.Text style={{ fontSize: 28, letterSpacing: 4, fontFamily: 'monospace' }} data-testid="session-code">
          {code.code}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('market.live.codeNote')}
        </Typography.Text>
      </Space>
    </Space>
  );
}
