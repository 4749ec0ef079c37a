import { PrinterOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';

/** 打印门牌 (the A4 sign, print-styled) and the public page, opened in a new tab. */
export function SignageButtons({ code }: { code: string }) {
  const { t } = useTranslation();
  return (
    <>
      <Button href={`/p/${encodeURIComponent(code)}`} target="_blank" rel="noopener">
        {t('starsAdmin.drawer.publicPage')}
      </Button>
      <Button icon={<PrinterOutlined />} href={`/p/${encodeURIComponent(code)}/sign`} target="_blank" rel="noopener" data-testid="print-sign">
        {t('starsAdmin.drawer.print')}
      </Button>
    </>
  );
}
