import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import type { PositionImport } from '@niangjia/contracts';
import { Alert, App, Button, Card, Descriptions, Empty, Progress, Radio, Result, Space, Steps, Typography, Upload } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable';
import { useNavigate, useSearchParams } from 'react-router';
import { api, errorText } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { ErrorAlert } from '../../components/ErrorAlert';

type Mode = 'only_valid' | 'all_or_nothing';
const POLL_MS = 400;
const isWorking = (b: PositionImport | null) => !!b && (b.job.status === 'queued' || b.job.status === 'running');

/** 服务阵地 ▸ 阵地导入 (/positions/imports): template → upload (checked, nothing saved) → per-row report → commit. */
export function PositionImportPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const [batch, setBatch] = useState<PositionImport | null>(null);
  const [busy, setBusy] = useState<'upload' | 'commit' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [mode, setMode] = useState<Mode>('only_valid');
  // The batch id in the URL: staff can leave and come back to a check or a commit.
  const [params, setParams] = useSearchParams();
  const batchId = params.get('id');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const [round, setRound] = useState(0);

  useEffect(() => {
    if (!batchId) return;
    let cancelled = false;
    const poll = async () => {
      try {
        const current = await api.get<PositionImport>(`/positions/imports/${batchId}`);
        if (cancelled) return;
        setBatch(current);
        if (isWorking(current)) timer.current = setTimeout(() => void poll(), POLL_MS);
        else {
          setBusy(null);
          if (current.status === 'committed' && current.job.kind === 'commit' && round > 0) message.success(t('positionsImport.committed', { n: current.committedRows }));
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

  const upload = async (file: File) => {
    setBusy('upload');
    setError(null);
    setBatch(null);
    try {
      const body = new Blob([file], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
      const queued = await api.sendFile<PositionImport>('/positions/imports', body, { fileName: file.name });
      setBatch(queued);
      setParams({ id: queued.id }, { replace: true });
    } catch (e) {
      setError(e);
      setBusy(null);
    }
  };

  const commit = () => {
    if (!batch) return;
    const counts = { create: batch.createRows, update: batch.updateRows, skipped: batch.errorRows };
    modal.confirm({
      title: t('positionsImport.commitTitle'),
      content: mode === 'only_valid' ? t('positionsImport.commitOnlyValid', counts) : t('positionsImport.commitAll', counts),
      okText: t('positionsImport.commit'),
      cancelText: t('actions.cancel'),
      onOk: async () => {
        setBusy('commit');
        setError(null);
        try {
          const saved = await api.post<PositionImport>(`/positions/imports/${batch.id}/commit`, { mode });
          setBatch(saved);
          if (isWorking(saved)) setRound((r) => r + 1);
          else setBusy(null);
        } catch (e) {
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
  const jobError = batch?.job.status === 'failed' ? batch.job.error : null;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={t('positionsImport.title')}
        extra={
          <Space>
            <Button onClick={() => navigate('/positions')}>{t('positionsImport.backToList')}</Button>
            <Button icon={<DownloadOutlined />} onClick={() => download('/positions/imports/template', 'position-import-template.xlsx')}>
              {t('positionsImport.template')}
            </Button>
          </Space>
        }
      >
        <Steps
          current={step}
          style={{ marginBottom: 24 }}
          items={[{ title: t('positionsImport.stepTemplate') }, { title: t('positionsImport.stepUpload') }, { title: t('positionsImport.stepCheck') }, { title: t('positionsImport.stepCommit') }]}
        />
        <Typography.Paragraph type="secondary" style={{ maxWidth: 900 }}>
          {t('positionsImport.intro')}
        </Typography.Paragraph>
        <div style={{ maxWidth: 640 }}>
          <Upload.Dragger
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            multiple={false}
            showUploadList={false}
            disabled={working}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('positionsImport.drop')}</p>
            <p className="ant-upload-hint">{t('positionsImport.dropHint')}</p>
          </Upload.Dragger>
        </div>
        {working && (
          <div style={{ maxWidth: 640, marginTop: 16 }} role="status" data-testid="import-progress">
            <Typography.Text>{batch?.job.progressText ?? (busy === 'commit' || batch?.job.kind === 'commit' ? t('positionsImport.committing') : t('positionsImport.checking'))}</Typography.Text>
            <Progress percent={Math.round((batch?.job.progress ?? 0) * 100)} status="active" />
          </div>
        )}
        {jobError && <Alert type="error" showIcon style={{ maxWidth: 640, marginTop: 16 }} title={jobError.title} description={jobError.detail ?? undefined} />}
        {error ? (
          <div style={{ marginTop: 16 }}>
            <ErrorAlert error={error} />
          </div>
        ) : null}
      </Card>

      {batch && hasReport && (
        <Card
          title={t('positionsImport.report', { name: batch.fileName ?? '' })}
          extra={
            <Button icon={<DownloadOutlined />} onClick={() => download(`/positions/imports/${batch.id}/report`, 'position-import-report.xlsx')}>
              {t('positionsImport.reportDownload')}
            </Button>
          }
          data-testid="import-report"
        >
          <Descriptions size="small" column={{ xs: 1, md: 4 }} bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('positionsImport.totalRows')}>{batch.totalRows}</Descriptions.Item>
            <Descriptions.Item label={t('positionsImport.validRows')}>
              <Typography.Text type="success">{batch.validRows}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('positionsImport.errorRows')}>
              <Typography.Text type={batch.errorRows ? 'danger' : undefined}>{batch.errorRows}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('positionsImport.committedRows')}>{batch.committedRows}</Descriptions.Item>
            <Descriptions.Item label={t('positionsImport.createRows')}>{batch.createRows}</Descriptions.Item>
            <Descriptions.Item label={t('positionsImport.updateRows')}>{batch.updateRows}</Descriptions.Item>
            <Descriptions.Item label={t('positionsImport.uploadedAt')} span={2}>
              {formatDateTime(batch.createdAt)}
            </Descriptions.Item>
          </Descriptions>
          <DataTable
            id="position-import"
            columnSettings={false}
            rowKey={(e) => `${e.row}-${e.column ?? ''}-${e.code}`}
            size="small"
            dataSource={batch.errors}
            pagination={{ pageSize: 20, showTotal: (total) => t('common.total', { total }) }}
            locale={{ emptyText: <Empty description={t('positionsImport.noErrors')} /> }}
            columns={[
              { title: t('positionsImport.row'), key: 'row', dataIndex: 'row', width: 80 },
              { title: t('positionsImport.code'), key: 'positionCode', dataIndex: 'positionCode', width: 140, render: (v: string | null) => v ?? '—' },
              { title: t('positionsImport.name'), key: 'name', dataIndex: 'name', width: 200, render: (v: string | null) => v ?? '—' },
              { title: t('positionsImport.column'), key: 'column', dataIndex: 'column', width: 150, render: (v: string | null) => v ?? '—' },
              { title: t('positionsImport.reason'), key: 'message', dataIndex: 'message' },
            ]}
          />
          {batch.errorCount > batch.errors.length && <Typography.Paragraph type="secondary">{t('positionsImport.moreErrors', { n: batch.errors.length })}</Typography.Paragraph>}
          {batch.status === 'committed' ? (
            <Result
              status="success"
              title={t('positionsImport.committed', { n: batch.committedRows })}
              subTitle={batch.mode ? t(`positionsImport.mode.${batch.mode}`) : undefined}
              extra={
                <Button type="primary" onClick={() => navigate('/positions')}>
                  {t('positionsImport.backToList')}
                </Button>
              }
            />
          ) : (
            <Space orientation="vertical" style={{ marginTop: 16 }}>
              <Radio.Group value={mode} onChange={(e) => setMode(e.target.value as Mode)}>
                <Space orientation="vertical">
                  <Radio value="only_valid">{t('positionsImport.mode.only_valid')}</Radio>
                  <Radio value="all_or_nothing" disabled={batch.errorRows > 0}>
                    {t('positionsImport.mode.all_or_nothing')}
                    {batch.errorRows > 0 && <Typography.Text type="secondary">（{t('positionsImport.allBlocked')}）</Typography.Text>}
                  </Radio>
                </Space>
              </Radio.Group>
              <Button type="primary" onClick={commit} loading={busy === 'commit'} disabled={working || batch.validRows === 0}>
                {t('positionsImport.commit')}
              </Button>
            </Space>
          )}
        </Card>
      )}
    </Space>
  );
}
