import type { MapContext, MapLayers, Position } from '@niangjia/contracts';
import { Alert, App, Checkbox, Col, Form, Input, Modal, Row, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../../shared/api';
import { toNamePath } from '../../../shared/form-errors';
import { toWgs84 } from '../../../shared/coords';
import { AUDIENCES, FACILITIES, POSITION_STATUSES, POSITION_TYPES } from '../../../shared/positions';
import { useMe } from '../../../shared/session';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';
import { useScope } from '../../layout/scope';
import { CoordinateInput, type LocationValue } from './CoordinateInput';
import { DEFAULT_WEEK_TEXT, scheduleFieldOf, ScheduleFields, scheduleToValues, valuesToSchedule, type ScheduleValues } from './ScheduleFields';

type Values = {
  code: string;
  name: string;
  type: Position['type'];
  orgId: string;
  address: string;
  location: LocationValue | undefined;
  serves: string[];
  facilities: string[];
  status: Position['status'];
  contactPhone?: string;
} & ScheduleValues;

const FIELDS = ['code', 'name', 'type', 'orgId', 'address', 'location', 'serves', 'facilities', 'status', 'contactPhone'] as const;

type Props = { layers: MapLayers | undefined; context?: MapContext | undefined; onClose: () => void; onSaved: (p: Position) => void } & ({ mode: 'create' } | { mode: 'edit'; position: Position });

function valuesOf(p: Position): Values {
  return {
    code: p.code,
    name: p.name,
    type: p.type,
    orgId: p.org.id,
    address: p.address,
    location: { ...p.location, crs: 'wgs84' },
    ...scheduleToValues(p.schedule),
    serves: p.serves,
    facilities: p.facilities,
    status: p.status,
    contactPhone: p.contactPhone ?? '',
  };
}

/**
 * 新增阵地 / 编辑阵地. The location is picked by clicking the map; the map converts the click back
 * to WGS-84 (whatever the tiles' datum), so the request always says `crs: 'wgs84'`.
 */
export function PositionFormModal(props: Props) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const me = useMe();
  const { scope } = useScope();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const [current, setCurrent] = useState<Position | undefined>(props.mode === 'edit' ? props.position : undefined);
  const location = Form.useWatch('location', form);

  const initial: Partial<Values> =
    current ? valuesOf(current) : { type: 'rest_station', status: 'open', is24h: false, weekText: DEFAULT_WEEK_TEXT, exceptions: [], serves: ['outdoor_workers'], facilities: [], orgId: scope?.id, location: undefined };

  const reloadLatest = async () => {
    if (!current) return;
    const latest = await api.get<Position>(`/positions/${current.id}`);
    setCurrent(latest);
    form.setFieldsValue(valuesOf(latest));
  };

  const submit = async (v: Values) => {
    setSaving(true);
    setUnplaced([]);
    const body = {
      name: v.name,
      type: v.type,
      orgId: v.orgId,
      address: v.address,
      // Typed coordinates go with their datum: the server converts them (geo/coords.ts).
      location: { lng: v.location!.lng, lat: v.location!.lat, crs: v.location!.crs },
      schedule: valuesToSchedule(v),
      serves: v.serves,
      facilities: v.facilities,
      status: v.status,
      contactPhone: v.contactPhone?.trim() ? v.contactPhone.trim() : null,
    };
    try {
      const saved = current
        ? await api.patch<Position>(`/positions/${current.id}`, { ...body, version: current.version })
        : await api.post<Position>('/positions', { ...body, code: v.code.trim() });
      message.success(current ? t('positionsAdmin.saved') : t('positionsAdmin.created', { name: saved.name }));
      props.onSaved(saved);
    } catch (error) {
      if (error instanceof ApiError && error.isConflict && current) {
        modal.confirm({
          title: t('positionsAdmin.conflict.title'),
          content: t('positionsAdmin.conflict.detail'),
          okText: t('positionsAdmin.conflict.reload'),
          cancelText: t('actions.cancel'),
          onOk: () => reloadLatest(),
        });
      } else if (error instanceof ApiError && error.errors.length) {
        // Field errors next to their fields; schedule problems go on the hours inputs.
        const left: string[] = [];
        const fields: { name: string | (string | number)[]; errors: string[] }[] = [];
        for (const fe of error.errors) {
          const path = toNamePath(fe.path);
          const head = String(path[0] ?? '');
          const name = head === 'schedule' ? scheduleFieldOf(path) : (FIELDS as readonly string[]).includes(head) ? head : undefined;
          if (name) fields.push({ name, errors: [fe.message] });
          else left.push(fe.message);
        }
        form.setFields(fields as never);
        setUnplaced(left);
      } else {
        setUnplaced([error instanceof ApiError ? (error.detail ?? error.title) : String(error)]);
      }
    } finally {
      setSaving(false);
    }
  };

  const req = (field: string) => [{ required: true, message: t('positionsAdmin.required', { field }) }];
  return (
    <Modal
      open
      width={1040}
      title={current ? `${t('positionsAdmin.edit')} · ${current.name}` : t('positionsAdmin.add')}
      onCancel={props.onClose}
      okText={t('common.save')}
      cancelText={t('actions.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      destroyOnHidden
      styles={{ body: { maxHeight: '72vh', overflowY: 'auto' } }}
    >
      {unplaced.length > 0 && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={unplaced.join('；')} />}
      <Form form={form} layout="vertical" initialValues={initial} onFinish={(v) => void submit(v)} requiredMark>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="location"
              label={t('positionsAdmin.fields.location')}
              rules={[{ required: true, message: t('positionsAdmin.location.required') }]}
              extra={t('positionsAdmin.location.hint')}
            >
              <CoordinateInput layers={props.layers} context={props.context} orgId={scope?.id} />
            </Form.Item>
            <Typography.Text data-testid="picked-location" type={location ? undefined : 'secondary'}>
              {location ? <PickedText location={location} /> : t('positionsAdmin.location.none')}
            </Typography.Text>
          </Col>
          <Col span={12}>
            <Row gutter={12}>
              <Col span={10}>
                <Form.Item name="code" label={t('positionsAdmin.fields.code')} rules={req(t('positionsAdmin.fields.code'))}>
                  <Input placeholder={t('positionsAdmin.placeholders.code')} disabled={Boolean(current)} />
                </Form.Item>
              </Col>
              <Col span={14}>
                <Form.Item name="name" label={t('positionsAdmin.fields.name')} rules={[...req(t('positionsAdmin.fields.name')), { min: 2, max: 100 }]}>
                  <Input placeholder={t('positionsAdmin.placeholders.name')} />
                </Form.Item>
              </Col>
              <Col span={10}>
                <Form.Item name="type" label={t('positionsAdmin.fields.type')} rules={req(t('positionsAdmin.fields.type'))}>
                  <Select options={POSITION_TYPES.map((v) => ({ value: v, label: t(`positions.types.${v}`) }))} />
                </Form.Item>
              </Col>
              <Col span={14}>
                <Form.Item name="orgId" label={t('positionsAdmin.fields.org')} rules={req(t('positionsAdmin.fields.org'))}>
                  <OrgTreeSelect roots={me.scopeRoots} valueLabel={current?.org.name ?? (scope?.id === initial.orgId ? scope?.name : undefined)} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="address" label={t('positionsAdmin.fields.address')} rules={[...req(t('positionsAdmin.fields.address')), { min: 2, max: 200 }]}>
              <Input placeholder={t('positionsAdmin.placeholders.address')} />
            </Form.Item>
            <ScheduleFields form={form} />
            <Row gutter={12}>
              <Col span={10}>
                <Form.Item name="status" label={t('positionsAdmin.fields.status')} rules={req(t('positionsAdmin.fields.status'))}>
                  <Select options={POSITION_STATUSES.map((v) => ({ value: v, label: t(`positions.statuses.${v}`) }))} />
                </Form.Item>
              </Col>
              <Col span={14}>
                <Form.Item name="contactPhone" label={t('positionsAdmin.fields.contactPhone')} rules={[{ pattern: /^[\d-]{7,20}$/, message: t('positionsAdmin.placeholders.phone') }]}>
                  <Input placeholder={t('positionsAdmin.placeholders.phone')} />
                </Form.Item>
              </Col>
            </Row>
          </Col>
        </Row>
        <Form.Item name="serves" label={t('positionsAdmin.fields.serves')}>
          <Checkbox.Group options={AUDIENCES.map((v) => ({ value: v, label: t(`positions.audiences.${v}`) }))} />
        </Form.Item>
        <Form.Item name="facilities" label={t('positionsAdmin.fields.facilities')}>
          <Checkbox.Group options={FACILITIES.map((v) => ({ value: v, label: t(`positions.facilities.${v}`) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The chosen point in WGS-84 (as stored), and how it was typed when it was typed in another datum. */
function PickedText({ location }: { location: LocationValue }) {
  const { t } = useTranslation();
  const [lng, lat] = toWgs84(location.lng, location.lat, location.crs);
  const picked = t('positionsAdmin.location.picked', { x: lng.toFixed(6), y: lat.toFixed(6) });
  if (location.crs === 'wgs84') return <>{picked}</>;
  return (
    <>
      {picked} · {t('positionsForm.coords.typed', { crs: t(`positionsForm.coords.crsLabels.${location.crs}`), x: location.lng, y: location.lat })}
    </>
  );
}
