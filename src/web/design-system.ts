/**
 * The design system's behaviours for plain HTML, on every page: dialogs and invoker buttons
 * (polyfills), fieldset descriptions, read-only fields, click delegation. Each component's own
 * part (field, error summary, popover, tabs…) comes with the component: see `designSystemWeb` in
 * vite.config.ts.
 */
import "@digdir/designsystemet-web/clickdelegatefor";
import "@digdir/designsystemet-web/dialog";
import "@digdir/designsystemet-web/fieldset";
import "@digdir/designsystemet-web/invokers";
import "@digdir/designsystemet-web/readonly";
