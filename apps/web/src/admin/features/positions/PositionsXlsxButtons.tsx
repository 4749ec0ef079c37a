import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, errorText } from '../../../shared/api';

/** 导出 Excel (the filtered list, in the import layout) and 从 Excel 导入, beside 新增阵地. */
export function PositionsXlsxButtons({ query, canWrite }: { query: Record<string, string | undefined>; canWrite: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [exporting, setExporting] = useState(false);
  const exportList = async () => {
    setExporting(true);
    try {
      const clean = Object.fromEntries(Object.entries(query).filter(([, v]) => v)) as Record<string, string>;
      await api.download('/positions/export', clean, 'positions.xlsx');
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setExporting(false);
    }
  };
  return (
    <>
      <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportList()}>
        {t('positionsImport.export')}
      </Button>
      {canWrite && (
        <Button icon={<UploadOutlined />} onClick={() => navigate('/positions/imports')}>
          {t('positionsImport.open')}
        </Button>
      )}
    </>
  );
}
