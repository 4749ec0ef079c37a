import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError, describeError } from '../../shared/api';

/** What went wrong, in the server's words, with a retry when there is something to retry. */
export function ErrorAlert({ error, onRetry, style }: { error: unknown; onRetry?: () => void; style?: React.CSSProperties }) {
  const { t } = useTranslation();
  const { title, detail } = describeError(error);
  const requestId = error instanceof ApiError ? error.requestId : undefined;
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 16, ...style }}
      title={title}
      description={
        detail || requestId ? (
          <>
            {detail}
            {requestId && <div style={{ fontSize: 12, opacity: 0.7 }}>{t('errors.requestId', { id: requestId })}</div>}
          </>
        ) : undefined
      }
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('actions.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}
