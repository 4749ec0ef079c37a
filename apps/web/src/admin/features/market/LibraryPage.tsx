import { ShoppingCartOutlined, TrophyOutlined } from '@ant-design/icons';
import type { LibraryDetail, LibraryItem, Order, Page, Quote } from '@niangjia/contracts';
import { projectCategories, projectFormats } from '@niangjia/contracts/market-domain';
import { Alert, App, Card, Col, DatePicker, Descriptions, Empty, Form, Input, InputNumber, Modal, Pagination, Radio, Rate, Row, Select, Space, Tag, TimePicker, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, ApiError } from '../../../shared/api';
import { formatMoney } from '../../../shared/format';
import { applyServerErrors } from '../../../shared/form-errors';
import { useMe } from '../../../shared/session';
import { useRequest } from '../../../shared/use-request';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useScope } from '../../layout/scope';
import { fileUrl, FileList, priceText, prizeText } from './parts';

const CATEGORY_COLOR: Record<string, string> = { skills: '#1d6fd6', culture: '#c8102e', sports: '#389e0d', team_building: '#d46b08', health: '#08979c', other: '#722ed1' };

/** 服务超市 ▸ 项目库点单 (/market/library): the catalogue, filterable, with ordering for unions. */
export function LibraryPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [filters, setFilters] = useState<{ category?: string; format?: string; maxPrice?: number; q?: string }>({});
  const [page, setPage] = useState(1);
  const [ordering, setOrdering] = useState<LibraryItem | null>(null);
  const [viewing, setViewing] = useState<string | null>(null);
  const list = useRequest(
    (signal) => api.get<Page<LibraryItem>>('/market/library', { category: filters.category, format: filters.format, maxPriceFen: filters.maxPrice !== undefined ? filters.maxPrice * 100 : undefined, q: filters.q, page, pageSize: 12 }, { signal }),
    [JSON.stringify(filters), page],
  );
  const canOrder = me.permissions.includes('market.order');
  const set = (k: string, v: unknown) => {
    setFilters((f) => ({ ...f, [k]: v === '' || v === null ? undefined : v }));
    setPage(1);
  };
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small">
        <Space wrap size={12}>
          <Typography.Text type="secondary">{t('market.library.intro')}</Typography.Text>
        </Space>
        <Space wrap size={12} style={{ marginTop: 12 }}>
          <Radio.Group value={filters.category ?? ''} onChange={(e) => set('category', e.target.value)} optionType="button" options={[{ value: '', label: t('common.all') }, ...projectCategories.map((c) => ({ value: c, label: t(`marketTerms.category.${c}`) }))]} />
          <Select allowClear style={{ width: 140 }} placeholder={t('market.library.filters.format')} onChange={(v) => set('format', v)} options={projectFormats.map((f) => ({ value: f, label: t(`marketTerms.format.${f}`) }))} />
          <InputNumber style={{ width: 170 }} min={0} placeholder={t('market.library.filters.maxPrice')} onChange={(v) => set('maxPrice', v)} />
          <Input.Search allowClear style={{ width: 220 }} placeholder={t('market.library.filters.q')} onSearch={(v) => set('q', v.trim())} />
        </Space>
      </Card>
      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
      {list.data && !list.data.items.length ? <Empty description={Object.values(filters).some((v) => v !== undefined) ? t('market.library.emptyFiltered') : t('market.library.empty')} /> : null}
      <Row gutter={[16, 16]}>
        {(list.data?.items ?? []).map((p) => (
          <Col key={p.id} xs={24} md={12} xl={8} xxl={6}>
            <Card
              hoverable
              style={{ height: '100%', display: 'flex', flexDirection: 'column' }}
              styles={{ body: { flex: 1 } }}
              data-testid="library-card"
              cover={
                p.photoId ? (
                  <img src={fileUrl(p.photoId)} alt="" style={{ height: 100, objectFit: 'cover' }} />
                ) : (
                  <div style={{ height: 100, background: CATEGORY_COLOR[p.category], color: '#fff', display: 'flex', alignItems: 'center', justifyContent: 'center', fontSize: 26, fontWeight: 600 }}>{t(`marketTerms.category.${p.category}`)}</div>
                )
              }
              actions={[
                <a key="d" onClick={() => setViewing(p.id)}>
                  {t('market.common.detail')}
                </a>,
                ...(canOrder
                  ? [
                      <a key="o" onClick={() => setOrdering(p)}>
                        <ShoppingCartOutlined /> {t('market.library.order')}
                      </a>,
                    ]
                  : []),
              ]}
            >
              <Card.Meta
                title={<span title={p.title}>{p.title}</span>}
                description={
                  <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                    <Typography.Text ellipsis>{p.provider.name}</Typography.Text>
                    <Typography.Text strong style={{ color: '#c8102e' }}>
                      {priceText(t, p.priceFen, p.priceUnit)}
                    </Typography.Text>
                    <Space size={4} wrap>
                      {p.award && (
                        <Tag color="red" icon={<TrophyOutlined />}>
                          {t('market.library.award', { year: p.award.year, prize: prizeText(t, p.award.prize) })}
                        </Tag>
                      )}
                      {p.formats.map((f) => (
                        <Tag key={f}>{t(`marketTerms.format.${f}`)}</Tag>
                      ))}
                    </Space>
                    <Space size={6}>
                      {p.ratingAverage !== null ? <Rate disabled allowHalf value={p.ratingAverage} style={{ fontSize: 12 }} /> : null}
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {p.ratingAverage !== null ? t('market.library.rating', { rating: p.ratingAverage, n: p.ratingCount }) : t('market.library.noRating')} · {t('market.library.delivered', { n: p.deliveredOrders })}
                      </Typography.Text>
                    </Space>
                  </Space>
                }
              />
            </Card>
          </Col>
        ))}
      </Row>
      {list.data && list.data.total > 12 ? <Pagination current={page} pageSize={12} total={list.data.total} onChange={setPage} showTotal={(total) => t('common.total', { total })} /> : null}
      {ordering && <OrderModal item={ordering} onClose={() => setOrdering(null)} />}
      {viewing && <LibraryDetailModal id={viewing} onClose={() => setViewing(null)} />}
    </Space>
  );
}

function LibraryDetailModal({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const detail = useRequest((signal) => api.get<LibraryDetail>(`/market/library/${id}`, undefined, { signal }), [id]);
  const p = detail.data;
  return (
    <Modal open title={p?.title} footer={null} width={760} onCancel={onClose}>
      {detail.error ? <ErrorAlert error={detail.error} /> : null}
      {p && (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Descriptions bordered size="small" column={2}>
            <Descriptions.Item label={t('market.projects.fields.provider')}>{p.provider.name}</Descriptions.Item>
            <Descriptions.Item label={t('market.projects.fields.price')}>{priceText(t, p.priceFen, p.priceUnit)}</Descriptions.Item>
            <Descriptions.Item label={t('market.projects.fields.formats')}>{p.formats.map((f) => t(`marketTerms.format.${f}`)).join('、')}</Descriptions.Item>
            <Descriptions.Item label={t('market.projects.fields.capacity')}>{t('marketTerms.capacity', { n: p.capacity })} · {t('marketTerms.minutes', { n: p.durationMinutes })}</Descriptions.Item>
            <Descriptions.Item label={t('market.projects.fields.groups')} span={2}>{p.targetGroups.map((g) => t(`marketTerms.group.${g}`)).join('、')}</Descriptions.Item>
            <Descriptions.Item label={t('market.projects.fields.description')} span={2}>
              <span style={{ whiteSpace: 'pre-wrap' }}>{p.description}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('market.projects.fields.photos')} span={2}>
              <FileList ids={p.photoIds} />
            </Descriptions.Item>
          </Descriptions>
          {p.comments.map((c, i) => (
            <div key={i}>
              <Rate disabled value={c.rating} style={{ fontSize: 12 }} /> <Typography.Text type="secondary">{c.union ?? t('market.orders.self')}</Typography.Text>
              <div>{c.comment}</div>
            </div>
          ))}
        </Space>
      )}
    </Modal>
  );
}

type OrderValues = { orderingOrgId: string; serviceDate: Dayjs; startTime?: Dayjs; headcount: number; placeKind: 'position' | 'address' | 'online'; positionId?: string; address?: string; note?: string };
const PLACE_FOR: Record<string, 'position' | 'address' | 'online'> = { station: 'position', on_site: 'address', online: 'online' };

/** 点单: pick the union, the date, the headcount and the place; the quote shows the subsidy and any refusal before sending. */
function OrderModal({ item, onClose }: { item: LibraryItem; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { scope } = useScope();
  const navigate = useNavigate();
  const [form] = Form.useForm<OrderValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const unions = useRequest((signal) => Promise.all(['grassroots', 'joint'].map((type) => api.get<Page<{ id: string; name: string }>>('/orgs', { under: scope?.id, type, pageSize: 200 }, { signal }))), [scope?.id]);
  const positions = useRequest((signal) => api.get<{ items: { id: string; name: string; address: string }[] }>(`/market/library/${item.id}/positions`, undefined, { signal }), [item.id]);
  const values = Form.useWatch([], form);
  const [quote, setQuote] = useState<Quote | null>(null);
  useEffect(() => {
    if (!values?.orderingOrgId || !values.headcount || !values.serviceDate) return setQuote(null);
    const controller = new AbortController();
    api.get<Quote>('/market/quote', { projectId: item.id, orderingOrgId: values.orderingOrgId, headcount: values.headcount, serviceDate: values.serviceDate.format('YYYY-MM-DD') }, { signal: controller.signal }).then(setQuote, () => setQuote(null));
    return () => controller.abort();
  }, [values?.orderingOrgId, values?.headcount, values?.serviceDate?.valueOf(), item.id]);
  const unionOptions = (unions.data ?? []).flatMap((p) => p.items).map((u) => ({ value: u.id, label: u.name }));
  // A grassroots union's own staff have one union to order for: it is chosen for them.
  const onlyUnion = unionOptions.length === 1 ? unionOptions[0]!.value : undefined;
  useEffect(() => {
    if (onlyUnion && !form.getFieldValue('orderingOrgId')) form.setFieldValue('orderingOrgId', onlyUnion);
  }, [onlyUnion, form]);
  const places = item.formats.map((f) => PLACE_FOR[f]!);

  const submit = async (v: OrderValues) => {
    setBusy(true);
    setError(null);
    try {
      const order = await api.post<Order>('/market/orders', {
        projectId: item.id,
        versionId: item.versionId,
        orderingOrgId: v.orderingOrgId,
        serviceDate: v.serviceDate.format('YYYY-MM-DD'),
        startTime: v.startTime ? v.startTime.format('HH:mm') : null,
        headcount: v.headcount,
        placeKind: v.placeKind,
        positionId: v.placeKind === 'position' ? v.positionId : null,
        address: v.placeKind === 'address' ? v.address : null,
        note: v.note || null,
      });
      message.success(t('market.order.placed', { number: order.number }));
      onClose();
      void navigate(`/market/orders/${order.id}`);
    } catch (e) {
      const unplaced = applyServerErrors(form, e, ['orderingOrgId', 'serviceDate', 'headcount', 'placeKind', 'positionId', 'address']);
      if (!(e instanceof ApiError) || !e.errors.length || unplaced.length) setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title={t('market.order.title', { title: item.title })} width={640} style={{ top: 24 }} onCancel={onClose} onOk={() => form.submit()} confirmLoading={busy} okText={t('market.order.submit')} okButtonProps={{ disabled: Boolean(quote?.refusal) }} cancelText={t('actions.cancel')}>
      {error ? <ErrorAlert error={error} /> : null}
      <Form form={form} layout="vertical" initialValues={{ headcount: Math.min(item.capacity, 20), placeKind: places[0], serviceDate: dayjs().add(7, 'day') }} onFinish={(v) => void submit(v)}>
        <Form.Item name="orderingOrgId" label={t('market.order.union')} rules={[{ required: true, message: t('market.order.unionPlaceholder') }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} placeholder={t('market.order.unionPlaceholder')} options={unionOptions} loading={unions.loading} />
        </Form.Item>
        <Space size={12} wrap>
          <Form.Item name="serviceDate" label={t('market.order.date')} rules={[{ required: true }]}>
            <DatePicker disabledDate={(d) => d.isBefore(dayjs().startOf('day'))} />
          </Form.Item>
          <Form.Item name="startTime" label={t('market.order.time')}>
            <TimePicker format="HH:mm" minuteStep={15} />
          </Form.Item>
          <Form.Item name="headcount" label={t('market.order.headcount')} rules={[{ required: true }]}>
            <InputNumber min={1} max={10000} />
          </Form.Item>
        </Space>
        <Form.Item name="placeKind" label={t('market.order.place')}>
          <Radio.Group options={places.map((p) => ({ value: p, label: t(`marketTerms.place.${p}`) }))} />
        </Form.Item>
        {values?.placeKind === 'position' && (
          <Form.Item name="positionId" label={t('market.order.position')} rules={[{ required: true }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={(positions.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name}（${p.address}）` }))} />
          </Form.Item>
        )}
        {values?.placeKind === 'address' && (
          <Form.Item name="address" label={t('market.order.address')} rules={[{ required: true, min: 2 }]}>
            <Input maxLength={200} />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('market.order.note')}>
          <Input maxLength={500} />
        </Form.Item>
      </Form>
      {quote && (
        <Card size="small" title={t('market.order.quote')} data-testid="order-quote">
          <Descriptions size="small" column={3}>
            <Descriptions.Item label={t('market.order.total')}>
              {formatMoney(quote.totalFen)}（{t('market.order.sessions', { n: quote.sessions })}）
            </Descriptions.Item>
            <Descriptions.Item label={t('market.order.subsidy')}>{formatMoney(quote.subsidyFen)}</Descriptions.Item>
            <Descriptions.Item label={t('market.order.payable')}>
              <strong>{formatMoney(quote.payableFen)}</strong>
            </Descriptions.Item>
          </Descriptions>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {quote.rule ? t('market.order.rule', { year: quote.rule.year, percent: quote.rule.percentBps / 100, cap: formatMoney(quote.rule.capRemainingFen), budget: formatMoney(quote.rule.budgetRemainingFen) }) : t('market.order.noRule')}
          </Typography.Text>
          {quote.refusal && <Alert type="error" showIcon style={{ marginTop: 8 }} title={t(`market.refusals.${quote.refusal}`)} />}
        </Card>
      )}
    </Modal>
  );
}
