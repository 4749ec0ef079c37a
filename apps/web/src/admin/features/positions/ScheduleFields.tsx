import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Position } from '@niangjia/contracts';
import { Button, Col, Form, Input, Row, Select, Space, Switch, Typography, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';

type Range = { start: string; end: string };
type Schedule = Position['schedule'];
/** The schedule as the form holds it: one text per weekday, exceptions with their ranges as text. */
export type ScheduleValues = {
  is24h: boolean;
  weekText: string[];
  exceptions: { date: string; kind: 'closed' | 'hours'; rangesText?: string; note?: string }[];
};

const RANGE = String.raw`(?:[01]\d|2[0-3]):[0-5]\d\s*[-–~～]\s*(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)`;
const RANGES = new RegExp(`^\\s*${RANGE}(\\s*[,，、]\\s*${RANGE}){0,3}\\s*$`);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const rangesToText = (ranges: Range[] | undefined) => (ranges ?? []).map((r) => `${r.start}-${r.end}`).join(',');
export function textToRanges(text: string | undefined): Range[] {
  if (!text?.trim()) return [];
  return text.split(/[,，、]/).map((part) => {
    const [start, end] = part.split(/[-–~～]/).map((s) => s.trim());
    return { start: start!, end: end! };
  });
}

export function scheduleToValues(s: Schedule): ScheduleValues {
  return {
    is24h: s.is24h,
    weekText: s.weekly.map((d) => rangesToText(d)),
    exceptions: s.exceptions.map((e) => ({ date: e.date, kind: e.kind, rangesText: rangesToText(e.ranges), note: e.note ?? '' })),
  };
}

export function valuesToSchedule(v: ScheduleValues): Schedule {
  const weekly = [0, 1, 2, 3, 4, 5, 6].map((d) => (v.is24h ? [] : textToRanges(v.weekText[d]))) as Schedule['weekly'];
  return {
    is24h: v.is24h,
    weekly,
    exceptions: (v.exceptions ?? []).map((e) => ({
      date: e.date.trim(),
      kind: e.kind,
      ...(e.kind === 'hours' ? { ranges: textToRanges(e.rangesText) } : {}),
      ...(e.note?.trim() ? { note: e.note.trim() } : {}),
    })),
  };
}

export const DEFAULT_WEEK_TEXT = ['08:00-20:00', '08:00-20:00', '08:00-20:00', '08:00-20:00', '08:00-20:00', '08:00-20:00', '08:00-20:00'];

/** Where a server error on `schedule.…` belongs in this form. */
export function scheduleFieldOf(path: (string | number)[]): (string | number)[] {
  const [, part, index, sub] = path;
  if (part === 'weekly' && typeof index === 'number') return ['weekText', index];
  if (part === 'exceptions' && typeof index === 'number') return ['exceptions', index, sub === 'ranges' ? 'rangesText' : sub === 'date' ? 'date' : 'date'];
  return ['weekText', 0];
}

/** 开放时间: the 24-hour switch, one line per weekday, and the dated exceptions (holidays, closures). */
export function ScheduleFields({ form }: { form: FormInstance }) {
  const { t } = useTranslation();
  const is24h = Form.useWatch('is24h', form) as boolean | undefined;
  const weekdays = [0, 1, 2, 3, 4, 5, 6].map((d) => t(`positionsAdmin.weekdays.${d}`));
  const copyMonday = (days: number[]) => {
    const week = [...((form.getFieldValue('weekText') as string[] | undefined) ?? [])];
    for (const d of days) week[d] = week[0] ?? '';
    form.setFieldValue('weekText', week);
    void form.validateFields(days.map((d) => ['weekText', d]));
  };
  const rangesRule = { pattern: RANGES, message: t('positionsForm.hours.invalid') };
  return (
    <>
      <Form.Item label={t('positionsAdmin.fields.hours')} required style={{ marginBottom: 8 }}>
        <Space wrap>
          <Form.Item name="is24h" valuePropName="checked" noStyle>
            <Switch aria-label={t('positionsAdmin.fields.is24h')} />
          </Form.Item>
          <Typography.Text>{t('positionsAdmin.fields.is24h')}</Typography.Text>
        </Space>
      </Form.Item>
      {!is24h && (
        <div data-testid="weekly-hours" style={{ marginBottom: 16 }}>
          {weekdays.map((label, d) => (
            <Form.Item key={d} name={['weekText', d]} label={label} colon={false} labelCol={{ flex: '48px' }} wrapperCol={{ flex: 'auto' }} layout="horizontal" style={{ marginBottom: 6 }} rules={[rangesRule]}>
              <Input aria-label={`${label}开放时间`} placeholder={t('positionsForm.hours.dayPlaceholder')} allowClear />
            </Form.Item>
          ))}
          <Space size={4} wrap>
            <Button size="small" onClick={() => copyMonday([1, 2, 3, 4])}>{t('positionsForm.hours.copyWeekdays')}</Button>
            <Button size="small" onClick={() => copyMonday([1, 2, 3, 4, 5, 6])}>{t('positionsForm.hours.copyAll')}</Button>
          </Space>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '6px 0 0' }}>{t('positionsForm.hours.dayHint')}</Typography.Paragraph>
        </div>
      )}
      <Form.Item label={t('positionsForm.hours.exceptions')} style={{ marginBottom: 8 }}>
        <Form.List name="exceptions">
          {(fields, { add, remove }) => (
            <div data-testid="schedule-exceptions">
              {fields.length === 0 && <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginBottom: 6 }}>{t('positionsForm.hours.noExceptions')}</Typography.Text>}
              {fields.map((field) => (
                <ExceptionRow key={field.key} name={field.name} form={form} onRemove={() => remove(field.name)} />
              ))}
              <Button size="small" icon={<PlusOutlined />} onClick={() => add({ date: '', kind: 'closed', rangesText: '', note: '' })}>
                {t('positionsForm.hours.addException')}
              </Button>
            </div>
          )}
        </Form.List>
      </Form.Item>
    </>
  );
}

function ExceptionRow({ name, form, onRemove }: { name: number; form: FormInstance; onRemove: () => void }) {
  const { t } = useTranslation();
  const kind = Form.useWatch(['exceptions', name, 'kind'], form) as 'closed' | 'hours' | undefined;
  return (
    <Row gutter={6} wrap={false} style={{ marginBottom: 6 }} data-testid="exception-row">
      <Col flex="120px">
        <Form.Item name={[name, 'date']} noStyle rules={[{ required: true, pattern: DATE, message: t('positionsForm.hours.dateInvalid') }]}>
          <Input aria-label={t('positionsForm.hours.date')} placeholder="2026-10-01" />
        </Form.Item>
      </Col>
      <Col flex="110px">
        <Form.Item name={[name, 'kind']} noStyle>
          <Select aria-label="类别" options={(['closed', 'hours'] as const).map((k) => ({ value: k, label: t(`positionsForm.hours.kind.${k}`) }))} />
        </Form.Item>
      </Col>
      <Col flex="auto">
        {kind === 'hours' ? (
          <Form.Item name={[name, 'rangesText']} noStyle rules={[{ required: true, pattern: RANGES, message: t('positionsForm.hours.invalid') }]}>
            <Input aria-label={t('positionsForm.hours.ranges')} placeholder="09:00-12:00" />
          </Form.Item>
        ) : (
          <Form.Item name={[name, 'note']} noStyle>
            <Input aria-label={t('positionsForm.hours.note')} placeholder={t('positionsForm.hours.notePlaceholder')} maxLength={60} />
          </Form.Item>
        )}
      </Col>
      {kind === 'hours' && (
        <Col flex="110px">
          <Form.Item name={[name, 'note']} noStyle>
            <Input aria-label={t('positionsForm.hours.note')} placeholder={t('positionsForm.hours.notePlaceholder')} maxLength={60} />
          </Form.Item>
        </Col>
      )}
      <Col flex="32px">
        <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('positionsForm.hours.remove')} onClick={onRemove} />
      </Col>
    </Row>
  );
}

/** The dated exceptions under the weekly hours in the detail drawer. */
export function ExceptionsList({ exceptions }: { exceptions: Schedule['exceptions'] }) {
  const { t } = useTranslation();
  return (
    <div style={{ marginTop: 12 }} data-testid="schedule-exceptions-list">
      <Typography.Text strong>{t('positionsForm.hours.exceptions')}</Typography.Text>
      {exceptions.length === 0 ? (
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>{t('positionsForm.hours.noExceptions')}</Typography.Paragraph>
      ) : (
        <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
          {exceptions.map((e) => (
            <li key={e.date}>
              {e.date} · {e.kind === 'closed' ? t('positionsForm.hours.kind.closed') : rangesToText(e.ranges).replace(/-/g, '–')}
              {e.note ? ` · ${e.note}` : ''}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
