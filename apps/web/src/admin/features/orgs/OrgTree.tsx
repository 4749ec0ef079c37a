import type { Org, OrgRef } from '@niangjia/contracts';
import { App, Empty, Tag, Tree } from 'antd';
import { forwardRef, useCallback, useEffect, useImperativeHandle, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../shared/api';
import { listAllChildren } from '../../components/org-data';

type TreeNode = { key: string; title: React.ReactNode; isLeaf: boolean; children?: TreeNode[] };

export type OrgTreeHandle = {
  /** Reload the children of these nodes (after a create, move or close). */
  refresh: (parentIds: string[]) => Promise<void>;
  /** Open the branches down to a node (its ancestors, root first). */
  reveal: (ancestorIds: string[]) => Promise<void>;
};

type Props = { root: OrgRef; selectedId: string | undefined; onSelect: (id: string) => void };

/** The org tree under the current scope, children loaded as branches open. */
export const OrgTree = forwardRef<OrgTreeHandle, Props>(function OrgTree({ root, selectedId, onSelect }, ref) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [children, setChildren] = useState<Record<string, Org[]>>({});
  const [expanded, setExpanded] = useState<string[]>([root.id]);
  const [loadedKeys, setLoadedKeys] = useState<string[]>([]);

  const load = useCallback(
    async (parentId: string) => {
      try {
        const list = await listAllChildren(parentId);
        setChildren((prev) => ({ ...prev, [parentId]: list }));
        setLoadedKeys((prev) => (prev.includes(parentId) ? prev : [...prev, parentId]));
      } catch (error) {
        message.error(errorText(error));
      }
    },
    [message],
  );

  useEffect(() => {
    setChildren({});
    setLoadedKeys([]);
    setExpanded([root.id]);
    void load(root.id);
  }, [root.id, load]);

  useImperativeHandle(
    ref,
    () => ({
      refresh: async (parentIds) => {
        await Promise.all(parentIds.filter((id) => id === root.id || loadedKeys.includes(id)).map((id) => load(id)));
      },
      reveal: async (ancestorIds) => {
        const start = ancestorIds.indexOf(root.id);
        if (start < 0) return;
        const path = ancestorIds.slice(start);
        for (const id of path) if (!loadedKeys.includes(id)) await load(id);
        setExpanded((prev) => [...new Set([...prev, ...path])]);
      },
    }),
    [load, loadedKeys, root.id],
  );

  const treeData = useMemo<TreeNode[]>(() => {
    const build = (org: Org): TreeNode => {
      const kids = children[org.id];
      return {
        key: org.id,
        title: (
          <span>
            {org.name}
            {org.status === 'closed' && (
              <Tag style={{ marginLeft: 6 }} color="default">
                {t('orgs.status.closed')}
              </Tag>
            )}
          </span>
        ),
        isLeaf: org.childCount === 0,
        ...(kids ? { children: kids.map(build) } : {}),
      };
    };
    const rootKids = children[root.id];
    return [{ key: root.id, title: root.name, isLeaf: false, ...(rootKids ? { children: rootKids.map(build) } : {}) }];
  }, [children, root, t]);

  if (!root) return <Empty />;
  return (
    <Tree
      blockNode
      showLine
      treeData={treeData}
      expandedKeys={expanded}
      loadedKeys={loadedKeys}
      onExpand={(keys) => setExpanded(keys.map(String))}
      loadData={async (node) => {
        await load(String(node.key));
      }}
      selectedKeys={selectedId ? [selectedId] : []}
      onSelect={(keys) => {
        const key = keys[0];
        if (key !== undefined) onSelect(String(key));
      }}
    />
  );
});
