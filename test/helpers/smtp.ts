import { writeFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export const SMTP_USER = "paraply-mailer";
export const SMTP_PASSWORD = "smtp-test-password";

/**
 * A real SMTP server on a free loopback port that keeps what it receives. It asks for the
 * credentials in the URL it gives out, as a municipality's relay would. STARTTLS is off: the
 * test has no certificate for 127.0.0.1. With `saveTo`, each message is also written there as
 * `<n>.eml`, for browser journeys whose tests run in another process than the server.
 */
export async function startSmtpServer(options: { saveTo?: string } = {}) {
  const received: ParsedMail[] = [];
  const waiting: (() => void)[] = [];
  const server = new SMTPServer({
    authOptional: false,
    allowInsecureAuth: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === SMTP_USER && auth.password === SMTP_PASSWORD) {
        callback(null, { user: auth.username });
      } else callback(new Error("Invalid username or password"));
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks);
        const n = received.length;
        Promise.all([
          simpleParser(raw),
          options.saveTo ? writeFile(path.join(options.saveTo, `${n}.eml`), raw) : undefined,
        ]).then(
          ([mail]) => {
            received.push(mail);
            for (const wake of waiting.splice(0)) wake();
            callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://${SMTP_USER}:${SMTP_PASSWORD}@127.0.0.1:${port}`,
    received,
    /** The first message to `to` beyond the `skip` already seen, waiting up to `ms` for it. */
    async mailTo(to: string, { skip = 0, ms = 10_000 } = {}): Promise<ParsedMail> {
      const deadline = Date.now() + ms;
      for (;;) {
        const mine = received.filter((m) => addressesOf(m).includes(to.toLowerCase()));
        if (mine.length > skip) return mine[skip]!;
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no e-mail to ${to} within ${ms} ms`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiting.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type SmtpTestServer = Awaited<ReturnType<typeof startSmtpServer>>;

export function addressesOf(mail: ParsedMail): string[] {
  const to = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : [];
  return to.flatMap((a) => a.value.map((v) => (v.address ?? "").toLowerCase()));
}

/** The reset link in a received e-mail's plain text. */
export function resetLinkOf(mail: ParsedMail): URL {
  const match = mail.text?.match(/https?:\/\/\S+/);
  if (!match) throw new Error(`no link in the e-mail: ${mail.text}`);
  return new URL(match[0]);
}
