import { Card, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TodoGroups } from '../notifications/TodoGroups';
import { useInbox } from '../notifications/use-inbox';

/** 待办: the same items as the header bell, by kind and age, with a few of each. */
export function TodoCard({ orgId }: { orgId: string | undefined }) {
  const { t } = useTranslation();
  const { todos } = useInbox(orgId, { messages: 0, todosPerKind: 5 });
  return (
    <Card
      title={
        <span>
          {t('notify.todos.title')}
          {todos.data ? <Typography.Text type="secondary" style={{ marginLeft: 8, fontWeight: 'normal', fontSize: 13 }}>{t('dashboard.todoTotal', { count: todos.data.total })}</Typography.Text> : null}
        </span>
      }
      style={{ height: '100%' }}
      data-testid="todo-card"
    >
      {todos.error ? <ErrorAlert error={todos.error} onRetry={todos.reload} /> : null}
      {!todos.data && !todos.error ? <Skeleton active /> : <TodoGroups todos={todos.data} />}
    </Card>
  );
}
