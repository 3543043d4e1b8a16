import type { MailMessage } from "./mailer.ts";

const TEXTS = {
  sv: {
    subject: "Återställ ditt lösenord i Paraply",
    greeting: (name: string) => `Hej ${name}!`,
    intro: "Någon, förhoppningsvis du, har bett om att få byta lösenord för ditt konto i Paraply.",
    action: "Välj ett nytt lösenord",
    validity: (minutes: number) =>
      `Länken fungerar en gång och i ${minutes} minuter. När du har bytt lösenord loggas du ut på alla enheter.`,
    ignore:
      "Om du inte bad om detta kan du bortse från meddelandet; ditt lösenord är oförändrat. Kontakta din organisations administratör om du får sådana meddelanden utan att ha bett om dem.",
  },
  en: {
    subject: "Reset your Paraply password",
    greeting: (name: string) => `Hello ${name},`,
    intro: "Someone, hopefully you, asked to change the password of your Paraply account.",
    action: "Choose a new password",
    validity: (minutes: number) =>
      `The link works once and for ${minutes} minutes. Changing the password signs you out on every device.`,
    ignore:
      "If you did not ask for this, you can ignore this message; your password is unchanged. Tell your organisation's administrator if such messages keep arriving.",
  },
} as const;

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );

/**
 * The reset e-mail in the person's language, as plain text and simple HTML. It names only the
 * person and the link: never anything from their work.
 */
export function passwordResetMail(input: {
  to: string;
  name: string;
  locale: "sv" | "en";
  link: string;
  minutes: number;
}): MailMessage {
  const t = TEXTS[input.locale];
  const text = [
    t.greeting(input.name),
    "",
    t.intro,
    "",
    `${t.action}: ${input.link}`,
    "",
    t.validity(input.minutes),
    "",
    t.ignore,
    "",
    "Paraply",
  ].join("\n");
  const html = `<!doctype html>
<html lang="${input.locale}">
<head><meta charset="utf-8"><title>${escapeHtml(t.subject)}</title></head>
<body style="font-family: sans-serif; line-height: 1.5; max-width: 40em">
<p>${escapeHtml(t.greeting(input.name))}</p>
<p>${escapeHtml(t.intro)}</p>
<p><a href="${escapeHtml(input.link)}">${escapeHtml(t.action)}</a></p>
<p>${escapeHtml(t.validity(input.minutes))}</p>
<p>${escapeHtml(t.ignore)}</p>
<p>Paraply</p>
</body>
</html>
`;
  return { to: input.to, subject: t.subject, text, html };
}
