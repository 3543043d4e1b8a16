/**
 * A LIKE pattern that matches `text` literally: PostgreSQL's default escape character is the
 * backslash, so `%`, `_` and `\` in what a person typed are escaped rather than read as wildcards
 * (`auth.sign_in` then finds the action of that name, not any character where the `_` is).
 */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
