import { SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Popover, Space, Table, Tooltip, Typography, type TableProps } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { useCallback, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { measureText } from './measure-text';

/**
 * A column of a console list. `priority` says what gives way on a narrow screen:
 * 1 = always shown (cannot be hidden), 2 = shown unless the user hides it (default),
 * 3 = shown only when the table fits without scrolling, or when the user asks for it.
 * `ellipsis: true` cuts long text to one line with the whole text in a tooltip.
 */
export type DataColumn<T> = Omit<ColumnType<T>, 'ellipsis' | 'fixed' | 'key'> & {
  /** Names the column in the settings; defaults to its dataIndex. */
  key?: string;
  priority?: 1 | 2 | 3;
  ellipsis?: boolean;
};

export type DataTableProps<T> = Omit<TableProps<T>, 'columns' | 'scroll' | 'size'> & {
  /** Names the table for the column settings kept in this browser (e.g. `positions`). */
  id: string;
  columns: DataColumn<T>[];
  /** The row's actions (link buttons, a 更多 dropdown): kept in a column fixed on the right, as wide as they need. */
  actions?: (row: T) => ReactNode;
  /** Extra content left of the column settings button (batch actions, a count). */
  toolbar?: ReactNode;
  /** Vertical scroll inside the table (a fixed-height list in a drawer). */
  scrollY?: number;
  /** Fix the first column on the left while scrolling (default true). */
  fixFirst?: boolean;
  /** Offer the column settings (default true; small tables inside a drawer or a report leave it out). */
  columnSettings?: boolean;
  size?: 'small' | 'middle';
};

const STORAGE_PREFIX = 'nj.table.';
const MIN_WIDTH = 72;
const SELECTION_WIDTH = 48;

type Choice = { shown: string[]; hidden: string[] };

function readChoice(id: string): Choice {
  try {
    const raw = localStorage.getItem(STORAGE_PREFIX + id);
    const parsed = raw ? (JSON.parse(raw) as Partial<Choice>) : {};
    return { shown: Array.isArray(parsed.shown) ? parsed.shown : [], hidden: Array.isArray(parsed.hidden) ? parsed.hidden : [] };
  } catch {
    return { shown: [], hidden: [] };
  }
}

type KeyedColumn<T> = DataColumn<T> & { key: string };

const columnKey = <T,>(c: DataColumn<T>, index: number): string => c.key ?? (Array.isArray(c.dataIndex) ? c.dataIndex.join('.') : c.dataIndex != null ? String(c.dataIndex) : `column-${index}`);

const titleText = (title: unknown): string => (typeof title === 'string' ? title : '');

/**
 * Every console list goes through this table, so that at 1366 px no column hides under the
 * action column, no button text is clipped and no column shrinks to one character: every column
 * has a width (at least its title's), the table scrolls sideways when they do not fit, the
 * first column and the actions stay fixed, and the action column measures its own buttons.
 */
export function DataTable<T extends object>({ id, columns, actions, toolbar, scrollY, fixFirst = true, columnSettings = true, size = 'middle', ...table }: DataTableProps<T>) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const [boxWidth, setBoxWidth] = useState(0);
  const [actionsWidth, setActionsWidth] = useState(0);
  const [choice, setChoice] = useState<Choice>(() => readChoice(id));

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    setBoxWidth(el.clientWidth);
    const observer = new ResizeObserver(() => setBoxWidth(el.clientWidth));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // Every column gets a width: its own, or enough for its title (never one character wide).
  const sized = useMemo(
    () =>
      columns.map((column, index) => {
        const c = { ...column, key: columnKey(column, index) };
        const titleWidth = Math.ceil(measureText(titleText(c.title), 600)) + 32 + (c.sorter ? 24 : 0) + (c.filters ? 24 : 0);
        const given = typeof c.width === 'number' ? c.width : 0;
        return { column: c, width: Math.max(given, titleWidth, MIN_WIDTH) };
      }),
    [columns],
  );

  const selectionWidth = table.rowSelection ? SELECTION_WIDTH : 0;
  const visible = useMemo(() => {
    const chosen = (c: KeyedColumn<T>) => (choice.hidden.includes(c.key) ? false : choice.shown.includes(c.key) ? true : undefined);
    const base = sized.filter(({ column }) => (column.priority ?? 2) === 1 || chosen(column) !== false);
    const total = base.reduce((sum, s) => sum + s.width, selectionWidth + actionsWidth);
    // Optional columns give way first when the table would scroll (unless the user asked for them).
    return boxWidth && total > boxWidth ? base.filter(({ column }) => column.priority !== 3 || chosen(column) === true) : base;
  }, [sized, choice, boxWidth, actionsWidth, selectionWidth]);

  // The action column is as wide as its widest row of buttons (measured after each render).
  useLayoutEffect(() => {
    if (!actions || !box.current) return;
    let widest = 0;
    box.current.querySelectorAll<HTMLElement>('.nj-row-actions').forEach((el) => {
      const cell = el.parentElement;
      const pad = cell ? parseFloat(getComputedStyle(cell).paddingLeft) + parseFloat(getComputedStyle(cell).paddingRight) : 16;
      widest = Math.max(widest, Math.ceil(el.scrollWidth + pad + 2));
    });
    const title = Math.ceil(measureText(t('common.actions'), 600)) + 64;
    const next = Math.max(widest, title, MIN_WIDTH);
    if (Math.abs(next - actionsWidth) > 1) setActionsWidth(next);
  });

  const save = useCallback(
    (next: Choice) => {
      setChoice(next);
      try {
        localStorage.setItem(STORAGE_PREFIX + id, JSON.stringify(next));
      } catch {
        // Private mode: the choice lasts for this page only.
      }
    },
    [id],
  );

  const settings = columnSettings && (
    <ColumnSettings
      columns={sized.map((s) => s.column)}
      visibleKeys={visible.map((v) => v.column.key)}
      onToggle={(key, show) =>
        save({
          shown: show ? [...choice.shown.filter((k) => k !== key), key] : choice.shown.filter((k) => k !== key),
          hidden: show ? choice.hidden.filter((k) => k !== key) : [...choice.hidden.filter((k) => k !== key), key],
        })
      }
      onReset={() => save({ shown: [], hidden: [] })}
    />
  );

  const antColumns: ColumnType<T>[] = visible.map(({ column, width }, index) => {
    const { priority: _priority, ellipsis, ...rest } = column;
    const out: ColumnType<T> = { ...rest, width, ...(index === 0 && fixFirst ? { fixed: 'left' as const } : {}) };
    if (ellipsis) {
      out.ellipsis = { showTitle: false };
      const render = column.render;
      out.render = (value: unknown, record: T, i: number) => {
        const shown = render ? render(value, record, i) : (value as ReactNode);
        const text = typeof shown === 'string' || typeof shown === 'number' ? String(shown) : typeof value === 'string' ? value : undefined;
        return text ? (
          <Tooltip title={text} placement="topLeft">
            <span>{shown as ReactNode}</span>
          </Tooltip>
        ) : (
          (shown as ReactNode)
        );
      };
    }
    return out;
  });
  if (actions) {
    antColumns.push({
      key: 'actions',
      title: (
        <Space size={4} style={{ whiteSpace: 'nowrap' }}>
          {t('common.actions')}
          {settings}
        </Space>
      ),
      fixed: 'right',
      width: actionsWidth || 120,
      render: (_: unknown, row: T) => <span className="nj-row-actions">{actions(row)}</span>,
    });
  }
  const scrollX = antColumns.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : MIN_WIDTH), selectionWidth);

  return (
    <div ref={box} className="nj-data-table" data-table-id={id}>
      {(toolbar || (!actions && columnSettings)) && (
        <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 8, marginBottom: 8, minHeight: 24 }}>
          <div style={{ minWidth: 0 }}>{toolbar}</div>
          {!actions && settings}
        </div>
      )}
      <Table<T> {...table} size={size} columns={antColumns} scroll={{ x: scrollX, ...(scrollY ? { y: scrollY } : {}) }} />
    </div>
  );
}

function ColumnSettings<T>({ columns, visibleKeys, onToggle, onReset }: { columns: KeyedColumn<T>[]; visibleKeys: string[]; onToggle: (key: string, show: boolean) => void; onReset: () => void }) {
  const { t } = useTranslation();
  const content = (
    <Space orientation="vertical" size={4} style={{ minWidth: 160 }}>
      {columns.map((c) => (
        <Checkbox key={c.key} checked={visibleKeys.includes(c.key)} disabled={(c.priority ?? 2) === 1} onChange={(e) => onToggle(c.key, e.target.checked)}>
          {c.title as ReactNode}
        </Checkbox>
      ))}
      <Typography.Link onClick={onReset} style={{ fontSize: 12 }}>
        {t('table.resetColumns')}
      </Typography.Link>
    </Space>
  );
  return (
    <Popover trigger="click" placement="bottomRight" title={t('table.columns')} content={content}>
      <Button type="text" size="small" icon={<SettingOutlined />} aria-label={t('table.columns')} data-testid="column-settings" />
    </Popover>
  );
}
