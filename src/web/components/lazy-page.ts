import i18next from "i18next";
import type { ComponentType } from "react";

type Namespaces = string | readonly string[] | (() => readonly string[]);

/** Every namespace i18next knows, for a page that shows every module's texts (home, audit log). */
export function everyNamespace(): readonly string[] {
  const { defaultNS, fallbackNS } = i18next.options;
  return [defaultNS, fallbackNS].flat().filter((ns): ns is string => typeof ns === "string");
}

/**
 * A React Router `lazy` loader for one page: the page's module (and what only it uses, such as
 * the chart library) becomes its own chunk, fetched when its route is first visited. Texts that
 * are not part of the shell are named here and load alongside.
 */
export function page<M, K extends keyof M>(
  load: () => Promise<M>,
  name: K,
  namespaces?: Namespaces,
) {
  return async () => {
    const wanted = typeof namespaces === "function" ? namespaces() : namespaces;
    const [module] = await Promise.all([
      load(),
      wanted ? i18next.loadNamespaces(wanted as string | string[]) : undefined,
    ]);
    return { Component: module[name] as ComponentType };
  };
}
