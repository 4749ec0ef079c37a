import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import type { ImportJob, ImportRowError, ImportStatus } from '@niangjia/contracts';
import { Alert, App, Button, Card, Descriptions, Empty, Form, Progress, Radio, Result, Space, Steps, Typography, Upload } from 'antd';
import type { DataColumn } from '../DataTable';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../DataTable';
import { useSearchParams } from 'react-router';
import { api, ApiError, errorText } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { ErrorAlert } from '../ErrorAlert';

type Mode = 'only_valid' | 'all_or_nothing';

/** What every Excel import batch has (members' 集中入会, breakfast cards, …). */
export type ImportBatch = {
  id: string;
  fileName: string | null;
  status: ImportStatus;
  job: ImportJob | null;
  mode: Mode | null;
  totalRows: number;
  validRows: number;
  errorRows: number;
  committedRows: number;
  isRepeat: boolean;
  errors: ImportRowError[];
  /** How many problems the check found; `errors` holds the first of them. */
  errorCount: number;
  createdByName: string | null;
  createdAt: string;
  committedAt: string | null;
  version: number;
};

export type ImportFlowProps<B extends ImportBatch> = {
  /** i18n prefix holding the flow's strings (the keys of `members.import`). */
  ns: string;
  /** e.g. `/members/imports`: POST it (the .xlsx), GET `/:id`, POST `/:id/commit`, GET `/template`, `/:id/report`. */
  basePath: string;
  templateFileName: string;
  reportFileName: string;
  /** Query sent with the upload besides `fileName` (e.g. the org). */
  uploadQuery?: Record<string, string | undefined>;
  /** False while something the upload needs is missing. */
  canUpload?: boolean;
  /** Form items above the file picker (e.g. the org picker). */
  formItems?: ReactNode;
  /** Descriptions items of the report besides the counts and who/when. */
  describe?: (batch: B) => ReactNode;
  /** Error columns after 行号 / 列 / 原因. */
  extraColumns?: DataColumn<ImportRowError>[];
  /** Called when a batch's check or commit is done (e.g. to refresh an import history). */
  onSettled?: (batch: B) => void;
};

const POLL_MS = 500;
const isWorking = (b: ImportBatch | null) => !!b?.job && (b.job.status === 'queued' || b.job.status === 'running');

/** An Excel import: template → upload (every row checked, nothing saved) → the per-row report → commit in the chosen mode. */
export function ImportFlow<B extends ImportBatch>({ ns, basePath, templateFileName, reportFileName, uploadQuery, canUpload = true, formItems, describe, extraColumns = [], onSettled }: ImportFlowProps<B>) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [batch, setBatch] = useState<B | null>(null);
  const [busy, setBusy] = useState<'upload' | 'commit' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [mode, setMode] = useState<Mode>('only_valid');
  // The batch id lives in the URL: staff can leave a long check or commit and come back to it.
  const [params, setParams] = useSearchParams();
  const batchId = params.get('id');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // Bumped when a new job starts on the same batch (the commit after the check).
  const [round, setRound] = useState(0);
  const settled = useRef(onSettled);
  settled.current = onSettled;

  // Checking and committing run as background jobs: poll the batch until its job is done.
  useEffect(() => {
    if (!batchId) return;
    let cancelled = false;
    const poll = async () => {
      try {
        const current = await api.get<B>(`${basePath}/${batchId}`);
        if (cancelled) return;
        setBatch(current);
        if (isWorking(current)) {
          timer.current = setTimeout(() => void poll(), POLL_MS);
        } else {
          setBusy(null);
          settled.current?.(current);
          if (current.job?.status === 'succeeded' && current.job.kind === 'commit') message.success(t(`${ns}.committed`, { n: current.committedRows }));
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
  }, [batchId, round, message, t, ns, basePath]);

  const follow = (b: B) => {
    setBatch(b);
    setParams({ id: b.id }, { replace: true });
  };

  const upload = async (file: File) => {
    if (!canUpload) return;
    setBusy('upload');
    setError(null);
    setBatch(null);
    try {
      const body = new Blob([file], {
        type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      });
      const queued = await api.sendFile<B>(basePath, body, {
        ...uploadQuery,
        fileName: file.name,
      });
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
      title: t(`${ns}.commitTitle`),
      content:
        mode === 'only_valid'
          ? t(`${ns}.commitOnlyValid`, {
              n: batch.validRows,
              skipped: batch.errorRows,
            })
          : t(`${ns}.commitAll`, { n: batch.totalRows }),
      okText: t(`${ns}.commit`),
      cancelText: t('actions.cancel'),
      onOk: async () => {
        setBusy('commit');
        setError(null);
        try {
          const saved = await api.post<B>(`${basePath}/${batch.id}/commit`, {
            version: batch.version,
            mode,
          });
          setBatch(saved);
          if (isWorking(saved)) {
            setRound((r) => r + 1);
          } else {
            setBusy(null);
          }
        } catch (e) {
          if (e instanceof ApiError && e.isConflict) {
            try {
              setBatch(await api.get<B>(`${basePath}/${batch.id}`));
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
      <Card
        title={t(`${ns}.title`)}
        extra={
          <Button icon={<DownloadOutlined />} onClick={() => download(`${basePath}/template`, templateFileName)}>
            {t(`${ns}.template`)}
          </Button>
        }
      >
        <Steps
          current={step}
          style={{ marginBottom: 24 }}
          items={[{ title: t(`${ns}.stepTemplate`) }, { title: t(`${ns}.stepUpload`) }, { title: t(`${ns}.stepCheck`) }, { title: t(`${ns}.stepCommit`) }]}
        />
        <Typography.Paragraph type="secondary">{t(`${ns}.intro`)}</Typography.Paragraph>
        <Form layout="vertical" style={{ maxWidth: 640 }}>
          {formItems}
          <Form.Item label={t(`${ns}.file`)}>
            <Upload.Dragger
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              multiple={false}
              showUploadList={false}
              disabled={!canUpload || working}
              beforeUpload={(file) => {
                void upload(file);
                return false;
              }}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{t(`${ns}.drop`)}</p>
              <p className="ant-upload-hint">{t(`${ns}.dropHint`)}</p>
            </Upload.Dragger>
          </Form.Item>
        </Form>
        {working && (
          <div style={{ maxWidth: 640 }} role="status" data-testid="import-progress">
            <Typography.Text>{batch?.job?.progressText ?? (batch?.job?.kind === 'commit' || busy === 'commit' ? t(`${ns}.committing`) : t(`${ns}.checking`))}</Typography.Text>
            <Progress percent={Math.round((batch?.job?.progress ?? 0) * 100)} status="active" />
          </div>
        )}
        {jobError && <Alert type="error" showIcon style={{ maxWidth: 640 }} title={jobError.title} description={jobError.detail ?? undefined} />}
        {error ? <ErrorAlert error={error} /> : null}
      </Card>

      {batch && hasReport && (
        <Card
          title={t(`${ns}.report`, { name: batch.fileName ?? '' })}
          extra={
            <Button icon={<DownloadOutlined />} onClick={() => download(`${basePath}/${batch.id}/report`, reportFileName)}>
              {t(`${ns}.reportDownload`)}
            </Button>
          }
          data-testid="import-report"
        >
          {batch.isRepeat && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t(`${ns}.repeat`)} />}
          <Descriptions size="small" column={{ xs: 1, md: 4 }} bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t(`${ns}.totalRows`)}>{batch.totalRows}</Descriptions.Item>
            <Descriptions.Item label={t(`${ns}.validRows`)}>
              <Typography.Text type="success">{batch.validRows}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t(`${ns}.errorRows`)}>
              <Typography.Text type={batch.errorRows ? 'danger' : undefined}>{batch.errorRows}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t(`${ns}.committedRows`)}>{batch.committedRows}</Descriptions.Item>
            {describe?.(batch)}
            <Descriptions.Item label={t(`${ns}.uploadedBy`)}>{batch.createdByName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t(`${ns}.uploadedAt`)}>{formatDateTime(batch.createdAt)}</Descriptions.Item>
            <Descriptions.Item label={t(`${ns}.committedAt`)}>{formatDateTime(batch.committedAt)}</Descriptions.Item>
          </Descriptions>
          <DataTable
            id="import-report"
            columnSettings={false}
            rowKey={(e) => `${e.row}-${e.column ?? ''}-${e.code}`}
            size="small"
            dataSource={batch.errors}
            pagination={{
              pageSize: 20,
              showTotal: (total) => t('common.total', { total }),
            }}
            locale={{ emptyText: <Empty description={t(`${ns}.noErrors`)} /> }}
            columns={[
              { title: t(`${ns}.row`), key: 'row', dataIndex: 'row', width: 80 },
              {
                title: t(`${ns}.column`),
                key: 'column',
                dataIndex: 'column',
                width: 140,
                render: (v: string | null) => v ?? '—',
              },
              { title: t(`${ns}.reason`), key: 'message', dataIndex: 'message' },
              ...extraColumns,
            ]}
          />
          {batch.errorCount > batch.errors.length && <Typography.Paragraph type="secondary">{t(`${ns}.moreErrors`, { n: batch.errors.length })}</Typography.Paragraph>}
          {batch.status === 'committed' ? (
            <Result status="success" title={t(`${ns}.committed`, { n: batch.committedRows })} subTitle={batch.mode ? t(`${ns}.mode.${batch.mode}`) : undefined} />
          ) : (
            <Space orientation="vertical" style={{ marginTop: 16 }}>
              <Radio.Group value={mode} onChange={(e) => setMode(e.target.value as Mode)}>
                <Space orientation="vertical">
                  <Radio value="only_valid">{t(`${ns}.mode.only_valid`)}</Radio>
                  <Radio value="all_or_nothing" disabled={!canCommitAll}>
                    {t(`${ns}.mode.all_or_nothing`)}
                    {!canCommitAll && <Typography.Text type="secondary">（{t(`${ns}.allBlocked`)}）</Typography.Text>}
                  </Radio>
                </Space>
              </Radio.Group>
              <Button type="primary" onClick={commit} loading={busy === 'commit'} disabled={busy !== null || (mode === 'only_valid' && batch.validRows === 0)}>
                {t(`${ns}.commit`)}
              </Button>
            </Space>
          )}
        </Card>
      )}
    </Space>
  );
}
