import { Paragraph } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import { AppLink as Link, PageTitle } from "../../components/page.tsx";

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle title={t("common.notFound")}>{t("common.notFound")}</PageTitle>
      <Paragraph>{t("common.notFoundText")}</Paragraph>
      <Paragraph>
        <Link to="/">{t("common.backHome")}</Link>
      </Paragraph>
    </>
  );
}
