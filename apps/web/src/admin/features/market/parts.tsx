import { FilePdfOutlined, UploadOutlined } from '@ant-design/icons';
import type { MarketFile, TrackRecord } from '@niangjia/contracts';
import { App, Button, Card, Col, Empty, Image, List, Rate, Row, Space, Statistic, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorText } from '../../../shared/api';
import { formatDate, formatMoney } from '../../../shared/format';

export const fileUrl = (id: string) => `/api/v1/market/files/${id}`;

const COLORS: Record<string, string> = {
  pending: 'gold',
  placed: 'gold',
  submitted: 'blue',
  returned: 'orange',
  approved: 'green',
  passed: 'green',
  confirmed: 'blue',
  delivered: 'green',
  finalist: 'red',
  suspended: 'default',
  failed: 'default',
  declined: 'default',
  cancelled: 'default',
  withdrawn: 'default',
  draft: 'default',
  superseded: 'default',
};

/** A status as a coloured tag, named from the shared terms (e.g. marketTerms.orderStatus). */
export function StatusTag({ kind, value }: { kind: 'providerStatus' | 'projectStatus' | 'versionStatus' | 'entryStatus' | 'orderStatus' | 'stage'; value: string }) {
  const { t } = useTranslation();
  return <Tag color={COLORS[value] ?? 'processing'}>{t(`marketTerms.${kind}.${value}`)}</Tag>;
}

/** `¥1,500.00 元/场`, or 免费. */
export function priceText(t: TFunction, fen: number, unit: string): string {
  return fen === 0 ? t('marketTerms.free') : `${formatMoney(fen)} ${t(`marketTerms.unit.${unit}`)}`;
}

export const prizeText = (t: TFunction, prize: number | null | undefined) => (prize ? t(`marketTerms.prize.${prize}`) : '—');

/** Photos as thumbnails, documents as links; all through the access-checked file route. */
export function FileList({ files, ids }: { files?: MarketFile[]; ids?: string[] }) {
  const items = files ?? (ids ?? []).map((id) => ({ id, name: null, contentType: 'image/*', size: 0, createdAt: '' }));
  if (!items.length) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space wrap>
      {items.map((f) =>
        f.contentType === 'application/pdf' ? (
          <a key={f.id} href={fileUrl(f.id)} target="_blank" rel="noreferrer">
            <FilePdfOutlined /> {f.name ?? 'PDF'}
          </a>
        ) : (
          <Image key={f.id} src={fileUrl(f.id)} width={72} height={72} style={{ objectFit: 'cover', borderRadius: 4 }} alt={f.name ?? ''} />
        ),
      )}
    </Space>
  );
}

/** Uploads files one by one (the body is the file) and keeps their ids; images only when asked. */
export function FileUploader({ value = [], onChange, accept, multiple = true, testId }: { value?: string[]; onChange?: (ids: string[]) => void; accept: string; multiple?: boolean; testId?: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [uploading, setUploading] = useState(false);
  const [names, setNames] = useState<Record<string, MarketFile>>({});
  const pick = async (list: FileList | null) => {
    if (!list?.length) return;
    setUploading(true);
    const ids = [...value];
    try {
      for (const file of Array.from(list)) {
        const saved = await api.sendFile<MarketFile>('/market/files', file, { name: file.name });
        ids.push(saved.id);
        setNames((n) => ({ ...n, [saved.id]: saved }));
      }
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setUploading(false);
      onChange?.(multiple ? ids : ids.slice(-1));
      if (input.current) input.current.value = '';
    }
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        {value.map((id) => (
          <Tag key={id} closable onClose={() => onChange?.(value.filter((x) => x !== id))}>
            {names[id]?.name ?? id.slice(0, 8)}
          </Tag>
        ))}
      </Space>
      <input ref={input} type="file" accept={accept} multiple={multiple} hidden data-testid={testId} onChange={(e) => void pick(e.target.files)} />
      <Button icon={<UploadOutlined />} loading={uploading} onClick={() => input.current?.click()}>
        {t('market.portal.projects.upload')}
      </Button>
    </Space>
  );
}

/** A provider's deliveries, ratings and earlier entries, for reviewers and judges. */
export function TrackRecordCard({ record }: { record: TrackRecord }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('market.providers.track.title')}>
      <Row gutter={16}>
        <Col span={6}>
          <Statistic title={t('market.providers.track.delivered')} value={record.deliveredOrders} />
        </Col>
        <Col span={6}>
          <Statistic title={t('market.providers.track.attendance')} value={record.attendance} />
        </Col>
        <Col span={6}>
          <Statistic title={t('market.providers.track.rating')} value={record.ratingAverage ?? '—'} suffix={record.ratingCount ? `(${record.ratingCount})` : undefined} />
        </Col>
        <Col span={6}>
          <Statistic title={t('market.providers.track.declined')} value={record.declinedOrders} />
        </Col>
      </Row>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('market.providers.track.entries')}
      </Typography.Title>
      {record.entries.length ? (
        <List
          size="small"
          dataSource={record.entries}
          renderItem={(e) => (
            <List.Item>
              {e.year} · {e.seasonTitle} · {e.projectTitle}{' '}
              <Space>
                <StatusTag kind="entryStatus" value={e.status} />
                {e.prize ? <Tag color="red">{prizeText(t, e.prize)}</Tag> : null}
              </Space>
            </List.Item>
          )}
        />
      ) : (
        <Typography.Text type="secondary">{t('market.providers.track.noEntries')}</Typography.Text>
      )}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('market.providers.track.comments')}
      </Typography.Title>
      {record.recentComments.length ? (
        <List
          size="small"
          dataSource={record.recentComments}
          renderItem={(c) => (
            <List.Item>
              <Space orientation="vertical" size={0}>
                <Space>
                  <Rate disabled value={c.rating} style={{ fontSize: 12 }} />
                  <Typography.Text type="secondary">
                    {c.union ?? t('market.orders.self')} · {formatDate(c.at)}
                  </Typography.Text>
                </Space>
                <Typography.Text>{c.comment}</Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('market.providers.track.noComments')} />
      )}
    </Card>
  );
}
