import { Alert } from "@digdir/designsystemet-react";
import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "react-router";
import type { z } from "zod";
import type { HelpGuideSchema } from "../../../domain/platform/schemas.ts";
import { get } from "../../api.ts";
import { Shell } from "../../components/layout.tsx";
import { Loading, PageTitle } from "../../components/page.tsx";
import { useOptionalMe } from "../../components/session.ts";

type Guide = z.infer<typeof HelpGuideSchema>;
type Section = Guide["sections"][number];

/** Chapters, each with its sections, for a nested table of contents. */
function chapters(sections: Section[]): { chapter: Section; children: Section[] }[] {
  const out: { chapter: Section; children: Section[] }[] = [];
  for (const s of sections) {
    if (s.level === 2 || out.length === 0) out.push({ chapter: s, children: [] });
    else if (s.level === 3) out.at(-1)!.children.push(s);
  }
  return out;
}

/** The user guide, served by the app: open to anyone, so the sign-in page can link to it too. */
export function HelpPage() {
  const { t, i18n } = useTranslation();
  const me = useOptionalMe();
  const { hash } = useLocation();
  const guide = useQuery({
    queryKey: ["help"],
    queryFn: () => get<Guide>("/api/help"),
    staleTime: Number.POSITIVE_INFINITY,
  });

  // A help link names a section in the fragment: bring it into view and move focus to it, so
  // keyboard and screen-reader users start reading there too.
  useEffect(() => {
    if (!guide.data || !hash) return;
    const target = document.getElementById(decodeURIComponent(hash.slice(1)));
    if (target) {
      target.scrollIntoView();
      target.focus({ preventScroll: true });
    }
  }, [guide.data, hash]);

  return (
    <Shell me={me.data ?? undefined}>
      <PageTitle title={t("help.title")}>{guide.data?.title ?? t("help.title")}</PageTitle>
      {guide.isPending ? <Loading /> : null}
      {guide.isError ? <Alert data-color="danger">{t("help.loadFailed")}</Alert> : null}
      {guide.data ? (
        <>
          {guide.data.language !== i18n.language ? (
            <Alert data-color="info" className="help__language">
              {t("help.onlySwedish")}
            </Alert>
          ) : null}
          <div className="help">
            <nav aria-labelledby="help-contents" className="help__contents">
              <h2 id="help-contents" className="help__contents-title">
                {t("help.contents")}
              </h2>
              <ol lang={guide.data.language}>
                {chapters(guide.data.sections).map(({ chapter, children }) => (
                  <li key={chapter.id}>
                    <a className="ds-link" href={`#${chapter.id}`}>
                      {chapter.title}
                    </a>
                    {children.length > 0 ? (
                      <ul>
                        {children.map((s) => (
                          <li key={s.id}>
                            <a className="ds-link" href={`#${s.id}`}>
                              {s.title}
                            </a>
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </li>
                ))}
              </ol>
            </nav>
            <article
              className="help__guide"
              lang={guide.data.language}
              // The guide is the project's own Markdown, rendered on the server at start: not
              // anything a user wrote.
              // biome-ignore lint/security/noDangerouslySetInnerHtml: trusted, see above
              dangerouslySetInnerHTML={{ __html: guide.data.html }}
            />
          </div>
        </>
      ) : null}
    </Shell>
  );
}
