import type { AreaType, OrganisationKind, Sector } from "../../domain/platform/organisations.ts";

/** A node of the demo organisation tree; municipalities are named from SCB's list by code. */
export interface DemoOrg {
  key: string;
  kind: OrganisationKind;
  name?: string;
  code?: string;
  sector?: Sector;
  areaType?: AreaType;
  description?: string;
  children?: DemoOrg[];
}

const unit = (key: string, name: string, sector: Sector, description?: string): DemoOrg => ({
  key,
  kind: "unit",
  name,
  sector,
  description,
});

/** Units every Dalsland municipality has in its own collaboration structures. */
function dalslandMunicipality(key: string, code: string, town: string, schools: string[]): DemoOrg {
  return {
    key,
    kind: "municipality",
    code,
    children: [
      {
        key: `${key}-centrum`,
        kind: "area",
        name: `${town} centrum`,
        areaType: "district",
        children: schools.map((school, i) => unit(`${key}-skola-${i}`, school, "skola")),
      },
      unit(
        `${key}-eht`,
        `Elevhälsoteam ${town}`,
        "skola",
        "Skolsköterska, kurator, psykolog och specialpedagog",
      ),
      unit(`${key}-ifo`, `Socialtjänsten ${town}, IFO barn och unga`, "socialtjanst"),
      unit(
        `${key}-sspf`,
        `SSPF ${town}`,
        "socialtjanst",
        "Skola, socialtjänst, polis och fritid i samverkan",
      ),
      unit(`${key}-fritid`, `Fritidsgården ${town}`, "fritid"),
      unit(`${key}-bvc`, `BVC ${town}`, "halso_och_sjukvard"),
      unit(`${key}-vc`, `Vårdcentralen ${town}`, "halso_och_sjukvard"),
    ],
  };
}

export const DEMO_ORGANISATIONS: DemoOrg[] = [
  {
    key: "vgr",
    kind: "region",
    name: "Västra Götalandsregionen",
    children: [
      {
        key: "dalsland",
        kind: "collaboration",
        name: "Dalslands kommuner i samverkan",
        description:
          "Bengtsfors, Dals-Ed, Färgelanda, Mellerud och Åmål: barnsamverkan enligt Dalslandsmodellen",
        children: [
          dalslandMunicipality("bengtsfors", "1460", "Bengtsfors", [
            "Bengtsfors skola F–6",
            "Gerdinskolan 7–9",
          ]),
          dalslandMunicipality("dalsed", "1438", "Dals-Ed", [
            "Hagaskolan F–6",
            "Snörrumskolan 7–9",
          ]),
          dalslandMunicipality("fargelanda", "1439", "Färgelanda", [
            "Färgelanda skola F–6",
            "Valboskolan 7–9",
          ]),
          dalslandMunicipality("mellerud", "1461", "Mellerud", [
            "Nordalsskolan F–6",
            "Rådaskolan 7–9",
          ]),
          dalslandMunicipality("amal", "1492", "Åmål", [
            "Rösparksskolan F–6",
            "Kristinebergskolan 7–9",
          ]),
          unit(
            "dalsland-familjecentral",
            "Familjecentralen Dalsland 0–6 år",
            "halso_och_sjukvard",
            "BVC, MVC, öppen förskola och socialtjänstens förebyggande arbete",
          ),
          unit(
            "dalsland-barnsamverkan",
            "Barnsamverkan Dalsland",
            "annan",
            "Länsgemensam samverkan kring barn och unga",
          ),
          unit(
            "dalsland-vardsamverkan",
            "Vårdsamverkan Fyrbodal, delregion Dalsland",
            "halso_och_sjukvard",
          ),
          unit(
            "dalsland-ungvux",
            "Ungvux 13–25",
            "halso_och_sjukvard",
            "Psykisk hälsa för unga vuxna",
          ),
          unit(
            "dalsland-lagtroskel",
            "Lågtröskelverksamheten 16–30",
            "socialtjanst",
            "Stöd utan remiss för unga som varken arbetar eller studerar",
          ),
          unit("dalsland-polis", "Polisen lokalpolisområde Dalsland", "polis"),
        ],
      },
    ],
  },
  {
    key: "vasterbotten",
    kind: "region",
    name: "Region Västerbotten",
    children: [
      {
        key: "umea",
        kind: "municipality",
        code: "2480",
        children: [
          {
            key: "umea-ost",
            kind: "area",
            name: "Umeå östra",
            areaType: "district",
            children: [unit("umea-hlt", "Hälsa, lärande och trygghet (HLT) Öst", "annan")],
          },
          unit("umea-ifo", "Individ- och familjeomsorgen Umeå", "socialtjanst"),
          unit("umea-fritid", "Fritid Umeå, Ungdomens hus", "fritid"),
        ],
      },
    ],
  },
  {
    key: "gavleborg",
    kind: "region",
    name: "Region Gävleborg",
    children: [
      {
        key: "sandviken",
        kind: "municipality",
        code: "2181",
        children: [
          unit("sandviken-eht", "Elevhälsan Sandviken", "skola"),
          unit("sandviken-ifo", "Socialtjänsten Sandviken", "socialtjanst"),
        ],
      },
    ],
  },
  {
    key: "dalarna",
    kind: "region",
    name: "Region Dalarna",
    children: [
      {
        key: "avesta",
        kind: "municipality",
        code: "2084",
        children: [
          unit("avesta-familjecentral", "Familjecentralen Avesta", "halso_och_sjukvard"),
          unit("avesta-polis", "Polisen Avesta", "polis"),
        ],
      },
    ],
  },
];

export const DEMO_PASSWORD = "Paraply-demo-2026";

export const DEMO_USERS = [
  { email: "admin@paraply.example", name: "Sara Systemsson", role: "system_admin", org: null },
  {
    email: "orgadmin@dalsland.example",
    name: "Olle Organisatör",
    role: "org_admin",
    org: "dalsland",
  },
  {
    email: "samordnare@bengtsfors.example",
    name: "Maja Lindqvist",
    role: "coordinator",
    org: "bengtsfors",
  },
  { email: "analytiker@dalsland.example", name: "Amir Haddad", role: "analyst", org: "dalsland" },
  { email: "praktiker@amal.example", name: "Karin Ek", role: "practitioner", org: "amal-eht" },
  { email: "lasare@mellerud.example", name: "Leif Berg", role: "reader", org: "mellerud" },
  {
    email: "upptackare@amal.example",
    name: "Johanna Sjöberg",
    role: "practitioner",
    org: "amal-skola-0",
  },
  { email: "barnkontakt@amal.example", name: "Nils Åberg", role: "practitioner", org: "amal-eht" },
  {
    email: "stodsamordnare@amal.example",
    name: "Fatima Rahimi",
    role: "practitioner",
    org: "dalsland-barnsamverkan",
  },
  { email: "teammedlem@amal.example", name: "Eva Holm", role: "practitioner", org: "amal-bvc" },
  { email: "mottagning@amal.example", name: "Per Dahl", role: "practitioner", org: "amal-ifo" },
] as const;
