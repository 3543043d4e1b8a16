import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { SdqVersion } from "./schemas.ts";
import {
  findSdqNorms,
  SDQ_BANDED_SCALES,
  SDQ_NORM_SETS,
  sdqBand,
  sdqScaleMax,
  unverifiedSdqScales,
} from "./sdq-norms.ts";

const VERSIONS: SdqVersion[] = ["parent", "teacher", "self"];

describe("SDQ norm sets", () => {
  for (const norms of SDQ_NORM_SETS) {
    for (const version of VERSIONS) {
      for (const scale of SDQ_BANDED_SCALES) {
        it(`${norms.name} ${version} ${scale}: bands partition 0–max`, () => {
          const max = sdqScaleMax(version, scale);
          const { bands } = norms.versions[version][scale];
          const labels = bands.map((b) => b.band);
          expect(new Set(labels).size).toBe(labels.length);
          expect(labels.every((label) => label.length > 0)).toBe(true);
          fc.assert(
            fc.property(fc.integer({ min: 0, max }), (score) => {
              expect(bands.filter((b) => b.min <= score && score <= b.max)).toHaveLength(1);
            }),
          );
          const covered = bands.reduce((n, b) => n + b.max - b.min + 1, 0);
          expect(covered).toBe(max + 1);
        });
      }
    }
  }

  it("bands the domain file's boundary scores", () => {
    const four = findSdqNorms("uk-four-band")!;
    const three = findSdqNorms("uk-three-band")!;
    expect(sdqBand(three, "parent", "total", 13)).toBe("normal");
    expect(sdqBand(three, "parent", "total", 14)).toBe("borderline");
    expect(sdqBand(three, "parent", "total", 17)).toBe("abnormal");
    expect(sdqBand(three, "self", "peer", 5)).toBe("borderline");
    expect(sdqBand(four, "parent", "hyperactivity", 7)).toBe("slightly-raised");
    expect(sdqBand(four, "parent", "prosocial", 7)).toBe("slightly-lowered");
    expect(sdqBand(four, "teacher", "prosocial", 3)).toBe("very-low");
    expect(sdqBand(four, "self", "total", 20)).toBe("very-high");
    expect(sdqBand(four, "self", "total", null)).toBeNull();
  });

  it("reports which tables are not verified", () => {
    const four = findSdqNorms("uk-four-band")!;
    expect(unverifiedSdqScales(four, "parent")).toEqual(["impact"]);
    expect(unverifiedSdqScales(four, "self")).toEqual([...SDQ_BANDED_SCALES]);
    expect(findSdqNorms("smedje-1999")).toBeUndefined();
  });
});
