import { EyeOutlined } from '@ant-design/icons';
import { App, Button, Space, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorText } from '../../../shared/api';

/** A masked ID number or phone with a "显示" action; the server audits every reveal (PIPL). */
export function RevealCell({ memberId, field, masked, canReveal }: { memberId: string; field: 'idNumber' | 'phone'; masked: string | null; canReveal: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [value, setValue] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  if (!masked) return <Typography.Text type="secondary">—</Typography.Text>;
  if (value) return <Typography.Text copyable style={{ fontVariantNumeric: 'tabular-nums' }} data-testid={`revealed-${field}`}>{value}</Typography.Text>;
  const reveal = async () => {
    setLoading(true);
    try {
      const result = await api.post<{ field: string; value: string | null }>(`/members/${memberId}/reveal`, { field });
      setValue(result.value ?? '—');
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setLoading(false);
    }
  };
  return (
    <Space size={4} style={{ whiteSpace: 'nowrap' }}>
      <span style={{ fontVariantNumeric: 'tabular-nums' }}>{masked}</span>
      {canReveal && (
        <Tooltip title={t('members.reveal.hint')}>
          <Button type="link" size="small" icon={<EyeOutlined />} loading={loading} onClick={(e) => { e.stopPropagation(); void reveal(); }} style={{ padding: 0 }}>
            {t('members.reveal.action')}
          </Button>
        </Tooltip>
      )}
    </Space>
  );
}
