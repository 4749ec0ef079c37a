import type { StarResult } from '@niangjia/contracts';
import { Rate, Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The stars of a result, or "未定级". */
export function StarsCell({ result }: { result: StarResult }) {
  const { t } = useTranslation();
  if (result.stars === null) return <Typography.Text type="secondary">{t('feedback.notRated')}</Typography.Text>;
  return (
    <Tooltip title={t('feedback.stars', { count: result.stars })}>
      <span data-testid="stars-value" data-stars={result.stars}>
        <Rate disabled value={result.stars} style={{ fontSize: 14 }} />
      </span>
    </Tooltip>
  );
}

/** The result's warnings as tags; missing facilities in red, so a rated-while-lacking station stands out. */
export function WarningTags({ result }: { result: StarResult }) {
  const { t } = useTranslation();
  const items = result.missingFacilities.map((f) => t(`positions.facilities.${f}`)).join('、');
  return (
    <Space size={[4, 4]} wrap>
      {result.warnings.map((w) => (
        <Tag key={w} color={w === 'FACILITIES_MISSING' || w === 'CAPPED_FOR_FACILITIES' ? 'red' : 'default'} data-testid={`warning-${w}`}>
          {t(`feedback.warnings.${w}`, { items })}
        </Tag>
      ))}
    </Space>
  );
}
