import type { PeriodKindName } from '@niangjia/contracts';
import { DatePicker, Segmented, Space } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';

export type PeriodValue = { period: PeriodKindName; date: string; from: string; to: string };

const PICKER: Record<Exclude<PeriodKindName, 'range'>, 'date' | 'week' | 'month' | 'quarter' | 'year'> = { day: 'date', week: 'week', month: 'month', quarter: 'quarter', year: 'year' };

/** 日/周/月/季/年/自定义 and the day (or range) it is about. */
export function PeriodPicker({ value, onChange }: { value: PeriodValue; onChange: (v: PeriodValue) => void }) {
  const { t } = useTranslation();
  const kinds: PeriodKindName[] = ['day', 'week', 'month', 'quarter', 'year', 'range'];
  return (
    <Space wrap>
      <Segmented
        value={value.period}
        options={kinds.map((k) => ({ value: k, label: t(`figures.period.${k}`) }))}
        onChange={(k) => onChange({ ...value, period: k })}
        data-testid="figures-period"
      />
      {value.period === 'range' ? (
        <DatePicker.RangePicker
          allowClear={false}
          value={[dayjs(value.from), dayjs(value.to)]}
          onChange={(r) => r?.[0] && r[1] && onChange({ ...value, from: r[0].format('YYYY-MM-DD'), to: r[1].format('YYYY-MM-DD') })}
        />
      ) : (
        <DatePicker allowClear={false} picker={PICKER[value.period]} value={dayjs(value.date)} onChange={(d) => d && onChange({ ...value, date: d.format('YYYY-MM-DD') })} />
      )}
    </Space>
  );
}

export function periodQuery(v: PeriodValue): Record<string, string> {
  return v.period === 'range' ? { period: 'range', from: v.from, to: v.to } : { period: v.period, date: v.date };
}
