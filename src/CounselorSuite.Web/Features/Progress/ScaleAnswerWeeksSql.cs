using CounselorSuite.Web.Features.Exercises;

namespace CounselorSuite.Web.Features.Progress;

/// <summary>
/// The triggers that keep scale_answer_weeks equal to the weekly totals of scale_answers
/// (docs/decisions/0003-progress-rollups.md). Inserts add to their weeks; deletes and updates, which the app
/// never makes but cascades could, recompute the weeks they touched from the answers that remain. The
/// functions run as the caller, so row-level security applies to them as to the statement that fired them.
/// </summary>
public static class ScaleAnswerWeeksSql
{
    /// <summary>
    /// A week is an ISO week in UTC; a value is (raw − min) / (max − min) × 100 in double precision, as
    /// Normalisation.ToPercent computes it.
    /// </summary>
    public const string Install = """
        CREATE OR REPLACE FUNCTION scale_answer_weeks_add() RETURNS trigger LANGUAGE plpgsql AS $fn$
        BEGIN
          INSERT INTO scale_answer_weeks AS w (practice_id, client_id, case_id, dimension, week_of, answers, value_sum, first_at, last_at)
          SELECT n.practice_id, n.client_id, n.case_id, n.dimension, date_trunc('week', n.answered_at AT TIME ZONE 'UTC')::date,
                 count(*), sum((n.raw_value - n.min)::float8 / (n.max - n.min) * 100), min(n.answered_at), max(n.answered_at)
          FROM new_rows n
          WHERE n.dimension IS NOT NULL
          GROUP BY 1, 2, 3, 4, 5
          -- Every writer takes the week rows' locks in the same order, so concurrent submissions cannot deadlock.
          ORDER BY 1, 2, 3, 4, 5
          ON CONFLICT (practice_id, client_id, case_id, dimension, week_of) DO UPDATE
            SET answers = w.answers + excluded.answers,
                value_sum = w.value_sum + excluded.value_sum,
                first_at = least(w.first_at, excluded.first_at),
                last_at = greatest(w.last_at, excluded.last_at);
          RETURN NULL;
        END $fn$;

        CREATE OR REPLACE FUNCTION scale_answer_weeks_recompute(p_practice uuid, p_client uuid, p_case uuid, p_dimension varchar, p_week date)
        RETURNS void LANGUAGE sql AS $fn$
          DELETE FROM scale_answer_weeks
          WHERE practice_id = p_practice AND client_id = p_client AND case_id = p_case AND dimension = p_dimension AND week_of = p_week;
          INSERT INTO scale_answer_weeks (practice_id, client_id, case_id, dimension, week_of, answers, value_sum, first_at, last_at)
          SELECT p_practice, p_client, p_case, p_dimension, p_week,
                 count(*), sum((a.raw_value - a.min)::float8 / (a.max - a.min) * 100), min(a.answered_at), max(a.answered_at)
          FROM scale_answers a
          WHERE a.practice_id = p_practice AND a.client_id = p_client AND a.case_id = p_case AND a.dimension = p_dimension
            AND a.answered_at >= p_week::timestamp AT TIME ZONE 'UTC' AND a.answered_at < (p_week + 7)::timestamp AT TIME ZONE 'UTC'
          HAVING count(*) > 0;
        $fn$;

        CREATE OR REPLACE FUNCTION scale_answer_weeks_remove() RETURNS trigger LANGUAGE plpgsql AS $fn$
        DECLARE k record;
        BEGIN
          FOR k IN SELECT DISTINCT o.practice_id, o.client_id, o.case_id, o.dimension, date_trunc('week', o.answered_at AT TIME ZONE 'UTC')::date AS week_of
                   FROM old_rows o WHERE o.dimension IS NOT NULL ORDER BY 1, 2, 3, 4, 5 LOOP
            PERFORM scale_answer_weeks_recompute(k.practice_id, k.client_id, k.case_id, k.dimension, k.week_of);
          END LOOP;
          RETURN NULL;
        END $fn$;

        CREATE OR REPLACE FUNCTION scale_answer_weeks_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
        DECLARE k record;
        BEGIN
          FOR k IN SELECT practice_id, client_id, case_id, dimension, date_trunc('week', answered_at AT TIME ZONE 'UTC')::date AS week_of
                   FROM old_rows WHERE dimension IS NOT NULL
                   UNION
                   SELECT practice_id, client_id, case_id, dimension, date_trunc('week', answered_at AT TIME ZONE 'UTC')::date
                   FROM new_rows WHERE dimension IS NOT NULL
                   ORDER BY 1, 2, 3, 4, 5 LOOP
            PERFORM scale_answer_weeks_recompute(k.practice_id, k.client_id, k.case_id, k.dimension, k.week_of);
          END LOOP;
          RETURN NULL;
        END $fn$;

        DROP TRIGGER IF EXISTS scale_answers_weeks_insert ON scale_answers;
        CREATE TRIGGER scale_answers_weeks_insert AFTER INSERT ON scale_answers
          REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION scale_answer_weeks_add();
        DROP TRIGGER IF EXISTS scale_answers_weeks_delete ON scale_answers;
        CREATE TRIGGER scale_answers_weeks_delete AFTER DELETE ON scale_answers
          REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION scale_answer_weeks_remove();
        DROP TRIGGER IF EXISTS scale_answers_weeks_update ON scale_answers;
        CREATE TRIGGER scale_answers_weeks_update AFTER UPDATE ON scale_answers
          REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION scale_answer_weeks_change();
        """;

    /// <summary>
    /// Fills the roll-ups from the answers already there (also what a bulk load that bypasses triggers runs
    /// afterwards, as bench/CounselorSuite.Seed.Scale does). Needs a role row-level security does not
    /// filter (the installation's owner connection is a superuser in every script here).
    /// </summary>
    public const string Backfill = """
        INSERT INTO scale_answer_weeks (practice_id, client_id, case_id, dimension, week_of, answers, value_sum, first_at, last_at)
        SELECT a.practice_id, a.client_id, a.case_id, a.dimension, date_trunc('week', a.answered_at AT TIME ZONE 'UTC')::date,
               count(*), sum((a.raw_value - a.min)::float8 / (a.max - a.min) * 100), min(a.answered_at), max(a.answered_at)
        FROM scale_answers a
        WHERE a.dimension IS NOT NULL
        GROUP BY 1, 2, 3, 4, 5
        ON CONFLICT (practice_id, client_id, case_id, dimension, week_of) DO NOTHING;
        """;

    public const string Uninstall = """
        DROP TRIGGER IF EXISTS scale_answers_weeks_insert ON scale_answers;
        DROP TRIGGER IF EXISTS scale_answers_weeks_delete ON scale_answers;
        DROP TRIGGER IF EXISTS scale_answers_weeks_update ON scale_answers;
        DROP FUNCTION IF EXISTS scale_answer_weeks_add();
        DROP FUNCTION IF EXISTS scale_answer_weeks_remove();
        DROP FUNCTION IF EXISTS scale_answer_weeks_change();
        DROP FUNCTION IF EXISTS scale_answer_weeks_recompute(uuid, uuid, uuid, varchar, date);
        """;
}
