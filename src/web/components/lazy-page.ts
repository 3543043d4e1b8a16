import type { ComponentType } from "react";

/**
 * A React Router `lazy` loader for one page: the page's module (and what only it uses, such as
 * the chart library) becomes its own chunk, fetched when its route is first visited.
 */
export function page<M, K extends keyof M>(load: () => Promise<M>, name: K) {
  return async () => ({ Component: (await load())[name] as ComponentType });
}
