import "@digdir/designsystemet-css";
import "@digdir/designsystemet-theme";
import "./styles.css";
import "./design-system.ts";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app.tsx";
import { i18nReady } from "./i18n/index.ts";

// A deploy replaces the hashed chunks; a tab opened before it cannot load a page it has not
// visited yet. Reloading fetches the new index.html; the stamp stops a loop if a chunk is missing.
window.addEventListener("vite:preloadError", (event) => {
  const last = Number(sessionStorage.getItem("paraply.reloadedAt") ?? 0);
  if (Date.now() - last < 10_000) return;
  event.preventDefault();
  sessionStorage.setItem("paraply.reloadedAt", String(Date.now()));
  window.location.reload();
});

const root = document.getElementById("root");
if (root) {
  // Render even if the catalogue failed to load: the pages then show their keys, not nothing.
  await i18nReady.catch(() => undefined);
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
