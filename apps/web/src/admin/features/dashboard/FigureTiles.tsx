import { Card, Col, Row, Skeleton, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatCount, formatMoney } from '../../../shared/format';
import type { Figure } from './figures';

const GROUP_ORDER: Figure['group'][] = ['orgs', 'members', 'positions', 'fund'];

/**
 * The 工作台's figures as tiles, grouped (组织 · 会员 · 服务阵地 · 爱心基金). It only renders
 * Figures, so where they come from (the modules' endpoints now, the indicator catalogue later)
 * is the loader's business.
 */
export function FigureTiles({ figures, loading }: { figures: Figure[] | undefined; loading: boolean }) {
  const { t } = useTranslation();
  if (!figures) return loading ? <Card style={{ marginBottom: 16 }}><Skeleton active paragraph={{ rows: 3 }} /></Card> : null;
  const groups = GROUP_ORDER.map((g) => ({ group: g, items: figures.filter((f) => f.group === g) })).filter((g) => g.items.length);
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }} data-testid="figure-tiles">
      {groups.map(({ group, items }) => (
        <Col key={group} xs={24} md={12} xl={group === 'orgs' ? 12 : 6} xxl={group === 'orgs' ? 9 : 5}>
          <Card size="small" title={t(`dashboard.groups.${group}`)} style={{ height: '100%' }}>
            <Row gutter={[12, 12]}>
              {items.map((f) => (
                <Col key={f.key} span={group === 'orgs' ? 6 : items.length > 3 ? 12 : 8} style={{ minWidth: 96 }} data-testid={`figure-${f.key}`}>
                  <Statistic
                    title={
                      f.link ? (
                        <Link to={f.link} style={{ color: 'inherit' }}>
                          {t(`dashboard.figures.${f.key}`)}
                        </Link>
                      ) : (
                        t(`dashboard.figures.${f.key}`)
                      )
                    }
                    value={f.format === 'money' ? formatMoney(f.value) : formatCount(f.value)}
                    styles={{ content: { fontSize: 22, fontWeight: f.tone ? 600 : 500, color: f.tone === 'primary' ? '#c8102e' : f.tone === 'warning' ? '#d46b08' : undefined } }}
                  />
                </Col>
              ))}
            </Row>
          </Card>
        </Col>
      ))}
      {!groups.length && (
        <Col span={24}>
          <Typography.Text type="secondary">{t('dashboard.noFigures')}</Typography.Text>
        </Col>
      )}
    </Row>
  );
}
