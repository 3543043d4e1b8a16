import {
  buildImport,
  buildInstrument,
  buildWave,
  EMPTY_MAPPING,
  SMALL_INSTRUMENT,
} from "../helpers/profile.ts";
import { all, type Fixture, type ModuleMatrix, type Row, readable, scoped } from "./types.ts";

/** Community-level edits: the coordinator of the municipality (and the system administrator). */
const edited = (status: number): Row => ({
  ...all(403),
  system_admin: status,
  coordinator: scoped(status, 403),
});
/** Imports: coordinators and analysts of the municipality. */
const imported = (status: number): Row => ({
  ...edited(status),
  analyst: scoped(status, 403),
});

async function waveUrl(f: Fixture) {
  return `/api/profile/waves/${(await buildWave(f.t.db, f.org.id)).wave.id}`;
}
async function importUrl(f: Fixture) {
  return `/api/profile/imports/${(await buildImport(f.t.db, f.org.id)).id}`;
}
async function instrumentUrl(f: Fixture) {
  return `/api/profile/instruments/${(await buildInstrument(f.t.db, f.org.id)).id}`;
}

export const profileMatrix: ModuleMatrix = {
  rows: {
    "GET /api/profile/instruments": all(200),
    "GET /api/profile/instruments/{id}": readable,
    "GET /api/profile/instruments/{id}/export": readable,
    "POST /api/profile/instruments": edited(201),
    "GET /api/profile/waves": all(200),
    "POST /api/profile/waves": imported(201),
    "GET /api/profile/waves/{id}": readable,
    "PUT /api/profile/waves/{id}/invited": imported(200),
    "POST /api/profile/waves/{id}/imports": imported(201),
    "GET /api/profile/waves/{id}/imports": imported(200),
    "GET /api/profile/imports/{id}": imported(200),
    "PUT /api/profile/imports/{id}/mapping": imported(200),
    // The fixture's import is not validated yet: those who may confirm learn that (409).
    "POST /api/profile/imports/{id}/confirm": imported(409),
    "POST /api/profile/imports/{id}/cancel": imported(200),
    "GET /api/profile/waves/{id}/profile": readable,
    "GET /api/profile/waves/{id}/profile.csv": readable,
    "GET /api/profile/waves/{id}/report.pdf": readable,
    "GET /api/profile/waves/{id}/trend": readable,
    "GET /api/profile/waves/{id}/prioritisations": readable,
    "POST /api/profile/waves/{id}/prioritisations": edited(201),
    "POST /api/profile/waves/{id}/compare": readable,
    "GET /api/profile/waves/{id}/candidates": readable,
    "GET /api/profile/kolada": readable,
    "POST /api/profile/kolada": imported(200),
  },
  requests: {
    "GET /api/profile/instruments": async () => ({ url: "/api/profile/instruments" }),
    "GET /api/profile/instruments/{id}": async (f) => ({ url: await instrumentUrl(f) }),
    "GET /api/profile/instruments/{id}/export": async (f) => ({
      url: `${await instrumentUrl(f)}/export`,
    }),
    "POST /api/profile/instruments": async (f) => ({
      url: "/api/profile/instruments",
      payload: { organisationId: f.org.id, instrument: SMALL_INSTRUMENT },
    }),
    "GET /api/profile/waves": async () => ({ url: "/api/profile/waves" }),
    "POST /api/profile/waves": async (f) => ({
      url: "/api/profile/waves",
      payload: {
        organisationId: f.org.id,
        instrumentId: (await buildInstrument(f.t.db, f.org.id)).id,
        name: "Enkät 2026",
        year: 2026,
      },
    }),
    "GET /api/profile/waves/{id}": async (f) => ({ url: await waveUrl(f) }),
    "PUT /api/profile/waves/{id}/invited": async (f) => ({
      url: `${await waveUrl(f)}/invited`,
      payload: { invited: [{ school: "Skolan", grade: "9", invited: 40 }] },
    }),
    "POST /api/profile/waves/{id}/imports": async (f) => ({
      url: `${await waveUrl(f)}/imports?fileName=enkat.csv`,
      payload: Buffer.from("area;q1;q2;q3;q4;lie\nNorr;1;2;3;4;1\n"),
    }),
    "GET /api/profile/waves/{id}/imports": async (f) => ({ url: `${await waveUrl(f)}/imports` }),
    "GET /api/profile/imports/{id}": async (f) => ({ url: await importUrl(f) }),
    "PUT /api/profile/imports/{id}/mapping": async (f) => ({
      url: `${await importUrl(f)}/mapping`,
      payload: { mapping: EMPTY_MAPPING },
    }),
    "POST /api/profile/imports/{id}/confirm": async (f) => ({
      url: `${await importUrl(f)}/confirm`,
      payload: {},
    }),
    "POST /api/profile/imports/{id}/cancel": async (f) => ({ url: `${await importUrl(f)}/cancel` }),
    "GET /api/profile/waves/{id}/profile": async (f) => ({ url: `${await waveUrl(f)}/profile` }),
    "GET /api/profile/waves/{id}/profile.csv": async (f) => ({
      url: `${await waveUrl(f)}/profile.csv`,
    }),
    "GET /api/profile/waves/{id}/report.pdf": async (f) => ({
      url: `${await waveUrl(f)}/report.pdf`,
    }),
    "GET /api/profile/waves/{id}/trend": async (f) => ({ url: `${await waveUrl(f)}/trend` }),
    "GET /api/profile/waves/{id}/prioritisations": async (f) => ({
      url: `${await waveUrl(f)}/prioritisations`,
    }),
    "POST /api/profile/waves/{id}/prioritisations": async (f) => ({
      url: `${await waveUrl(f)}/prioritisations`,
      payload: {
        basis: "Profilen",
        factors: ["conflict", "attitudes", "bonding", "rewards"].map((factor) => ({
          factor,
          reason: "Hög andel.",
        })),
      },
    }),
    "POST /api/profile/waves/{id}/compare": async (f) => ({
      url: `${await waveUrl(f)}/compare`,
      payload: {
        reference: {
          kind: "norm",
          source: "Norm 2024",
          figures: [{ factor: "conflict", percent: 20 }],
        },
      },
    }),
    "GET /api/profile/waves/{id}/candidates": async (f) => ({
      url: `${await waveUrl(f)}/candidates`,
    }),
    "GET /api/profile/kolada": async (f) => ({
      url: `/api/profile/kolada?organisationId=${f.org.id}`,
    }),
    "POST /api/profile/kolada": async (f) => ({
      url: `/api/profile/kolada?organisationId=${f.org.id}&format=csv`,
      payload: Buffer.from(
        "kpi;municipality;period;gender;value;count;status\nN00945;1460;2024;T;12,5;;\n",
      ),
    }),
  },
};
