import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import type { MemberImport } from '@niangjia/contracts';
import { Alert, App, Button, Card, Descriptions, Empty, Form, Progress, Radio, Result, Space, Steps, Table, Typography, Upload } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, ApiError, errorText } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { useMe } from '../../../shared/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';
import { useScope } from '../../layout/scope';

type Mode = 'only_valid' | 'all_or_nothing';

const POLL_MS = 500;
const isWorking = (b: MemberImport | null) => !!b?.job && (b.job.status === 'queued' || b.job.status === 'running');

/** 集中入会: template → upload (every row checked, nothing saved) → the report → commit in the chosen mode. */
export function ImportPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const me = useMe();
  const { scope } = useScope();
  const [orgId, setOrgId] = useState<string | undefined>(scope?.id);
  const [batch, setBatch] = useState<MemberImport | null>(null);
  const [busy, setBusy] = useState<'upload' | 'commit' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [mode, setMode] = useState<Mode>('only_valid');
  // The batch id lives in the URL: staff can leave a long check or commit and come back to it.
  const [params, setParams] = useSearchParams();
  const batchId = params.get('id');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // Bumped when a new job starts on the same batch (the commit after the check).
  const [round, setRound] = useState(0);

  // Checking and committing run as background jobs: poll the batch until its job is done.
  useEffect(() => {
    if (!batchId) return;
    let cancelled = false;
    const poll = async () => {
      try {
        const current = await api.get<MemberImport>(`/members/imports/${batchId}`);
        if (cancelled) return;
        setBatch(current);
        if (isWorking(current)) {
          timer.current = setTimeout(() => void poll(), POLL_MS);
        } else {
          setBusy(null);
          if (current.job?.status === 'succeeded' && current.job.kind === 'commit') message.success(t('members.import.committed', { n: current.committedRows }));
        }
      } catch (e) {
        if (!cancelled) {
          setError(e);
          setBusy(null);
        }
      }
    };
    void poll();
    return () => {
      cancelled = true;
      if (timer.current) clearTimeout(timer.current);
    };
  }, [batchId, round, message, t]);

  const follow = (b: MemberImport) => {
    setBatch(b);
    setParams({ id: b.id }, { replace: true });
  };

  const upload = async (file: File) => {
    if (!orgId) return;
    setBusy('upload');
    setError(null);
    setBatch(null);
    try {
      const body = new Blob([file], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
      const queued = await api.sendFile<MemberImport>('/members/imports', body, { orgId, fileName: file.name });
      follow(queued);
      if (!isWorking(queued)) setBusy(null);
    } catch (e) {
      setError(e);
      setBusy(null);
    }
  };

  const commit = () => {
    if (!batch) return;
    modal.confirm({
      title: t('members.import.commitTitle'),
      content: mode === 'only_valid' ? t('members.import.commitOnlyValid', { n: batch.validRows, skipped: batch.errorRows }) : t('members.import.commitAll', { n: batch.totalRows }),
      okText: t('members.import.commit'),
      cancelText: t('actions.cancel'),
      onOk: async () => {
        setBusy('commit');
        setError(null);
        try {
          const saved = await api.post<MemberImport>(`/members/imports/${batch.id}/commit`, { version: batch.version, mode });
          setBatch(saved);
          if (isWorking(saved)) {
            setRound((r) => r + 1);
          } else {
            setBusy(null);
          }
        } catch (e) {
          if (e instanceof ApiError && e.isConflict) {
            try {
              setBatch(await api.get<MemberImport>(`/members/imports/${batch.id}`));
            } catch {
              // The error below says what happened.
            }
          }
          setError(e);
          setBusy(null);
        }
      },
    });
  };

  const download = (path: string, name: string) => void api.download(path, undefined, name).catch((e: unknown) => message.error(errorText(e)));
  const step = !batch ? 1 : batch.status === 'committed' ? 3 : 2;
  const working = busy !== null || isWorking(batch);
  const hasReport = !!batch && ['checked', 'committing', 'committed'].includes(batch.status);
  const jobError = batch?.job?.status === 'failed' ? batch.job.error : null;
  const canCommitAll = !!batch && batch.errorRows === 0;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card title={t('members.import.title')} extra={<Button icon={<DownloadOutlined />} onClick={() => download('/members/imports/template', 'member-import-template.xlsx')}>{t('members.import.template')}</Button>}>
        <Steps
          current={step}
          style={{ marginBottom: 24 }}
          items={[{ title: t('members.import.stepTemplate') }, { title: t('members.import.stepUpload') }, { title: t('members.import.stepCheck') }, { title: t('members.import.stepCommit') }]}
        />
        <Typography.Paragraph type="secondary">{t('members.import.intro')}</Typography.Paragraph>
        <Form layout="vertical" style={{ maxWidth: 640 }}>
          <Form.Item label={t('members.import.org')} extra={t('members.import.orgHint')} required>
            <OrgTreeSelect roots={me.scopeRoots} value={orgId} valueLabel={scope?.name} onChange={(v) => setOrgId(v)} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item label={t('members.import.file')}>
            <Upload.Dragger
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              multiple={false}
              showUploadList={false}
              disabled={!orgId || working}
              beforeUpload={(file) => {
                void upload(file);
                return false;
              }}
            >
              <p className="ant-upload-drag-icon"><InboxOutlined /></p>
              <p className="ant-upload-text">{t('members.import.drop')}</p>
              <p className="ant-upload-hint">{t('members.import.dropHint')}</p>
            </Upload.Dragger>
          </Form.Item>
        </Form>
        {working && (
          <div style={{ maxWidth: 640 }} role="status" data-testid="import-progress">
            <Typography.Text>
              {batch?.job?.progressText ?? (batch?.job?.kind === 'commit' || busy === 'commit' ? t('members.import.committing') : t('members.import.checking'))}
            </Typography.Text>
            <Progress percent={Math.round((batch?.job?.progress ?? 0) * 100)} status="active" />
          </div>
        )}
        {jobError && <Alert type="error" showIcon style={{ maxWidth: 640 }} title={jobError.title} description={jobError.detail ?? undefined} />}
        {error ? <ErrorAlert error={error} /> : null}
      </Card>

      {batch && hasReport && (
        <Card
          title={t('members.import.report', { name: batch.fileName ?? '' })}
          extra={<Button icon={<DownloadOutlined />} onClick={() => download(`/members/imports/${batch.id}/report`, 'member-import-report.xlsx')}>{t('members.import.reportDownload')}</Button>}
          data-testid="import-report"
        >
          {batch.isRepeat && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('members.import.repeat')} />}
          <Descriptions size="small" column={{ xs: 1, md: 4 }} bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('members.import.totalRows')}>{batch.totalRows}</Descriptions.Item>
            <Descriptions.Item label={t('members.import.validRows')}><Typography.Text type="success">{batch.validRows}</Typography.Text></Descriptions.Item>
            <Descriptions.Item label={t('members.import.errorRows')}><Typography.Text type={batch.errorRows ? 'danger' : undefined}>{batch.errorRows}</Typography.Text></Descriptions.Item>
            <Descriptions.Item label={t('members.import.committedRows')}>{batch.committedRows}</Descriptions.Item>
            <Descriptions.Item label={t('members.fields.org')}>{batch.org.name}</Descriptions.Item>
            <Descriptions.Item label={t('members.import.uploadedBy')}>{batch.createdByName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('members.import.uploadedAt')}>{formatDateTime(batch.createdAt)}</Descriptions.Item>
            <Descriptions.Item label={t('members.import.committedAt')}>{formatDateTime(batch.committedAt)}</Descriptions.Item>
          </Descriptions>
          <Table
            rowKey={(e) => `${e.row}-${e.column ?? ''}-${e.code}`}
            size="small"
            dataSource={batch.errors}
            pagination={{ pageSize: 20, showTotal: (total) => t('common.total', { total }) }}
            locale={{ emptyText: <Empty description={t('members.import.noErrors')} /> }}
            columns={[
              { title: t('members.import.row'), dataIndex: 'row', width: 80 },
              { title: t('members.import.column'), dataIndex: 'column', width: 140, render: (v: string | null) => v ?? '—' },
              { title: t('members.import.reason'), dataIndex: 'message' },
              { title: t('members.fields.realName'), dataIndex: 'name', width: 120, render: (v: string | null) => v ?? '—' },
              { title: t('members.fields.idNumber'), dataIndex: 'idNumberMasked', width: 190, render: (v: string | null) => v ?? '—' },
            ]}
          />
          {batch.errorRows > batch.errors.length && <Typography.Paragraph type="secondary">{t('members.import.moreErrors', { n: batch.errors.length })}</Typography.Paragraph>}
          {batch.status === 'committed' ? (
            <Result status="success" title={t('members.import.committed', { n: batch.committedRows })} subTitle={batch.mode ? t(`members.import.mode.${batch.mode}`) : undefined} />
          ) : (
            <Space orientation="vertical" style={{ marginTop: 16 }}>
              <Radio.Group value={mode} onChange={(e) => setMode(e.target.value as Mode)}>
                <Space orientation="vertical">
                  <Radio value="only_valid">{t('members.import.mode.only_valid')}</Radio>
                  <Radio value="all_or_nothing" disabled={!canCommitAll}>
                    {t('members.import.mode.all_or_nothing')}
                    {!canCommitAll && <Typography.Text type="secondary">（{t('members.import.allBlocked')}）</Typography.Text>}
                  </Radio>
                </Space>
              </Radio.Group>
              <Button type="primary" onClick={commit} loading={busy === 'commit'} disabled={busy !== null || (mode === 'only_valid' && batch.validRows === 0)}>
                {t('members.import.commit')}
              </Button>
            </Space>
          )}
        </Card>
      )}
    </Space>
  );
}
