import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../shared/api';
import { useSession } from '../../shared/session';

/** /auth/me failed for a reason other than "not signed in" (server down, network). */
export function SessionErrorPage() {
  const { t } = useTranslation();
  const { error, refresh } = useSession();
  const { title, detail } = describeError(error);
  return (
    <Result
      status="warning"
      title={title}
      subTitle={detail}
      extra={
        <Button type="primary" onClick={() => void refresh()}>
          {t('actions.retry')}
        </Button>
      }
    />
  );
}
