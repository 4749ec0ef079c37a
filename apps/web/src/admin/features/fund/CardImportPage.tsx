import type { BreakfastCardImport } from '@niangjia/contracts';
import { useTranslation } from 'react-i18next';
import { ImportFlow } from '../../components/import/ImportFlow';

/** 爱心基金 ▸ 早餐卡导入 (/fund/cards/imports): the members import flow, for breakfast cards. */
export function CardImportPage() {
  const { t } = useTranslation();
  return (
    <ImportFlow<BreakfastCardImport>
      ns="fundAdmin.cardImport"
      basePath="/breakfast-cards/imports"
      templateFileName="breakfast-card-template.xlsx"
      reportFileName="breakfast-card-import-report.xlsx"
      extraColumns={[
        {
          title: t('fundAdmin.cardImport.holder'),
          dataIndex: 'name',
          width: 140,
          render: (v: string | null) => v ?? '—',
        },
      ]}
    />
  );
}
