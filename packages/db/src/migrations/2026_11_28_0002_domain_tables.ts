import { type Kysely, sql } from "kysely";

// Frozen in time: a migration never imports application code. Each statement runs
// on its own because the driver's extended protocol takes one statement at a time.

const up_statements = [
  // Configuration: levels, unit kinds, fields. Rows come from @lantoa/domain's defaults at start.
  // A level belongs to a dated level set (three tiers until 2025, two since); old
  // records keep the level code they had.
  `CREATE TABLE levels (
    level_set text NOT NULL,
    code text NOT NULL,
    name_vi text NOT NULL,
    name_en text NOT NULL,
    rank integer NOT NULL,
    valid_from date,
    valid_to date,
    PRIMARY KEY (level_set, code),
    UNIQUE (level_set, rank),
    CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_from <= valid_to)
  )`,
  `CREATE TABLE unit_kinds (code text PRIMARY KEY, name_vi text NOT NULL, name_en text NOT NULL)`,
  `CREATE TABLE fields (code text PRIMARY KEY, name_vi text NOT NULL, name_en text NOT NULL)`,

  // Users and role assignments scoped to a unit subtree.
  `CREATE TABLE users (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    username text NOT NULL,
    display_name text NOT NULL,
    password_hash text NOT NULL,
    unit_id uuid REFERENCES units(id),
    disabled_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    version integer NOT NULL DEFAULT 1
  )`,
  `CREATE UNIQUE INDEX users_username_idx ON users (lower(username))`,
  `CREATE TABLE role_assignments (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role text NOT NULL CHECK (role IN ('system-admin', 'unit-admin', 'unit-officer', 'reviewer', 'viewer')),
    unit_id uuid REFERENCES units(id),
    created_at timestamptz NOT NULL DEFAULT now(),
    CHECK (role = 'system-admin' OR unit_id IS NOT NULL)
  )`,
  `CREATE UNIQUE INDEX role_assignments_unique_idx ON role_assignments (user_id, role, coalesce(unit_id, '00000000-0000-0000-0000-000000000000'::uuid))`,
  `CREATE TABLE sessions (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    token_hash text NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    revoked_at timestamptz
  )`,

  // Models, their history, targets, outcomes and evidence.
  `CREATE TABLE models (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    code text NOT NULL UNIQUE,
    name text NOT NULL,
    owner_unit_id uuid NOT NULL REFERENCES units(id),
    kind text NOT NULL CHECK (kind IN ('collective', 'individual')),
    person_name text,
    fields text[] NOT NULL DEFAULT '{}',
    annual_theme text,
    problem text,
    solution text,
    description text,
    start_date date NOT NULL,
    status text NOT NULL CHECK (status IN ('draft', 'submitted', 'returned', 'approved', 'active', 'archived', 'suspended')),
    suspended_from text,
    is_pilot boolean NOT NULL DEFAULT false,
    generated boolean NOT NULL DEFAULT false,
    registered_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    version integer NOT NULL DEFAULT 1,
    CHECK (kind = 'collective' OR person_name IS NOT NULL)
  )`,
  `CREATE INDEX models_owner_idx ON models (owner_unit_id)`,
  `CREATE INDEX models_status_idx ON models (status)`,
  `CREATE INDEX models_start_date_idx ON models (start_date)`,
  `CREATE INDEX models_fields_idx ON models USING gin (fields)`,
  `CREATE INDEX models_search_idx ON models USING gin (
    lantoa_search_text(name || ' ' || coalesce(problem, '') || ' ' || coalesce(solution, '') || ' ' || coalesce(description, '')) gin_trgm_ops)`,
  `CREATE INDEX models_name_search_idx ON models USING gin (lantoa_search_text(name) gin_trgm_ops)`,
  `CREATE TABLE model_status_history (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    model_id uuid NOT NULL REFERENCES models(id) ON DELETE CASCADE,
    from_status text,
    to_status text NOT NULL,
    command text NOT NULL,
    actor_user_id uuid REFERENCES users(id),
    actor_name text NOT NULL,
    at timestamptz NOT NULL,
    reason text
  )`,
  `CREATE INDEX model_status_history_model_idx ON model_status_history (model_id, at)`,
  `CREATE TABLE indicators (
    code text PRIMARY KEY,
    name_vi text NOT NULL,
    name_en text NOT NULL,
    unit_code text NOT NULL,
    aggregation text NOT NULL CHECK (aggregation IN ('sum', 'weighted-average', 'none')),
    weight_indicator_code text REFERENCES indicators(code)
  )`,
  `CREATE TABLE model_targets (
    model_id uuid NOT NULL REFERENCES models(id) ON DELETE CASCADE,
    indicator_code text NOT NULL REFERENCES indicators(code),
    target_value numeric NOT NULL,
    unit_code text NOT NULL,
    PRIMARY KEY (model_id, indicator_code)
  )`,
  `CREATE TABLE indicator_values (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    model_id uuid NOT NULL REFERENCES models(id) ON DELETE CASCADE,
    indicator_code text NOT NULL REFERENCES indicators(code),
    period text NOT NULL CHECK (period ~ '^[0-9]{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$'),
    period_year integer NOT NULL CHECK (period_year BETWEEN 1900 AND 2200),
    value numeric NOT NULL,
    unit_code text NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (model_id, indicator_code, period)
  )`,
  `CREATE INDEX indicator_values_indicator_year_idx ON indicator_values (indicator_code, period_year)`,
  `CREATE TABLE evidence (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    model_id uuid NOT NULL REFERENCES models(id) ON DELETE CASCADE,
    kind text NOT NULL CHECK (kind IN ('document', 'photo', 'link')),
    title text NOT NULL,
    uri text,
    storage_key text,
    mime_type text,
    size_bytes bigint CHECK (size_bytes IS NULL OR size_bytes >= 0),
    uploaded_by uuid REFERENCES users(id),
    uploaded_at timestamptz NOT NULL DEFAULT now(),
    CHECK (uri IS NOT NULL OR storage_key IS NOT NULL)
  )`,
  `CREATE INDEX evidence_model_idx ON evidence (model_id)`,
  `CREATE TABLE replications (
    adopter_model_id uuid PRIMARY KEY REFERENCES models(id) ON DELETE CASCADE,
    origin_model_id uuid NOT NULL REFERENCES models(id),
    adopted_on date NOT NULL,
    note text,
    CHECK (adopter_model_id <> origin_model_id)
  )`,
  `CREATE INDEX replications_origin_idx ON replications (origin_model_id)`,

  // Criteria sets: a published version is immutable (enforced below by a trigger).
  `CREATE TABLE criteria_sets (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    code text NOT NULL UNIQUE,
    name text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    version integer NOT NULL DEFAULT 1
  )`,
  `CREATE TABLE criteria_set_versions (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    criteria_set_id uuid NOT NULL REFERENCES criteria_sets(id),
    version_number integer NOT NULL CHECK (version_number > 0),
    status text NOT NULL CHECK (status IN ('draft', 'published')),
    definition jsonb NOT NULL,
    content_hash text,
    published_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    version integer NOT NULL DEFAULT 1,
    UNIQUE (criteria_set_id, version_number),
    CHECK (status = 'draft' OR (published_at IS NOT NULL AND content_hash IS NOT NULL))
  )`,

  // Evaluation rounds.
  `CREATE TABLE rounds (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    code text NOT NULL UNIQUE,
    name text NOT NULL,
    criteria_version_id uuid NOT NULL REFERENCES criteria_set_versions(id),
    organizer_unit_id uuid NOT NULL REFERENCES units(id),
    status text NOT NULL CHECK (status IN ('draft', 'self-assessment', 'review', 'council', 'finalized', 'published')),
    period text NOT NULL,
    reference_date date NOT NULL,
    scope jsonb NOT NULL DEFAULT '{}',
    settings jsonb NOT NULL DEFAULT '{}',
    draw_seed text,
    results_hash text,
    finalized_at timestamptz,
    published_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    version integer NOT NULL DEFAULT 1
  )`,
  `CREATE TABLE round_models (
    round_id uuid NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
    model_id uuid NOT NULL REFERENCES models(id),
    eligible boolean NOT NULL DEFAULT true,
    gate_outcomes jsonb NOT NULL DEFAULT '[]',
    PRIMARY KEY (round_id, model_id)
  )`,
  `CREATE INDEX round_models_model_idx ON round_models (model_id)`,
  `CREATE TABLE reviewer_assignments (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    round_id uuid NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
    model_id uuid NOT NULL REFERENCES models(id),
    reviewer_user_id uuid NOT NULL REFERENCES users(id),
    source text NOT NULL CHECK (source IN ('manual', 'bulk', 'draw', 'disagreement')),
    conflict_declared_at timestamptz,
    conflict_reason text,
    assigned_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (round_id, model_id, reviewer_user_id)
  )`,
  `CREATE INDEX reviewer_assignments_reviewer_idx ON reviewer_assignments (reviewer_user_id, round_id)`,
  `CREATE TABLE scorecards (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    round_id uuid NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
    model_id uuid NOT NULL REFERENCES models(id),
    kind text NOT NULL CHECK (kind IN ('self', 'review')),
    reviewer_user_id uuid REFERENCES users(id),
    ratings jsonb NOT NULL DEFAULT '{}',
    comments jsonb NOT NULL DEFAULT '{}',
    status text NOT NULL CHECK (status IN ('draft', 'submitted')),
    submitted_at timestamptz,
    updated_at timestamptz NOT NULL DEFAULT now(),
    version integer NOT NULL DEFAULT 1,
    CHECK (kind = 'self' OR reviewer_user_id IS NOT NULL)
  )`,
  `CREATE UNIQUE INDEX scorecards_unique_idx ON scorecards (round_id, model_id, kind, coalesce(reviewer_user_id, '00000000-0000-0000-0000-000000000000'::uuid))`,
  `CREATE TABLE round_results (
    round_id uuid NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
    model_id uuid NOT NULL REFERENCES models(id),
    total_milli integer NOT NULL,
    max_milli integer NOT NULL,
    eliminated boolean NOT NULL DEFAULT false,
    tier text,
    rank integer,
    breakdown jsonb NOT NULL,
    explanation jsonb NOT NULL,
    computed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (round_id, model_id)
  )`,
  `CREATE INDEX round_results_rank_idx ON round_results (round_id, rank, model_id)`,
  `CREATE TABLE council_decisions (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    round_id uuid NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
    members integer NOT NULL CHECK (members > 0),
    present integer NOT NULL CHECK (present >= 0),
    votes_for integer NOT NULL DEFAULT 0,
    votes_against integer NOT NULL DEFAULT 0,
    abstentions integer NOT NULL DEFAULT 0,
    outcome text NOT NULL CHECK (outcome IN ('approved', 'rejected', 'no-quorum')),
    chair_note text,
    decided_at timestamptz NOT NULL,
    CHECK (present <= members AND votes_for + votes_against + abstentions <= present)
  )`,

  // Registers.
  `CREATE TABLE commendations (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    decision_number text NOT NULL,
    decision_date date NOT NULL,
    issuer text NOT NULL,
    level text NOT NULL,
    form text NOT NULL,
    recipient_kind text NOT NULL CHECK (recipient_kind IN ('model', 'unit', 'person')),
    recipient_model_id uuid REFERENCES models(id),
    recipient_unit_id uuid REFERENCES units(id),
    recipient_person_name text,
    round_id uuid REFERENCES rounds(id),
    valid_until date,
    revoked_on date,
    revoked_reason text,
    created_at timestamptz NOT NULL DEFAULT now(),
    version integer NOT NULL DEFAULT 1,
    CHECK (
      (recipient_kind = 'model' AND recipient_model_id IS NOT NULL) OR
      (recipient_kind = 'unit' AND recipient_unit_id IS NOT NULL) OR
      (recipient_kind = 'person' AND recipient_person_name IS NOT NULL)
    ),
    CHECK ((revoked_on IS NULL) = (revoked_reason IS NULL))
  )`,
  `CREATE INDEX commendations_model_idx ON commendations (recipient_model_id)`,
  `CREATE TABLE golden_book_entries (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    unit_id uuid NOT NULL REFERENCES units(id),
    subject_kind text NOT NULL CHECK (subject_kind IN ('person', 'collective')),
    subject_name text NOT NULL,
    deed text NOT NULL,
    field text REFERENCES fields(code),
    deed_date date NOT NULL,
    nominated_by text NOT NULL,
    verified_by text,
    verified_at timestamptz,
    commendation_id uuid REFERENCES commendations(id),
    status text NOT NULL CHECK (status IN ('nominated', 'verified', 'rejected')),
    created_at timestamptz NOT NULL DEFAULT now(),
    version integer NOT NULL DEFAULT 1
  )`,
  `CREATE INDEX golden_book_unit_idx ON golden_book_entries (unit_id, deed_date)`,
  `CREATE INDEX golden_book_search_idx ON golden_book_entries USING gin (lantoa_search_text(subject_name || ' ' || deed) gin_trgm_ops)`,
  `CREATE TABLE inspections (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    unit_id uuid NOT NULL REFERENCES units(id),
    inspecting_unit_id uuid NOT NULL REFERENCES units(id),
    period text NOT NULL,
    planned_on date NOT NULL,
    visited_on date,
    status text NOT NULL CHECK (status IN ('planned', 'visited', 'closed')),
    notes text,
    created_at timestamptz NOT NULL DEFAULT now(),
    version integer NOT NULL DEFAULT 1
  )`,
  `CREATE TABLE inspection_findings (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    inspection_id uuid NOT NULL REFERENCES inspections(id) ON DELETE CASCADE,
    severity text NOT NULL CHECK (severity IN ('minor', 'major', 'critical')),
    description text NOT NULL,
    model_id uuid REFERENCES models(id),
    commendation_id uuid REFERENCES commendations(id),
    effect text NOT NULL DEFAULT 'none' CHECK (effect IN ('none', 'suspend-model', 'suspend-commendation'))
  )`,
  `CREATE TABLE corrective_actions (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    finding_id uuid NOT NULL REFERENCES inspection_findings(id) ON DELETE CASCADE,
    description text NOT NULL,
    due_on date NOT NULL,
    status text NOT NULL CHECK (status IN ('open', 'done', 'verified', 'overdue')),
    verified_on date,
    verified_by text,
    version integer NOT NULL DEFAULT 1
  )`,

  // The audit log is append-only: the database itself refuses changes.
  `CREATE TABLE audit_log (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at timestamptz NOT NULL DEFAULT now(),
    actor_user_id uuid,
    action text NOT NULL,
    entity text NOT NULL,
    entity_id text NOT NULL,
    before jsonb,
    after jsonb
  )`,
  `CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id, at)`,
  `CREATE FUNCTION lantoa_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
    END
  $$`,
  `CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION lantoa_refuse_change()`,
  `CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION lantoa_refuse_change()`,
  `CREATE FUNCTION lantoa_refuse_published_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF OLD.status = 'published' THEN
        RAISE EXCEPTION 'criteria set version % is published and immutable', OLD.id USING ERRCODE = 'insufficient_privilege';
      END IF;
      RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
    END
  $$`,
  `CREATE TRIGGER criteria_set_versions_immutable BEFORE UPDATE OR DELETE ON criteria_set_versions
    FOR EACH ROW EXECUTE FUNCTION lantoa_refuse_published_change()`,

  // Idempotency keys: a retried create returns the first response instead of creating twice.
  `CREATE TABLE idempotency_keys (
    key text NOT NULL,
    user_id uuid NOT NULL,
    operation text NOT NULL,
    request_hash text NOT NULL,
    response jsonb NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, key)
  )`,

  // Configuration integrity for the unit tree; the group is what quotas are counted per.
  `ALTER TABLE units ADD COLUMN unit_group text`,
  `ALTER TABLE units ADD CONSTRAINT units_kind_fk FOREIGN KEY (kind) REFERENCES unit_kinds(code)`,
];

const down_statements = [
  `ALTER TABLE units DROP CONSTRAINT units_kind_fk`,
  `ALTER TABLE units DROP COLUMN unit_group`,
  `DROP TABLE idempotency_keys`,
  `DROP TRIGGER criteria_set_versions_immutable ON criteria_set_versions`,
  `DROP TABLE audit_log`,
  `DROP FUNCTION lantoa_refuse_change()`,
  `DROP TABLE corrective_actions`,
  `DROP TABLE inspection_findings`,
  `DROP TABLE inspections`,
  `DROP TABLE golden_book_entries`,
  `DROP TABLE commendations`,
  `DROP TABLE council_decisions`,
  `DROP TABLE round_results`,
  `DROP TABLE scorecards`,
  `DROP TABLE reviewer_assignments`,
  `DROP TABLE round_models`,
  `DROP TABLE rounds`,
  `DROP TABLE criteria_set_versions`,
  `DROP FUNCTION lantoa_refuse_published_change()`,
  `DROP TABLE criteria_sets`,
  `DROP TABLE replications`,
  `DROP TABLE evidence`,
  `DROP TABLE indicator_values`,
  `DROP TABLE model_targets`,
  `DROP TABLE indicators`,
  `DROP TABLE model_status_history`,
  `DROP TABLE models`,
  `DROP TABLE sessions`,
  `DROP TABLE role_assignments`,
  `DROP TABLE users`,
  `DROP TABLE fields`,
  `DROP TABLE unit_kinds`,
  `DROP TABLE levels`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of up_statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const statement of down_statements) await sql.raw(statement).execute(db);
}
