namespace CounselorSuite.Migrations.Citus;

/// <summary>
/// The weekly roll-up triggers (ScaleAnswerWeeksSql, decision 0003) as row triggers, for Citus. The
/// single-node triggers run once per statement over its transition table; on Citus a shard's trigger runs
/// on the worker, where the INSERT ... SELECT FROM the transition table into the distributed roll-up table
/// fails ("could not find named tuplestore"). A row trigger writes one row with VALUES instead, a router
/// query to the colocated roll-up shard on the same worker. Same results: inserts add to their week,
/// deletes and updates recompute the weeks they touched (scale_answer_weeks_recompute, unchanged).
/// Installed by the migrator after every run on Citus, so it wins over any migration that reinstalls the
/// statement triggers.
/// </summary>
public static class CitusRollupTriggers
{
    public const string Install = """
        -- The same recomputation as the single node's SQL function, in PL/pgSQL: Citus cannot plan a
        -- distributed statement that uses a SQL function's parameters.
        CREATE OR REPLACE FUNCTION scale_answer_weeks_recompute(p_practice uuid, p_client uuid, p_case uuid, p_dimension varchar, p_week date)
        RETURNS void LANGUAGE plpgsql AS $fn$
        BEGIN
          DELETE FROM scale_answer_weeks
          WHERE practice_id = p_practice AND client_id = p_client AND case_id = p_case AND dimension = p_dimension AND week_of = p_week;
          INSERT INTO scale_answer_weeks (practice_id, client_id, case_id, dimension, week_of, answers, value_sum, first_at, last_at)
          SELECT p_practice, p_client, p_case, p_dimension, p_week,
                 count(*), sum((a.raw_value - a.min)::float8 / (a.max - a.min) * 100), min(a.answered_at), max(a.answered_at)
          FROM scale_answers a
          WHERE a.practice_id = p_practice AND a.client_id = p_client AND a.case_id = p_case AND a.dimension = p_dimension
            AND a.answered_at >= p_week::timestamp AT TIME ZONE 'UTC' AND a.answered_at < (p_week + 7)::timestamp AT TIME ZONE 'UTC'
          HAVING count(*) > 0;
        END $fn$;

        CREATE OR REPLACE FUNCTION scale_answer_weeks_add_row() RETURNS trigger LANGUAGE plpgsql AS $fn$
        BEGIN
          IF NEW.dimension IS NOT NULL THEN
            INSERT INTO scale_answer_weeks AS w (practice_id, client_id, case_id, dimension, week_of, answers, value_sum, first_at, last_at)
            VALUES (NEW.practice_id, NEW.client_id, NEW.case_id, NEW.dimension, date_trunc('week', NEW.answered_at AT TIME ZONE 'UTC')::date,
                    1, (NEW.raw_value - NEW.min)::float8 / (NEW.max - NEW.min) * 100, NEW.answered_at, NEW.answered_at)
            ON CONFLICT (practice_id, client_id, case_id, dimension, week_of) DO UPDATE
              SET answers = w.answers + excluded.answers,
                  value_sum = w.value_sum + excluded.value_sum,
                  first_at = least(w.first_at, excluded.first_at),
                  last_at = greatest(w.last_at, excluded.last_at);
          END IF;
          RETURN NULL;
        END $fn$;

        CREATE OR REPLACE FUNCTION scale_answer_weeks_change_row() RETURNS trigger LANGUAGE plpgsql AS $fn$
        BEGIN
          IF TG_OP IN ('DELETE', 'UPDATE') AND OLD.dimension IS NOT NULL THEN
            PERFORM scale_answer_weeks_recompute(OLD.practice_id, OLD.client_id, OLD.case_id, OLD.dimension,
              date_trunc('week', OLD.answered_at AT TIME ZONE 'UTC')::date);
          END IF;
          IF TG_OP = 'UPDATE' AND NEW.dimension IS NOT NULL THEN
            PERFORM scale_answer_weeks_recompute(NEW.practice_id, NEW.client_id, NEW.case_id, NEW.dimension,
              date_trunc('week', NEW.answered_at AT TIME ZONE 'UTC')::date);
          END IF;
          RETURN NULL;
        END $fn$;

        DROP TRIGGER IF EXISTS scale_answers_weeks_insert ON scale_answers;
        DROP TRIGGER IF EXISTS scale_answers_weeks_delete ON scale_answers;
        DROP TRIGGER IF EXISTS scale_answers_weeks_update ON scale_answers;
        DROP TRIGGER IF EXISTS scale_answers_weeks_insert_row ON scale_answers;
        CREATE TRIGGER scale_answers_weeks_insert_row AFTER INSERT ON scale_answers
          FOR EACH ROW EXECUTE FUNCTION scale_answer_weeks_add_row();
        DROP TRIGGER IF EXISTS scale_answers_weeks_change_row ON scale_answers;
        CREATE TRIGGER scale_answers_weeks_change_row AFTER UPDATE OR DELETE ON scale_answers
          FOR EACH ROW EXECUTE FUNCTION scale_answer_weeks_change_row();
        """;
}
