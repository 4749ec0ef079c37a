import { EyeOutlined } from '@ant-design/icons';
import { App, Button, Space, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorText } from '../../../shared/api';

/** A masked phone with a "显示" action; revealing is audited on the server (PIPL). */
export function PhoneCell({ userId, masked, canReveal }: { userId: string; masked: string | null; canReveal: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [phone, setPhone] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  if (!masked) return <Typography.Text type="secondary">—</Typography.Text>;
  if (phone) return <Typography.Text copyable>{phone}</Typography.Text>;
  const reveal = async () => {
    setLoading(true);
    try {
      const result = await api.post<{ phone: string }>(`/users/${userId}/reveal-phone`, {});
      setPhone(result.phone);
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setLoading(false);
    }
  };
  return (
    <Space size={4}>
      <span style={{ fontVariantNumeric: 'tabular-nums' }}>{masked}</span>
      {canReveal && (
        <Tooltip title={t('users.reveal.hint')}>
          <Button type="link" size="small" icon={<EyeOutlined />} loading={loading} onClick={(e) => { e.stopPropagation(); void reveal(); }} style={{ padding: 0 }}>
            {t('users.reveal.action')}
          </Button>
        </Tooltip>
      )}
    </Space>
  );
}
