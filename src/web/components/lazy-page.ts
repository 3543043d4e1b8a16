import i18next from "i18next";
import type { ComponentType } from "react";

/**
 * A React Router `lazy` loader for one page: the page's module (and what only it uses, such as
 * the chart library) becomes its own chunk, fetched when its route is first visited. A module
 * whose texts are not part of the shell names its namespace, which loads alongside.
 */
export function page<M, K extends keyof M>(load: () => Promise<M>, name: K, namespace?: string) {
  return async () => {
    const [module] = await Promise.all([
      load(),
      namespace ? i18next.loadNamespaces(namespace) : undefined,
    ]);
    return { Component: module[name] as ComponentType };
  };
}
