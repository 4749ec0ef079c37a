import type { EventView, Member, Page, TournamentDetail, TournamentMatch, TournamentView } from '@niangjia/contracts';
import { tournamentFormats } from '@niangjia/contracts';
import { Alert, App, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api, errorText } from '../../../../shared/api';
import { applyServerErrors } from '../../../../shared/form-errors';
import { formatDateTime, instantOfShanghaiPicker } from '../../../../shared/format';
import { useRequest } from '../../../../shared/use-request';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { OrgTreeSelect } from '../../../components/OrgTreeSelect';
import { useMe } from '../../../../shared/session';
import { useScope } from '../../../layout/scope';

/** 赛事 (/events/tournaments): the tournaments of sport events; one opens with its teams, schedule and results, standings. */
export function TournamentsPage() {
  const { tournamentId } = useParams();
  return tournamentId ? <TournamentDetailView id={tournamentId} /> : <TournamentList />;
}

function TournamentList() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [isCreating, setCreating] = useState(false);
  const list = useRequest((signal) => api.get<{ items: TournamentView[] }>('/tournaments', undefined, { signal }), []);
  return (
    <Card
      title={t('tournamentAdmin.title')}
      extra={
        <Button type="primary" onClick={() => setCreating(true)} data-testid="tournament-create">
          {t('tournamentAdmin.add')}
        </Button>
      }
    >
      {list.error ? <ErrorAlert error={list.error} /> : null}
      <Table<TournamentView>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('tournamentAdmin.empty') }}
        scroll={{ x: 1000 }}
        pagination={false}
        onRow={(r) => ({ onClick: () => void navigate(`/events/tournaments/${r.id}`), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('tournamentAdmin.col.title'), dataIndex: 'title', fixed: 'left', width: 260, ellipsis: true },
          { title: t('tournamentAdmin.col.event'), render: (_, r) => r.event.title, ellipsis: true },
          { title: t('tournamentAdmin.col.org'), render: (_, r) => r.event.org.name, ellipsis: true, width: 160 },
          { title: t('tournamentAdmin.col.format'), render: (_, r) => t(`tournamentAdmin.formats.${r.format}`), width: 140 },
          { title: t('tournamentAdmin.col.teams'), dataIndex: 'teamCount', width: 90 },
          { title: t('tournamentAdmin.col.status'), render: (_, r) => <Tag>{t(`tournamentAdmin.statuses.${r.status}`)}</Tag>, width: 100 },
        ]}
      />
      {isCreating ? <CreateTournament onClose={() => setCreating(false)} onCreated={(id) => void navigate(`/events/tournaments/${id}`)} /> : null}
    </Card>
  );
}

type CreateValues = {
  eventId: string;
  title: string;
  format: (typeof tournamentFormats)[number];
  groupCount: number;
  advancePerGroup: number;
  courts: string;
  firstSlotAt: Dayjs;
  slotMinutes: number;
  slotsPerDay: number;
  restSlots: number;
  pointsWin: number;
  pointsDraw: number;
  pointsLoss: number;
  rosterMin: number;
  rosterMax: number;
};

function CreateTournament({ onClose, onCreated }: { onClose: () => void; onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CreateValues>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const events = useRequest((signal) => api.get<Page<EventView>>('/events', { type: 'sport', pageSize: 100 }, { signal }), []);
  const format = Form.useWatch('format', form);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      const created = await api.post<TournamentDetail>('/tournaments', {
        ...v,
        courts: v.courts
          .split(/[,，、\s]+/)
          .map((c) => c.trim())
          .filter(Boolean),
        firstSlotAt: instantOfShanghaiPicker(v.firstSlotAt),
      });
      onCreated(created.tournament.id);
    } catch (e) {
      applyServerErrors(form, e, ['eventId', 'title', 'format', 'groupCount', 'advancePerGroup', 'courts', 'firstSlotAt', 'slotMinutes', 'slotsPerDay', 'restSlots', 'rosterMin', 'rosterMax']);
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={t('tournamentAdmin.add')} width={760} onCancel={onClose} onOk={() => void submit()} confirmLoading={busy} okText={t('tournamentAdmin.form.save')} destroyOnHidden>
      {error ? <ErrorAlert error={error} /> : null}
      <Form
        form={form}
        layout="vertical"
        data-testid="tournament-form"
        initialValues={{
          format: 'groups_knockout',
          groupCount: 4,
          advancePerGroup: 2,
          courts: '1号场、2号场',
          slotMinutes: 30,
          slotsPerDay: 16,
          restSlots: 1,
          pointsWin: 3,
          pointsDraw: 1,
          pointsLoss: 0,
          rosterMin: 3,
          rosterMax: 5,
        }}
      >
        <Form.Item name="eventId" label={t('tournamentAdmin.form.event')} rules={[{ required: true }]} extra={t('tournamentAdmin.form.eventHint')}>
          <Select options={(events.data?.items ?? []).map((e) => ({ value: e.id, label: `${e.title}（${formatDateTime(e.startsAt)}）` }))} loading={events.loading} />
        </Form.Item>
        <Form.Item name="title" label={t('tournamentAdmin.form.title')} rules={[{ required: true, min: 2, max: 100 }]}>
          <Input />
        </Form.Item>
        <Space wrap size="large">
          <Form.Item name="format" label={t('tournamentAdmin.form.format')} rules={[{ required: true }]}>
            <Select style={{ width: 200 }} options={tournamentFormats.map((f) => ({ value: f, label: t(`tournamentAdmin.formats.${f}`) }))} />
          </Form.Item>
          {format === 'groups_knockout' ? (
            <>
              <Form.Item name="groupCount" label={t('tournamentAdmin.form.groupCount')}>
                <InputNumber min={2} max={32} />
              </Form.Item>
              <Form.Item name="advancePerGroup" label={t('tournamentAdmin.form.advance')}>
                <InputNumber min={1} max={2} />
              </Form.Item>
            </>
          ) : null}
        </Space>
        <Form.Item name="courts" label={t('tournamentAdmin.form.courts')} rules={[{ required: true }]} extra={t('tournamentAdmin.form.courtsHint')}>
          <Input />
        </Form.Item>
        <Space wrap size="large">
          <Form.Item name="firstSlotAt" label={t('tournamentAdmin.form.firstSlot')} rules={[{ required: true }]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
          </Form.Item>
          <Form.Item name="slotMinutes" label={t('tournamentAdmin.form.slotMinutes')}>
            <InputNumber min={5} max={600} />
          </Form.Item>
          <Form.Item name="slotsPerDay" label={t('tournamentAdmin.form.slotsPerDay')}>
            <InputNumber min={1} max={48} />
          </Form.Item>
          <Form.Item name="restSlots" label={t('tournamentAdmin.form.restSlots')}>
            <InputNumber min={0} max={10} />
          </Form.Item>
        </Space>
        <Space wrap size="large">
          <Form.Item name="pointsWin" label={t('tournamentAdmin.form.pointsWin')}>
            <InputNumber min={0} max={10} />
          </Form.Item>
          <Form.Item name="pointsDraw" label={t('tournamentAdmin.form.pointsDraw')}>
            <InputNumber min={0} max={10} />
          </Form.Item>
          <Form.Item name="pointsLoss" label={t('tournamentAdmin.form.pointsLoss')}>
            <InputNumber min={0} max={10} />
          </Form.Item>
          <Form.Item name="rosterMin" label={t('tournamentAdmin.form.rosterMin')}>
            <InputNumber min={1} max={50} />
          </Form.Item>
          <Form.Item name="rosterMax" label={t('tournamentAdmin.form.rosterMax')}>
            <InputNumber min={1} max={50} />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

function TournamentDetailView({ id }: { id: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [data, setData] = useState<TournamentDetail | null>(null);
  const [isEntering, setEntering] = useState(false);
  const [busy, setBusy] = useState(false);
  const detail = useRequest((signal) => api.get<TournamentDetail>(`/tournaments/${id}`, undefined, { signal }), [id]);
  const d = data ?? detail.data;
  if (!d) return <Card loading={detail.loading}>{detail.error ? <ErrorAlert error={detail.error} /> : null}</Card>;
  const tn = d.tournament;
  const draw = async () => {
    setBusy(true);
    try {
      setData(await api.post<TournamentDetail>(`/tournaments/${id}/draw`, { version: tn.version }));
      message.success(t('tournamentAdmin.drawn'));
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const names = (m: TournamentMatch, side: 'home' | 'away') => (side === 'home' ? (m.home?.name ?? m.homeSource ?? '—') : (m.away?.name ?? m.awaySource ?? '—'));
  return (
    <Card
      title={
        <Space>
          <Button type="link" onClick={() => void navigate('/events/tournaments')}>
            {t('tournamentAdmin.back')}
          </Button>
          <span data-testid="tournament-title">{tn.title}</span>
          <Tag>{t(`tournamentAdmin.statuses.${tn.status}`)}</Tag>
        </Space>
      }
      extra={
        <Space wrap>
          {tn.status === 'registration' ? <Button onClick={() => setEntering(true)}>{t('tournamentAdmin.enterTeam')}</Button> : null}
          {tn.canRun && tn.status === 'registration' ? (
            <Button type="primary" loading={busy} onClick={() => void draw()} data-testid="tournament-draw">
              {t('tournamentAdmin.draw')}
            </Button>
          ) : null}
          {tn.canRun && tn.status !== 'registration' ? (
            <Button href={`/m/tournament/${tn.id}`} target="_blank">
              {t('tournamentAdmin.phone')}
            </Button>
          ) : null}
          <Button href={`/screen/tournament/${tn.id}`} target="_blank">
            {t('tournamentAdmin.screen')}
          </Button>
        </Space>
      }
    >
      {tn.champion ? <Alert type="success" showIcon title={t('tournamentAdmin.champion', { team: tn.champion.name })} style={{ marginBottom: 12 }} /> : null}
      <Typography.Paragraph type="secondary">
        {t(`tournamentAdmin.formats.${tn.format}`)} · {tn.event.title} · {tn.event.org.name} · {t('tournamentAdmin.courtsText', { courts: tn.courts.join('、') })} ·{' '}
        {t('tournamentAdmin.rosterText', { min: tn.rosterMin, max: tn.rosterMax })}
      </Typography.Paragraph>
      <Tabs
        items={[
          {
            key: 'teams',
            label: t('tournamentAdmin.tabs.teams', { n: d.teams.length }),
            children: (
              <Table
                rowKey="id"
                size="small"
                dataSource={d.teams}
                scroll={{ x: 900 }}
                pagination={{ pageSize: 20, showTotal: (n) => t('tournamentAdmin.totalTeams', { n }) }}
                columns={[
                  { title: t('tournamentAdmin.col.team'), dataIndex: 'name', width: 220, fixed: 'left', ellipsis: true },
                  { title: t('tournamentAdmin.col.union'), render: (_, r) => r.union.name, width: 220, ellipsis: true },
                  { title: t('tournamentAdmin.col.group'), dataIndex: 'group', width: 80 },
                  { title: t('tournamentAdmin.col.seed'), dataIndex: 'seed', width: 80 },
                  { title: t('tournamentAdmin.col.players'), render: (_, r) => r.players.map((p) => p.name).join('、') || '—', ellipsis: true },
                ]}
              />
            ),
          },
          {
            key: 'matches',
            label: t('tournamentAdmin.tabs.matches', { n: d.matches.length }),
            children: (
              <Table
                rowKey="id"
                size="small"
                dataSource={d.matches}
                scroll={{ x: 900 }}
                pagination={{ pageSize: 30 }}
                columns={[
                  {
                    title: t('tournamentAdmin.col.stage'),
                    width: 140,
                    render: (_, m) => (m.stage === 'group' ? t('tournamentAdmin.groupRound', { g: m.group ?? '', n: m.round }) : t('tournamentAdmin.knockoutRound', { n: m.round })),
                  },
                  { title: t('tournamentAdmin.col.time'), width: 150, render: (_, m) => (m.startsAt ? formatDateTime(m.startsAt) : '—') },
                  { title: t('tournamentAdmin.col.court'), dataIndex: 'court', width: 90 },
                  { title: t('tournamentAdmin.col.home'), render: (_, m) => names(m, 'home'), ellipsis: true },
                  {
                    title: t('tournamentAdmin.col.score'),
                    width: 90,
                    render: (_, m) => (m.status === 'played' ? `${m.homeScore} : ${m.awayScore}` : m.status === 'bye' ? t('tournamentAdmin.bye') : '—'),
                  },
                  { title: t('tournamentAdmin.col.away'), render: (_, m) => names(m, 'away'), ellipsis: true },
                ]}
              />
            ),
          },
          {
            key: 'standings',
            label: t('tournamentAdmin.tabs.standings'),
            children: (
              <>
                <Alert
                  type="info"
                  style={{ marginBottom: 12 }}
                  title={t('tournamentAdmin.tieBreaks')}
                  description={
                    <ol style={{ margin: 0 }}>
                      {d.tieBreaks.zh.map((line, i) => (
                        <li key={line}>
                          {line}（{d.tieBreaks.en[i]}）
                        </li>
                      ))}
                    </ol>
                  }
                />
                {d.standings.map((g) => (
                  <Table
                    key={g.group ?? '-'}
                    title={() => (g.group ? t('tournamentAdmin.groupTitle', { g: g.group }) : null)}
                    rowKey="teamId"
                    size="small"
                    pagination={false}
                    dataSource={g.rows}
                    style={{ marginBottom: 12 }}
                    columns={[
                      { title: '#', dataIndex: 'rank', width: 50 },
                      { title: t('tournamentAdmin.col.team'), dataIndex: 'name', ellipsis: true },
                      { title: t('tournamentAdmin.col.union'), dataIndex: 'union', ellipsis: true },
                      { title: t('tournamentAdmin.col.record'), width: 140, render: (_, r) => `${r.played} / ${r.won}-${r.drawn}-${r.lost}` },
                      { title: t('tournamentAdmin.col.scores'), width: 110, render: (_, r) => `${r.scoreFor}:${r.scoreAgainst}` },
                      { title: t('tournamentAdmin.col.points'), dataIndex: 'points', width: 80 },
                    ]}
                  />
                ))}
              </>
            ),
          },
        ]}
      />
      {isEntering ? <EnterTeam tournament={d} onClose={() => setEntering(false)} onEntered={(next) => (setData(next), setEntering(false))} /> : null}
    </Card>
  );
}

function EnterTeam({ tournament, onClose, onEntered }: { tournament: TournamentDetail; onClose: () => void; onEntered: (d: TournamentDetail) => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const { scope } = useScope();
  const [form] = Form.useForm<{ unionOrgId: string; name: string; membershipIds: string[]; seed?: number }>();
  const [q, setQ] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const unionId = Form.useWatch('unionOrgId', form);
  const members = useRequest((signal) => api.get<Page<Member>>('/members', { q: q || undefined, status: 'active', orgId: unionId ?? scope?.id, pageSize: 50 }, { signal }), [q, unionId, scope?.id]);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      onEntered(await api.post<TournamentDetail>(`/tournaments/${tournament.tournament.id}/teams`, { ...v, seed: v.seed ?? null }));
    } catch (e) {
      applyServerErrors(form, e, ['unionOrgId', 'name', 'membershipIds', 'seed']);
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={t('tournamentAdmin.enterTeam')} width={640} onCancel={onClose} onOk={() => void submit()} confirmLoading={busy} okText={t('tournamentAdmin.form.save')} destroyOnHidden>
      {error ? <ErrorAlert error={error} /> : null}
      <Typography.Paragraph type="secondary">{t('tournamentAdmin.enterHint', { min: tournament.tournament.rosterMin, max: tournament.tournament.rosterMax })}</Typography.Paragraph>
      <Form form={form} layout="vertical" data-testid="team-form">
        <Form.Item name="unionOrgId" label={t('tournamentAdmin.col.union')} rules={[{ required: true }]}>
          <OrgTreeSelect roots={me.scopeRoots} />
        </Form.Item>
        <Form.Item name="name" label={t('tournamentAdmin.col.team')} rules={[{ required: true, max: 40 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="membershipIds" label={t('tournamentAdmin.col.players')} rules={[{ required: true }]}>
          <Select
            mode="multiple"
            showSearch
            filterOption={false}
            onSearch={setQ}
            loading={members.loading}
            options={(members.data?.items ?? []).map((m) => ({ value: m.id, label: `${m.person.realName}（${m.org.name}）` }))}
          />
        </Form.Item>
        <Form.Item name="seed" label={t('tournamentAdmin.col.seed')} extra={t('tournamentAdmin.seedHint')}>
          <InputNumber min={1} max={999} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
