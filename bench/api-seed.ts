import type pg from "pg";

/** What bench/api loads: the sizes the issue asks for. */
export const SCALE = {
  assessments: 2_000,
  users: 5_000,
  auditRows: 100_000,
  respondentsPerAssessment: 5,
} as const;

/**
 * Scales the demo database up to a country: every SCB municipality (under a region per county,
 * each with a school, social services and police unit), 5,000 users with one role each,
 * 2,000 readiness assessments with team, respondents, interviews, scores and consensus, and
 * 100,000 audit rows. Set-based SQL only (INSERT … SELECT generate_series), one transaction:
 * a row at a time would take minutes. Runs after seedDemo, whose users and password it reuses.
 */
export async function seedScaledDataset(pool: pg.Pool): Promise<Record<string, number>> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query(SEED_SQL, []).catch((error: Error) => {
      throw new Error(`scaled seed failed: ${error.message}`);
    });
    await client.query("COMMIT");
    // Vacuumed, as a database in service is: not by autovacuum in the middle of the routes.
    await client.query("VACUUM (ANALYZE)");
    const counts = await client.query<Record<string, string>>(`
      SELECT (SELECT count(*) FROM platform.organisations WHERE kind = 'municipality') AS municipalities,
             (SELECT count(*) FROM platform.organisations) AS organisations,
             (SELECT count(*) FROM platform.users) AS users,
             (SELECT count(*) FROM platform.role_assignments) AS "role assignments",
             (SELECT count(*) FROM community.readiness_assessments) AS assessments,
             (SELECT count(*) FROM community.readiness_interviews) AS interviews,
             (SELECT count(*) FROM community.readiness_scores) AS scores,
             (SELECT count(*) FROM platform.audit_log) AS "audit rows"`);
    return Object.fromEntries(Object.entries(counts.rows[0]!).map(([k, v]) => [k, Number(v)]));
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

const TOPICS = `ARRAY['andt','violence_close_relationships','honour_violence','minority_issues','integration']`;
const SECTORS = `ARRAY['skola','socialtjanst','halso_och_sjukvard','polis','fritid']`;
const ROLES = `ARRAY['coordinator','analyst','practitioner','reader','reader','practitioner','org_admin']`;

// One multi-statement simple query (no parameters), so the whole seed is one round trip.
const SEED_SQL = `
CREATE TEMP TABLE bench_region ON COMMIT DROP AS
  SELECT gen_random_uuid() AS id, county_name FROM (SELECT DISTINCT county_name FROM platform.municipality_refs) c;
INSERT INTO platform.organisations (id, kind, name) SELECT id, 'region', county_name FROM bench_region;

INSERT INTO platform.organisations (kind, parent_id, name, municipality_code)
  SELECT 'municipality', r.id, m.name, m.code
  FROM platform.municipality_refs m JOIN bench_region r ON r.county_name = m.county_name
  WHERE NOT EXISTS (SELECT 1 FROM platform.organisations o WHERE o.municipality_code = m.code);

INSERT INTO platform.organisations (kind, parent_id, name, sector)
  SELECT 'unit', o.id, o.name || ' ' || u.label, u.sector
  FROM platform.organisations o
  CROSS JOIN (VALUES ('grundskola', 'skola'), ('socialtjänst', 'socialtjanst'), ('lokalpolis', 'polis')) u(label, sector)
  WHERE o.kind = 'municipality' AND o.municipality_code IN
    (SELECT code FROM platform.municipality_refs m JOIN bench_region r ON r.county_name = m.county_name)
    AND NOT EXISTS (SELECT 1 FROM platform.organisations c WHERE c.parent_id = o.id);

CREATE TEMP TABLE bench_muni ON COMMIT DROP AS
  SELECT id, (row_number() OVER (ORDER BY municipality_code) - 1)::int AS i
  FROM platform.organisations WHERE kind = 'municipality';

INSERT INTO platform.users (email, display_name, password_hash)
  SELECT 'person' || n || '@bench.example', 'Bench Person ' || lpad(n::text, 4, '0'),
         (SELECT password_hash FROM platform.users WHERE password_hash IS NOT NULL LIMIT 1)
  FROM generate_series(1, (${SCALE.users} - (SELECT count(*) FROM platform.users))::int) n;

CREATE TEMP TABLE bench_user ON COMMIT DROP AS
  SELECT id, (row_number() OVER (ORDER BY email) - 1)::int AS i
  FROM platform.users WHERE email LIKE '%@bench.example';

-- One role each, in a municipality: about 17 people per municipality.
INSERT INTO platform.role_assignments (user_id, organisation_id, role)
  SELECT u.id, m.id, (${ROLES})[1 + u.i % 7]
  FROM bench_user u JOIN bench_muni m ON m.i = u.i % (SELECT count(*)::int FROM bench_muni);

CREATE TEMP TABLE bench_assessment ON COMMIT DROP AS
  SELECT gen_random_uuid() AS id, n, m.id AS organisation_id, l.id AS lead, s.id AS scorer
  FROM generate_series(1, (${SCALE.assessments} - (SELECT count(*) FROM community.readiness_assessments))::int) n
  JOIN bench_muni m ON m.i = n % (SELECT count(*)::int FROM bench_muni)
  JOIN bench_user l ON l.i = (n * 7) % (SELECT count(*)::int FROM bench_user)
  JOIN bench_user s ON s.i = (n * 7 + 1) % (SELECT count(*)::int FROM bench_user);

INSERT INTO community.readiness_assessments
    (id, organisation_id, topic, period_start, period_end, guide_id, created_by)
  SELECT a.id, a.organisation_id,
         jsonb_build_object('kind', 'preset', 'key', (${TOPICS})[1 + a.n % 5]),
         make_date(2012 + a.n % 14, 1 + a.n % 9, 1), make_date(2012 + a.n % 14, 4 + a.n % 9, 28),
         (SELECT id FROM community.readiness_guides WHERE organisation_id IS NULL ORDER BY version DESC LIMIT 1),
         a.lead
  FROM bench_assessment a;

INSERT INTO community.readiness_team (assessment_id, user_id, role)
  SELECT a.id, a.lead, r FROM bench_assessment a, unnest(ARRAY['lead', 'interviewer', 'scorer']) r
  UNION ALL
  SELECT a.id, a.scorer, 'scorer' FROM bench_assessment a;

CREATE TEMP TABLE bench_interview ON COMMIT DROP AS
  SELECT gen_random_uuid() AS id, gen_random_uuid() AS respondent_id, a.id AS assessment_id,
         a.n, k, a.lead, a.scorer
  FROM bench_assessment a, generate_series(1, ${SCALE.respondentsPerAssessment}) k;

INSERT INTO community.readiness_respondents (id, assessment_id, role, sector, name, contact, created_at)
  SELECT respondent_id, assessment_id, 'Nyckelperson ' || k, (${SECTORS})[k],
         'Respondent ' || n || '-' || k, 'r' || n || '-' || k || '@bench.example',
         now() - interval '1 day' + k * interval '1 second'
  FROM bench_interview;

INSERT INTO community.readiness_interviews
    (id, assessment_id, respondent_id, interviewer_id, number, held_on, duration_minutes, answers)
  SELECT id, assessment_id, respondent_id, lead, k, make_date(2012 + n % 14, 2, 1 + k * 3), 45,
         jsonb_build_object('A1', 'Anteckning om insatser ' || n, 'B1', 'Kännedom i samhället ' || k,
                            'E1', 'Kunskap om frågan')
  FROM bench_interview;

-- Two scorers per interview, scores 1–9 in half steps, both submitted.
INSERT INTO community.readiness_scores (interview_id, scorer_id, dimension, score)
  SELECT i.id, s.scorer, d, 1 + ((i.n + i.k + ascii(d)) % 17) / 2.0
  FROM bench_interview i
  CROSS JOIN LATERAL (VALUES (i.lead), (i.scorer)) s(scorer)
  CROSS JOIN unnest(ARRAY['A','B','C','D','E','F']) d;

INSERT INTO community.readiness_score_submissions (interview_id, scorer_id)
  SELECT i.id, s.scorer FROM bench_interview i CROSS JOIN LATERAL (VALUES (i.lead), (i.scorer)) s(scorer);

-- Four assessments in five have reached consensus; the rest are still being scored.
INSERT INTO community.readiness_consensus (interview_id, dimension, score, decided_by)
  SELECT i.id, d, 1 + ((i.n + i.k + ascii(d)) % 17) / 2.0, i.lead
  FROM bench_interview i CROSS JOIN unnest(ARRAY['A','B','C','D','E','F']) d
  WHERE i.n % 5 <> 0;

-- Through the chain trigger, like every real row.
INSERT INTO platform.audit_log
    (occurred_at, actor_id, actor_label, action, subject_type, subject_id, organisation_id,
     personal_data, ip, user_agent, details)
  SELECT now() - (${SCALE.auditRows} - n) * interval '20 seconds', u.id, 'person' || u.i || '@bench.example',
         (ARRAY['auth.sign_in','user.read','readiness.respondent.read','readiness.interview.update',
                'organisation.update','readiness.score.submit'])[1 + n % 6],
         CASE WHEN n % 6 IN (0, 1) THEN 'user' ELSE 'readiness_assessment' END,
         CASE WHEN n % 6 IN (0, 1) THEN u.id::text ELSE gen_random_uuid()::text END,
         CASE WHEN n % 6 = 0 THEN NULL ELSE m.id END,
         n % 6 = 2, '127.0.0.1', 'bench', '{}'::jsonb
  FROM generate_series(1, ${SCALE.auditRows}) n
  JOIN bench_user u ON u.i = n % (SELECT count(*)::int FROM bench_user)
  JOIN bench_muni m ON m.i = n % (SELECT count(*)::int FROM bench_muni);
`;
