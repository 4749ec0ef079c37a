import type { Todos } from '@niangjia/contracts';
import { Empty, List, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatAge } from '../../../shared/notifications/age';
import { consolePathOf } from './use-inbox';

/** 待办 by kind and age: the bell's tab and the 工作台 card show the same items this way. */
export function TodoGroups({ todos, onNavigate, dense = false }: { todos: Todos | undefined; onNavigate?: () => void; dense?: boolean }) {
  const { t } = useTranslation();
  if (!todos) return null;
  if (!todos.groups.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notify.todos.empty')} />;
  return (
    <div>
      {todos.groups.map((g) => (
        <div key={g.kind} data-testid={`todo-group-${g.kind}`} style={{ marginBottom: dense ? 8 : 12 }}>
          <Space size={8} style={{ display: 'flex', alignItems: 'baseline' }}>
            <Typography.Text strong>{t(`notify.todos.kinds.${g.kind}`, { defaultValue: g.kind })}</Typography.Text>
            <span data-testid="todo-count" style={{ display: 'inline-block', minWidth: 20, padding: '0 6px', borderRadius: 10, background: '#c8102e', color: '#fff', fontSize: 12, lineHeight: '20px', textAlign: 'center' }}>
              {g.count}
            </span>
            {g.oldestAt && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('notify.todos.oldest', { age: formatAge(t, g.oldestAt) })}
              </Typography.Text>
            )}
          </Space>
          <List
            size="small"
            split={false}
            dataSource={g.items.slice(0, dense ? 3 : g.items.length)}
            renderItem={(item) => {
              const path = consolePathOf(item.link);
              return (
                <List.Item style={{ padding: '3px 0 3px 12px', display: 'flex', gap: 8 }}>
                  <Typography.Text ellipsis={{ tooltip: item.title }} style={{ flex: 1, minWidth: 0 }}>
                    {path ? (
                      <Link to={path} onClick={onNavigate}>
                        {item.title}
                      </Link>
                    ) : (
                      item.title
                    )}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                    {item.orgName && !dense ? `${item.orgName} · ` : ''}
                    {formatAge(t, item.at)}
                  </Typography.Text>
                </List.Item>
              );
            }}
          />
        </div>
      ))}
    </div>
  );
}
