import type { OrgRef } from '@niangjia/contracts';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { useMe } from '../../shared/session';

type ScopeValue = {
  /** The org whose subtree the list pages show; undefined when the user has no org scope at all. */
  scope: OrgRef | undefined;
  /** Names from the scope root down to the chosen node, for the header ("江北区总工会 ▸ 观音桥街道"). */
  trail: string[];
  setScope: (org: OrgRef, trail: string[]) => void;
};

const ScopeContext = createContext<ScopeValue | null>(null);
const storageKey = (userId: string) => `niangjia.scope.${userId}`;

export function ScopeProvider({ children }: { children: ReactNode }) {
  const me = useMe();
  const [state, setState] = useState<{ scope: OrgRef | undefined; trail: string[] }>(() => {
    try {
      const saved = sessionStorage.getItem(storageKey(me.user.id));
      if (saved) return JSON.parse(saved) as { scope: OrgRef; trail: string[] };
    } catch {
      // Ignore a broken saved value.
    }
    const root = me.scopeRoots[0];
    return { scope: root, trail: root ? [root.name] : [] };
  });

  const setScope = useCallback(
    (org: OrgRef, trail: string[]) => {
      setState({ scope: org, trail });
      try {
        sessionStorage.setItem(storageKey(me.user.id), JSON.stringify({ scope: org, trail }));
      } catch {
        // Not persisted; fine for this tab.
      }
    },
    [me.user.id],
  );

  const value = useMemo(() => ({ ...state, setScope }), [state, setScope]);
  return <ScopeContext.Provider value={value}>{children}</ScopeContext.Provider>;
}

export function useScope(): ScopeValue {
  const value = useContext(ScopeContext);
  if (!value) throw new Error('useScope outside ScopeProvider');
  return value;
}
