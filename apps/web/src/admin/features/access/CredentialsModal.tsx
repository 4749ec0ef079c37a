import { CopyOutlined } from '@ant-design/icons';
import type { DoorControllerCredentials } from '@niangjia/contracts';
import { Alert, App, Button, Descriptions, Modal, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { copyText } from './access-ui';

/**
 * The device id and secret, right after registration or rotation. The server never returns the
 * secret again, so this dialog says so plainly and closes only on an explicit "I have saved it".
 */
export function CredentialsModal({ credentials, rotated, onClose }: { credentials: DoorControllerCredentials; rotated: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const copy = async (what: string, text: string) => {
    if (await copyText(text)) void message.success(t('access.secret.copied', { what }));
    else void message.warning(t('access.secret.copyFailed'));
  };
  const row = (label: string, value: string, testId: string) => (
    <Descriptions.Item label={label}>
      <Space align="start" style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Text code data-testid={testId} style={{ wordBreak: 'break-all', fontSize: 14 }}>
          {value}
        </Typography.Text>
        <Button size="small" icon={<CopyOutlined />} onClick={() => void copy(label, value)} aria-label={`${t('access.secret.copy')}${label}`}>
          {t('access.secret.copy')}
        </Button>
      </Space>
    </Descriptions.Item>
  );
  const simulate = `npm run cli -- device simulate --device ${credentials.deviceId} --secret ${credentials.secret}`;

  return (
    <Modal
      open
      width={640}
      title={rotated ? t('access.secret.rotatedTitle') : t('access.secret.title')}
      closable={false}
      maskClosable={false}
      keyboard={false}
      onCancel={onClose}
      footer={
        <Button type="primary" onClick={onClose} data-testid="credentials-close">
          {t('access.secret.confirmClose')}
        </Button>
      }
    >
      <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('access.secret.warning')} description={t('access.secret.warningDetail')} data-testid="secret-warning" />
      <Descriptions column={1} bordered size="small" styles={{ label: { width: 150 } }}>
        {row(t('access.secret.deviceId'), credentials.deviceId, 'credentials-device-id')}
        {row(t('access.secret.secret'), credentials.secret, 'credentials-secret')}
        {row(t('access.secret.mqttUrl'), credentials.mqttUrl, 'credentials-mqtt')}
        {credentials.staticCode ? row(t('access.secret.staticCode'), credentials.staticCode, 'credentials-static-code') : null}
        {row(t('access.secret.doorUrl'), credentials.doorUrl, 'credentials-door-url')}
      </Descriptions>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 12 }}>
        {t('access.secret.simulatorHint')}{' '}
        <Typography.Text
          code
          copyable={{ text: simulate }}
          style={{ fontSize: 12 }}
        >{`npm run cli -- device simulate --device ${credentials.deviceId} --secret …`}</Typography.Text>
      </Typography.Paragraph>
    </Modal>
  );
}
