import { Button, Form, Space } from 'antd';
import { useTranslation } from 'react-i18next';

/** 查询 / 重置 at the end of every list page's filter form (the form's submit runs the search). */
export function FilterActions({ onReset }: { onReset: () => void }) {
  const { t } = useTranslation();
  return (
    <Form.Item>
      <Space>
        <Button type="primary" htmlType="submit">
          {t('common.search')}
        </Button>
        <Button onClick={onReset}>{t('common.reset')}</Button>
      </Space>
    </Form.Item>
  );
}
