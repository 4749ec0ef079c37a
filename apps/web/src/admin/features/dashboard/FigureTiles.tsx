import { Card, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { currentLanguage } from '../../../shared/i18n';
import { formatCount, formatMoney } from '../../../shared/format';
import type { Figure } from './figures';

const GROUP_ORDER: Figure['group'][] = ['orgs', 'members', 'positions', 'fund'];

/** Money on a tile: ¥24.83万 past ten thousand yuan in Chinese (as the reports write it), else ¥1,234.50. */
function formatTileMoney(fen: number): string {
  if (currentLanguage() !== 'en' && Math.abs(fen) >= 1_000_000) return `¥${(fen / 1_000_000).toLocaleString('zh-CN', { maximumFractionDigits: 2 })}万`;
  return formatMoney(fen);
}

/**
 * The 工作台's figures as tiles, one line per group (组织 · 会员 · 服务阵地 · 爱心基金). It only
 * renders Figures, so where they come from (the modules' endpoints now, the indicator catalogue
 * later) is the loader's business.
 */
export function FigureTiles({ figures, loading }: { figures: Figure[] | undefined; loading: boolean }) {
  const { t } = useTranslation();
  if (!figures) return loading ? <Card style={{ marginBottom: 16 }}><Skeleton active paragraph={{ rows: 4 }} /></Card> : null;
  const groups = GROUP_ORDER.map((g) => ({ group: g, items: figures.filter((f) => f.group === g) })).filter((g) => g.items.length);
  return (
    <Card style={{ marginBottom: 16 }} styles={{ body: { padding: '4px 20px' } }} data-testid="figure-tiles">
      {groups.length === 0 && <Typography.Paragraph type="secondary" style={{ margin: '12px 0' }}>{t('dashboard.noFigures')}</Typography.Paragraph>}
      {groups.map(({ group, items }, i) => (
        <div key={group} style={{ display: 'flex', alignItems: 'center', gap: 16, padding: '12px 0', borderTop: i ? '1px solid #f0f0f0' : undefined }} data-testid={`figure-group-${group}`}>
          <Typography.Text strong style={{ width: 72, flex: 'none', color: '#555' }}>
            {t(`dashboard.groups.${group}`)}
          </Typography.Text>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: '8px 0', flex: 1, minWidth: 0 }}>
            {items.map((f) => {
              const value = f.format === 'money' ? formatTileMoney(f.value) : formatCount(f.value);
              const label = t(`dashboard.figures.${f.key}`);
              const body = (
                <>
                  <span style={{ display: 'block', fontSize: 13, color: '#6b7280', whiteSpace: 'nowrap' }}>{label}</span>
                  <span style={{ display: 'block', fontSize: 22, lineHeight: 1.3, fontVariantNumeric: 'tabular-nums', fontWeight: f.tone ? 600 : 500, color: f.tone === 'primary' ? '#c8102e' : f.tone === 'warning' ? '#d46b08' : '#1f2329' }}>{value}</span>
                </>
              );
              return (
                <div key={f.key} style={{ minWidth: 120, paddingRight: 24 }} data-testid={`figure-${f.key}`}>
                  {f.link ? (
                    <Link to={f.link} style={{ color: 'inherit', display: 'block' }} aria-label={`${label} ${value}`}>
                      {body}
                    </Link>
                  ) : (
                    body
                  )}
                </div>
              );
            })}
          </div>
        </div>
      ))}
    </Card>
  );
}
