import { Heading, Paragraph } from "@digdir/designsystemet-react";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { DIMENSION_LETTERS } from "../../../domain/readiness/dimensions.ts";
import { TOPIC_PLACEHOLDER } from "../../../domain/readiness/guide.ts";
import { type ApiError, get } from "../../api.ts";
import { ForbiddenPage, isForbidden } from "../../components/forbidden.tsx";
import { AppLink, Loading, PageTitle } from "../../components/page.tsx";
import { useCan } from "../../components/session.ts";
import { NotFoundPage } from "../platform/not-found.tsx";
import { API, dimensionName, type Guide, useLang } from "./shared.tsx";

/**
 * One guide version to read: its questions by dimension with their follow-ups, numbered as in
 * an interview. Reading a guide no longer means opening its editor.
 */
export function ReadinessGuidePage() {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const { guideId = "" } = useParams();
  const guides = useQuery<Guide[], ApiError>({
    queryKey: ["readiness", "guides"],
    queryFn: () => get<Guide[]>(`${API}/guides`),
  });
  if (guides.isPending) return <Loading />;
  if (guides.isError) return isForbidden(guides.error) ? <ForbiddenPage /> : <NotFoundPage />;
  const guide = guides.data.find((g) => g.id === guideId);
  if (!guide) return <NotFoundPage />;
  const title = t("readiness.guides.viewTitle", {
    title: guide.title[lang],
    version: guide.version,
  });
  const topic = t("readiness.guides.topicWord");
  const withTopic = (text: string) => text.replaceAll(TOPIC_PLACEHOLDER, topic);
  return (
    <>
      <nav aria-label={t("readiness.breadcrumb")} className="breadcrumb-lite">
        <AppLink to="/readiness">{t("readiness.title")}</AppLink>
        {" / "}
        <AppLink to="/readiness/guides">{t("readiness.guides.title")}</AppLink>
      </nav>
      <PageTitle title={title}>{title}</PageTitle>
      <Paragraph>
        {t("readiness.guides.viewIntro", { count: guide.questions.length, topic })}
      </Paragraph>
      {can("community.edit") ? (
        <Paragraph>
          <AppLink to={`/readiness/guides/new?base=${guide.id}`}>
            {t("readiness.guides.copy")}
          </AppLink>
        </Paragraph>
      ) : null}
      {DIMENSION_LETTERS.map((d) => {
        const questions = guide.questions.filter((q) => q.dimension === d);
        return (
          <section key={d} aria-labelledby={`guide-dim-${d}`} className="readiness-section">
            <Heading level={2} data-size="sm" id={`guide-dim-${d}`}>
              {d}. {dimensionName(d, lang)}
            </Heading>
            {questions.length === 0 ? (
              <Paragraph>{t("readiness.guides.noQuestions")}</Paragraph>
            ) : (
              <ol className="readiness-guide-read">
                {questions.map((q) => (
                  <li key={q.id}>
                    {withTopic(q.text[lang])}
                    {q.followUps.length > 0 ? (
                      <ul>
                        {q.followUps.map((f) => (
                          <li key={f.sv}>{withTopic(f[lang])}</li>
                        ))}
                      </ul>
                    ) : null}
                  </li>
                ))}
              </ol>
            )}
          </section>
        );
      })}
    </>
  );
}
