import { describe, expect, it } from "vitest";
import { acceptDocument, safeFileName, sniffDocumentType } from "./documents.ts";

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(
    parts.flatMap((p) => (typeof p === "string" ? [...new TextEncoder().encode(p)] : p)),
  );
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const zipHeader = (name: string) => [...ZIP, ...new Array(26).fill(0), ...bytes(name)];

describe("document types by content", () => {
  it("knows each accepted type by its bytes", () => {
    expect(sniffDocumentType(bytes("%PDF-1.7\n"))).toBe("pdf");
    expect(sniffDocumentType(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe("png");
    expect(sniffDocumentType(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe("jpg");
    expect(
      sniffDocumentType(bytes(zipHeader("mimetype"), "application/vnd.oasis.opendocument.text")),
    ).toBe("odt");
    expect(sniffDocumentType(bytes(zipHeader("[Content_Types].xml"), "...word/document.xml"))).toBe(
      "docx",
    );
    expect(sniffDocumentType(bytes(zipHeader("[Content_Types].xml"), "..xl/workbook.xml"))).toBe(
      "xlsx",
    );
    expect(sniffDocumentType(bytes("Protokoll från mötet\r\n\tpunkt 1"))).toBe("txt");
  });

  it("refuses other files, a plain ZIP and text with control bytes", () => {
    expect(sniffDocumentType(bytes("MZ", [0x90, 0]))).toBeNull();
    expect(sniffDocumentType(bytes(zipHeader("evil.exe")))).toBeNull();
    expect(sniffDocumentType(bytes("text", [0x00]))).toBeNull();
    expect(sniffDocumentType(bytes([0xc3, 0x28]))).toBeNull();
  });

  it("takes a file only when its name says the type its content is", () => {
    expect(acceptDocument("a.PDF", bytes("%PDF-1.4"))).toBe("pdf");
    expect(acceptDocument("a.jpeg", bytes([0xff, 0xd8, 0xff]))).toBe("jpg");
    expect(acceptDocument("a.png", bytes("%PDF-1.4"))).toBeNull();
    expect(acceptDocument("a.html", bytes("<script>"))).toBeNull();
  });
});

describe("safe file names", () => {
  it("drops folders, control and reserved characters and leading dots", () => {
    expect(safeFileName("../../etc/passwd")).toBe("passwd");
    expect(safeFileName("C:\\Users\\a\\Rapport.pdf")).toBe("Rapport.pdf");
    expect(safeFileName('a\u0000b\n"c".txt')).toBe("abc.txt");
    expect(safeFileName("...hidden.txt")).toBe("hidden.txt");
    expect(safeFileName("///")).toBe("dokument");
  });

  it("keeps the extension when it shortens a long name", () => {
    const name = safeFileName(`${"å".repeat(300)}.docx`);
    expect(name).toHaveLength(200);
    expect(name.endsWith(".docx")).toBe(true);
  });
});
