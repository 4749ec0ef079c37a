import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { DataTable } from './DataTable';

type Row = { key: string; field: string; before: unknown; after: unknown; changed: boolean };

const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

function show(value: unknown): string {
  if (value === undefined) return '';
  if (value === null) return '∅';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** Before/after of an audit entry as a field table, changed fields first and highlighted. */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation();
  if (before == null && after == null) return <Typography.Text type="secondary">{t('audit.noDetail')}</Typography.Text>;
  const b = isRecord(before) ? before : before == null ? {} : { value: before };
  const a = isRecord(after) ? after : after == null ? {} : { value: after };
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const rows: Row[] = keys.map((key) => {
    const changed = JSON.stringify(b[key]) !== JSON.stringify(a[key]);
    return { key, field: key, before: b[key], after: a[key], changed };
  });
  rows.sort((x, y) => Number(y.changed) - Number(x.changed));
  const onlyAfter = before == null;
  const onlyBefore = after == null;
  return (
    <DataTable<Row>
      id="audit-diff"
      columnSettings={false}
      size="small"
      pagination={false}
      dataSource={rows}
      rowClassName={(r) => (r.changed && !onlyAfter && !onlyBefore ? 'nj-diff-changed' : '')}
      columns={[
        { title: t('audit.diff.field'), key: 'field', dataIndex: 'field', width: 180, render: (f: string) => <Typography.Text code>{f}</Typography.Text> },
        ...(onlyAfter ? [] : [{ title: t('audit.diff.before'), dataIndex: 'before', render: (v: unknown, r: Row) => <DiffCell value={v} tone={r.changed ? 'removed' : undefined} /> }]),
        ...(onlyBefore ? [] : [{ title: t('audit.diff.after'), dataIndex: 'after', render: (v: unknown, r: Row) => <DiffCell value={v} tone={r.changed ? 'added' : undefined} /> }]),
      ]}
    />
  );
}

function DiffCell({ value, tone }: { value: unknown; tone: 'added' | 'removed' | undefined }) {
  const text = show(value);
  const style: React.CSSProperties =
    tone === 'removed'
      ? { background: '#fff1f0', color: '#a8071a', textDecoration: text ? 'line-through' : undefined, padding: '0 4px', borderRadius: 3 }
      : tone === 'added'
        ? { background: '#f6ffed', color: '#237804', fontWeight: 500, padding: '0 4px', borderRadius: 3 }
        : {};
  return <span style={{ wordBreak: 'break-all', ...style }}>{text || '—'}</span>;
}
