import { describe, expect, it } from "vitest";
import { renderGuide, slugOf } from "./guide.ts";

describe("the user guide's heading ids", () => {
  it("are GitHub's: lower case, punctuation dropped, Swedish letters kept", () => {
    expect(slugOf("Kom igång")).toBe("kom-igång");
    expect(slugOf("11. Rapport (PDF) och poängtabell (CSV)")).toBe(
      "11-rapport-pdf-och-poängtabell-csv",
    );
    expect(slugOf("Glömt lösenord?")).toBe("glömt-lösenord");
  });

  it("are set on the headings, kept apart when repeated, and listed for the contents", () => {
    const guide = renderGuide(
      "# Guide\n\nIntro with <b>HTML</b>.\n\n## Start *here*\n\n### Sök\n\n## Sök\n\n[link](#sök-1)\n",
    );
    expect(guide.title).toBe("Guide");
    expect(guide.html).not.toContain("<h1");
    expect(guide.sections).toEqual([
      { id: "start-here", level: 2, title: "Start here" },
      { id: "sök", level: 3, title: "Sök" },
      { id: "sök-1", level: 2, title: "Sök" },
    ]);
    expect(guide.html).toContain('<h2 id="start-here" tabindex="-1">Start <em>here</em></h2>');
    expect(guide.html).toContain('<h2 id="sök-1" tabindex="-1">Sök</h2>');
  });
});
