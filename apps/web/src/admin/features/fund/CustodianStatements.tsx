import { UploadOutlined } from '@ant-design/icons';
import type { CustodianStatement, Page } from '@niangjia/contracts';
import { App, Button, Empty, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable';
import { api, ApiError } from '../../../shared/api';
import { formatDateTime, formatMoney } from '../../../shared/format';
import { useMe } from '../../../shared/session';
import { useRequest } from '../../../shared/use-request';
import { ErrorAlert } from '../../components/ErrorAlert';
import { listPagination } from '../../components/list-pagination';

/** The custodian's statements (CSV): upload (strict, every bad line listed) and the list. */
export function Statements() {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [error, setError] = useState<unknown>(null);
  const [isUploading, setIsUploading] = useState(false);
  const list = useRequest((signal) => api.get<Page<CustodianStatement>>('/fund-custodian/statements', { page, pageSize: 20 }, { signal }), [page]);
  const upload = async (file: File) => {
    setIsUploading(true);
    setError(null);
    try {
      const saved = await api.sendFile<CustodianStatement>('/fund-custodian/statements', new Blob([file], { type: 'text/csv' }), { fileName: file.name });
      message.success(
        t('fundAdmin.custodian.uploaded', {
          name: saved.fileName ?? file.name,
          n: saved.lineCount,
        }),
      );
      list.reload();
    } catch (e) {
      setError(e);
    } finally {
      setIsUploading(false);
    }
  };
  const lineErrors = error instanceof ApiError ? error.errors : [];
  return (
    <>
      {me.permissions.includes('fund.write') && (
        <Space orientation="vertical" style={{ marginBottom: 16 }}>
          <Upload
            accept=".csv,text/csv"
            showUploadList={false}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={isUploading}>
              {t('fundAdmin.custodian.upload')}
            </Button>
          </Upload>
          <Typography.Text type="secondary">{t('fundAdmin.custodian.csvHint')}</Typography.Text>
        </Space>
      )}
      {error ? <ErrorAlert error={error} /> : null}
      {lineErrors.length > 0 && (
        <DataTable
          id="statement-errors"
          columnSettings={false}
          size="small"
          rowKey={(e) => `${e.path}-${e.message}`}
          style={{ marginBottom: 16 }}
          pagination={false}
          dataSource={lineErrors}
          data-testid="statement-errors"
          columns={[
            {
              title: t('fundAdmin.custodian.statementLine'),
              key: 'path',
              dataIndex: 'path',
              width: 200,
            },
            { title: t('fundAdmin.cardImport.reason'), key: 'message', dataIndex: 'message' },
          ]}
        />
      )}
      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
      <DataTable<CustodianStatement>
        id="statements"
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{
          emptyText: <Empty description={t('fundAdmin.custodian.emptyStatements')} />,
        }}
        pagination={listPagination(
          t,
          {
            page,
            pageSize: 20,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
          },
          (p) => setPage(p),
        )}
        columns={[
          {
            title: t('fundAdmin.custodian.fileName'),
            key: 'fileName',
            dataIndex: 'fileName',
            render: (v: string | null) => v ?? '—',
          },
          {
            title: t('fundAdmin.custodian.lines'),
            key: 'lineCount',
            dataIndex: 'lineCount',
            width: 80,
            align: 'right',
          },
          {
            title: t('fundAdmin.custodian.period'),
            key: 'period',
            width: 220,
            render: (_: unknown, s) => `${s.fromDate ?? '—'} ~ ${s.toDate ?? '—'}`,
          },
          {
            title: t('fundAdmin.custodian.total'),
            key: 'totalFen',
            dataIndex: 'totalFen',
            width: 140,
            align: 'right',
            render: (v: number) => formatMoney(v),
          },
          {
            title: t('fundAdmin.custodian.importedAt'),
            key: 'createdAt',
            dataIndex: 'createdAt',
            width: 150,
            render: (v: string) => formatDateTime(v),
          },
        ]}
      />
    </>
  );
}
