import { FilePdfOutlined } from '@ant-design/icons';
import { Image } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * A stored document of the shared photo store: a photo as a thumbnail that opens a preview, or a PDF
 * as a download link (the server sends a PDF as an attachment, never rendered in the page).
 */
export function Attachment({ id, isPdf, size, alt = '' }: { id: string; isPdf: boolean; size: number | { width: number; height: number }; alt?: string }) {
  const { t } = useTranslation();
  const { width, height } = typeof size === 'number' ? { width: size, height: size } : size;
  const src = `/api/v1/photos/${id}`;
  if (!isPdf) return <Image src={src} width={width} height={height} style={{ objectFit: 'cover' }} alt={alt} />;
  return (
    <a
      href={src}
      download
      title={t('common.pdfDownload')}
      data-testid="attachment-pdf"
      style={{ width, height, display: 'inline-flex', flexDirection: 'column', alignItems: 'center', justifyContent: 'center', border: '1px solid #d9d9d9', borderRadius: 6, fontSize: 12, lineHeight: 1.2 }}
    >
      <FilePdfOutlined style={{ fontSize: Math.min(28, height / 2.5), color: '#cf1322' }} />
      {height >= 48 ? <span>{t('common.pdfFile')}</span> : null}
    </a>
  );
}
