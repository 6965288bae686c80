package dev.colsync.core.corpus;

import static dev.colsync.core.corpus.SampleDatabase.ADVENTUREWORKS;
import static dev.colsync.core.corpus.SampleDatabase.EMPLOYEES;
import static dev.colsync.core.corpus.SampleDatabase.STACKEXCHANGE;

import java.util.List;

/**
 * The changes of the real-schema corpus: what teams do to these sample databases — widen a key many
 * tables reference, rename a column views and triggers read, move a price to cents, a free-text field
 * to an enum or an array, a local timestamp to one with a time zone — on tables with domains, enums,
 * partitions, self-references and triggers of their own.
 */
final class Corpus {
  private static final String[] COLORS = {"Black", "Silver", "Red", "White", "Blue", "Multi", "Yellow", "Grey",
      "Silver/Black"};
  private static final String NEW_EMPLOYEE = "INSERT INTO employees.employee (emp_no, birth_date, first_name,"
      + " last_name, gender, hire_date) VALUES (:n, DATE '1980-01-01', 'New', 'Hire', 'F', DATE '2024-01-01')";
  private static final String A_PRODUCT = "(SELECT min(productid) FROM production.product)";
  /** What scaffold's note advises for a trigger that fires on every UPDATE: let the backfill's updates be. */
  private static final String BACKFILL_GUARD = " IF coalesce(current_setting('colsync.backfill', true), '') <> ''"
      + " THEN RETURN NEW; END IF;";
  private static final String GUARDED_MODIFIEDDATE = "CREATE OR REPLACE FUNCTION production.set_modifieddate()"
      + " RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN" + BACKFILL_GUARD + " NEW.modifieddate := now(); RETURN NEW;"
      + " END $$";
  /**
   * Products after the first 200 (which the applications own) and not inserted by them (those start
   * selling in 2024) are written by no application: their modified time must stay.
   */
  private static final String UNTOUCHED_PRODUCTS_STAMPED = "SELECT count(*) FROM production.product"
      + " WHERE productid > (SELECT productid FROM production.product ORDER BY productid OFFSET 199 LIMIT 1)"
      + " AND sellstartdate < TIMESTAMP '2024-01-01' AND %s <> TIMESTAMP '2014-02-08 10:01:36.827'";

  private Corpus() {}

  static List<CorpusChange> changes() {
    return List.of(
        // employees
        CorpusChange.inPlace("employee_emp_no_bigint", EMPLOYEES, "employees.employee", "emp_no", "bigint",
                "emp_no::bigint", "emp_no::integer")
            .inserting("WITH e AS (" + NEW_EMPLOYEE + " RETURNING emp_no),"
                + " d AS (INSERT INTO employees.dept_emp (emp_no, dept_no, from_date, to_date)"
                + "   SELECT emp_no, 'd005', DATE '2024-01-01', DATE '9999-01-01' FROM e),"
                + " s AS (INSERT INTO employees.salary (emp_no, amount, from_date, to_date)"
                + "   SELECT emp_no, 60000, DATE '2024-01-01', DATE '9999-01-01' FROM e)"
                + " SELECT emp_no FROM e")
            .touching("last_name"),
        CorpusChange.inPlace("department_dept_no_varchar", EMPLOYEES, "employees.department", "dept_no",
                "varchar(8)", "dept_no::varchar(8)", "dept_no::char(4)")
            .inserting("INSERT INTO employees.department (dept_no, dept_name) VALUES"
                + " ('n' || lpad((:n % 1000)::text, 3, '0'), 'Department ' || :n) RETURNING dept_no")
            .touching("dept_name"),
        CorpusChange.retype("employee_gender_code", EMPLOYEES, "employees.employee", "gender", "gender_code", "text",
                "gender::text", "gender_code::employees.employee_gender")
            .inserting("INSERT INTO employees.employee (emp_no, birth_date, first_name, last_name, :column, hire_date)"
                + " VALUES (:n, DATE '1985-05-05', 'Ins', 'Erted', :value, DATE '2024-02-01') RETURNING emp_no")
            .updating(Values.oneOf("M", "F"), Values.oneOf("M", "F")),
        CorpusChange.rename("employee_hired_on", EMPLOYEES, "employees.employee", "hire_date", "hired_on")
            .inserting("INSERT INTO employees.employee (emp_no, birth_date, first_name, last_name, gender, :column)"
                + " VALUES (:n, DATE '1985-05-05', 'Ins', 'Erted', 'M', :value) RETURNING emp_no")
            .updating(Values.dates(1985, 2000), Values.dates(1985, 2000)),
        CorpusChange.inPlace("salary_amount_numeric", EMPLOYEES, "employees.salary", "amount", "numeric(12,2)",
                "amount::numeric(12,2)", "round(amount)::integer")
            .inserting("INSERT INTO employees.salary (emp_no, amount, from_date, to_date) VALUES"
                + " (10001 + :n % 1000, :value, DATE '2030-01-01' + (:n)::integer, DATE '9999-01-01')"
                + " RETURNING emp_no, from_date")
            .updating(Values.integers(40_000, 150_000), null)
            .touching("to_date"),
        CorpusChange.rename("title_job_title", EMPLOYEES, "employees.title", "title", "job_title")
            .inserting("INSERT INTO employees.title (emp_no, :column, from_date, to_date) VALUES (10001 + :n % 1000,"
                + " 'Title ' || :n, DATE '2030-01-01', NULL) RETURNING emp_no, :column, from_date")
            .touching("to_date"),
        CorpusChange.rename("title_end_date", EMPLOYEES, "employees.title", "to_date", "end_date")
            .updating(Values.dates(2000, 2030), Values.dates(2000, 2030))
            .touching("from_date"),
        CorpusChange.inPlace("employee_first_name_widen", EMPLOYEES, "employees.employee", "first_name",
                "varchar(50)", "first_name::varchar(50)", "first_name::varchar(14)")
            .inserting("INSERT INTO employees.employee (emp_no, birth_date, first_name, last_name, gender, hire_date)"
                + " VALUES (:n, DATE '1990-01-01', :value, 'Widen', 'M', DATE '2024-03-01') RETURNING emp_no")
            .updating(Values.words("Ann"), null),
        CorpusChange.rename("department_dept_code", EMPLOYEES, "employees.department", "dept_no", "dept_code")
            .inserting("WITH d AS (INSERT INTO employees.department (:column, dept_name) VALUES"
                + " ('n' || lpad((:n % 1000)::text, 3, '0'), 'Department ' || :n) RETURNING :column),"
                + " e AS (INSERT INTO employees.dept_emp (emp_no, dept_no, from_date, to_date)"
                + "   SELECT 10001 + :n % 1000, :column, DATE '2024-01-01', DATE '9999-01-01' FROM d)"
                + " SELECT :column FROM d")
            .touching("dept_name"),
        CorpusChange.rename("department_name", EMPLOYEES, "employees.department", "dept_name", "name")
            .inserting("INSERT INTO employees.department (dept_no, :column) VALUES"
                + " ('n' || lpad((:n % 1000)::text, 3, '0'), :value) RETURNING dept_no")
            .updating(Values.words("Dept"), Values.words("Dept")),

        // AdventureWorks
        CorpusChange.inPlace("product_productid_bigint", ADVENTUREWORKS, "production.product", "productid", "bigint",
                "productid::bigint", "productid::integer")
            .setup(GUARDED_MODIFIEDDATE)
            .holds(String.format(UNTOUCHED_PRODUCTS_STAMPED, "modifieddate"))
            .inserting("WITH p AS (INSERT INTO production.product (name, productnumber, safetystocklevel, reorderpoint,"
                + " standardcost, listprice, daystomanufacture, sellstartdate, rowguid) VALUES ('Product ' || :n,"
                + " 'PN-' || :n, 100, 75, 10, 19.99, 1, TIMESTAMP '2024-01-01', md5(:n::text)::uuid) RETURNING productid),"
                + " i AS (INSERT INTO production.productinventory (productid, locationid, shelf, bin, quantity, rowguid)"
                + "   SELECT productid, 1, 'A', 1, 5, md5('inventory' || :n)::uuid FROM p)"
                + " SELECT productid FROM p")
            .touching("color"),
        CorpusChange.retype("product_list_price_cents", ADVENTUREWORKS, "production.product", "listprice",
                "list_price_cents", "bigint", "round(listprice * 100)::bigint", "list_price_cents / 100.0")
            .setup(GUARDED_MODIFIEDDATE)
            .holds(String.format(UNTOUCHED_PRODUCTS_STAMPED, "modifieddate"))
            .inserting("INSERT INTO production.product (name, productnumber, safetystocklevel, reorderpoint,"
                + " standardcost, :column, daystomanufacture, sellstartdate, rowguid) VALUES ('Product ' || :n,"
                + " 'PN-' || :n, 100, 75, 10, :value, 1, TIMESTAMP '2024-01-01', md5(:n::text)::uuid) RETURNING productid")
            .updating(Values.decimals(0, 5000, 2), Values.integers(0, 500_000))
            .touching("color"),
        CorpusChange.rename("product_product_name", ADVENTUREWORKS, "production.product", "name", "product_name")
            .inserting("INSERT INTO production.product (:column, productnumber, safetystocklevel, reorderpoint,"
                + " standardcost, listprice, daystomanufacture, sellstartdate, rowguid) VALUES (:value,"
                + " 'PN-' || :n, 100, 75, 10, 1, 1, TIMESTAMP '2024-01-01', md5(:n::text)::uuid) RETURNING productid")
            .updating(Values.words("Bike"), Values.words("Bike")),
        CorpusChange.rename("product_modified_at", ADVENTUREWORKS, "production.product", "modifieddate", "modified_at")
            .updating(Values.timestamps(), Values.timestamps())
            .touching("color")
            .setByTrigger()
            .refusedUntil(List.of("trigger product_modifieddate uses the column"),
                // What the refusal advises: a trigger function that handles both columns.
                "CREATE OR REPLACE FUNCTION production.set_modifieddate() RETURNS trigger LANGUAGE plpgsql AS"
                    + " $$ BEGIN" + BACKFILL_GUARD + " NEW := jsonb_populate_record(NEW,"
                    + " jsonb_build_object('modifieddate', now(), 'modified_at', now())); RETURN NEW; END $$")
            .holds(String.format(UNTOUCHED_PRODUCTS_STAMPED, "modified_at")),
        CorpusChange.rename("productreview_review_text", ADVENTUREWORKS, "production.productreview", "comments",
                "review_text")
            .inserting("INSERT INTO production.productreview (productid, reviewername, emailaddress, rating, :column)"
                + " VALUES (" + A_PRODUCT + ", 'Reviewer ' || :n, 'r' || :n || '@example.com', 4, :value)"
                + " RETURNING productreviewid")
            .updating(Values.words("Great bike"), Values.words("Great bike"))
            .touching("rating")
            .holds("SELECT count(*) FROM production.productreview WHERE comments_tsv IS DISTINCT FROM"
                + " to_tsvector('pg_catalog.english', coalesce(review_text, ''))")
            .refusedUntil(List.of("trigger productreview_comments_tsv uses the column"),
                "CREATE FUNCTION production.productreview_tsv() RETURNS trigger LANGUAGE plpgsql AS $$"
                    + " DECLARE written jsonb := to_jsonb(NEW); source text; BEGIN"
                    + " IF TG_OP = 'UPDATE' AND (written -> 'comments') IS DISTINCT FROM (to_jsonb(OLD) -> 'comments')"
                    + " THEN source := written ->> 'comments';"
                    + " ELSE source := coalesce(written ->> 'review_text', written ->> 'comments'); END IF;"
                    + " NEW.comments_tsv := to_tsvector('pg_catalog.english', coalesce(source, '')); RETURN NEW; END $$",
                "DROP TRIGGER productreview_comments_tsv ON production.productreview",
                "CREATE TRIGGER productreview_comments_tsv BEFORE INSERT OR UPDATE ON production.productreview"
                    + " FOR EACH ROW EXECUTE FUNCTION production.productreview_tsv()"),
        CorpusChange.retype("product_color_code", ADVENTUREWORKS, "production.product", "color", "color_code",
                "production.product_color", "color::production.product_color", "color_code::text")
            .setup("CREATE TYPE production.product_color AS ENUM ('Black', 'Silver', 'Red', 'White', 'Blue', 'Multi',"
                + " 'Yellow', 'Grey', 'Silver/Black')")
            .updating(Values.oneOf(COLORS), Values.oneOf(COLORS))
            .touching("size"),
        CorpusChange.inPlace("salesorderheader_orderdate_tz", ADVENTUREWORKS, "sales.salesorderheader", "orderdate",
                "timestamptz", "orderdate AT TIME ZONE 'UTC'", "orderdate AT TIME ZONE 'UTC'")
            .inserting("INSERT INTO sales.salesorderheader (:column, duedate, customerid, rowguid) VALUES"
                + " (:value, TIMESTAMP '2024-02-01', 11000 + :n % 100, md5(:n::text)::uuid) RETURNING salesorderid")
            .updating(Values.timestamps(), null)
            .touching("comment"),
        CorpusChange.rename("salesorderheader_po_number", ADVENTUREWORKS, "sales.salesorderheader",
                "purchaseordernumber", "po_number")
            .inserting("INSERT INTO sales.salesorderheader (duedate, customerid, rowguid, :column) VALUES"
                + " (TIMESTAMP '2024-02-01', 11000, md5(:n::text)::uuid, :value) RETURNING salesorderid")
            .updating(Values.words("PO"), Values.words("PO")),
        CorpusChange.inPlace("salesorderheader_id_bigint", ADVENTUREWORKS, "sales.salesorderheader", "salesorderid",
                "bigint", "salesorderid::bigint", "salesorderid::integer")
            .inserting("WITH h AS (INSERT INTO sales.salesorderheader (duedate, customerid, rowguid) VALUES"
                + " (TIMESTAMP '2024-02-01', 11000, md5(:n::text)::uuid) RETURNING salesorderid),"
                + " d AS (INSERT INTO sales.salesorderdetail (salesorderid, orderqty, productid, unitprice, rowguid)"
                + "   SELECT salesorderid, 1, " + A_PRODUCT + ", 9.99, md5('detail' || :n)::uuid FROM h)"
                + " SELECT salesorderid FROM h")
            .touching("comment"),
        CorpusChange.rename("salesorderdetail_unit_price", ADVENTUREWORKS, "sales.salesorderdetail", "unitprice",
                "unit_price")
            .setup(GUARDED_MODIFIEDDATE)
            .holds("SELECT count(*) FROM sales.salesorderdetail WHERE salesorderdetailid BETWEEN 1000 AND 2400"
                + " AND modifieddate >= TIMESTAMP '2025-01-01'")
            .inserting("INSERT INTO sales.salesorderdetail (salesorderid, orderqty, productid, :column, rowguid) VALUES"
                + " ((SELECT min(salesorderid) FROM sales.salesorderheader), 1, " + A_PRODUCT + ", :value,"
                + " md5('detail' || :n)::uuid) RETURNING salesorderid, salesorderdetailid")
            .updating(Values.decimals(1, 500, 2), Values.decimals(1, 500, 2))
            .touching("orderqty"),

        // Stack Exchange
        CorpusChange.inPlace("posts_id_bigint", STACKEXCHANGE, "stackexchange.posts", "id", "bigint", "id::bigint",
                "id::integer")
            .inserting("WITH q AS (INSERT INTO stackexchange.posts (id, post_type_id, creation_date, score, title, tags,"
                + " owner_user_id) VALUES (:n, 1, TIMESTAMP '2024-06-01', 0, 'Question ' || :n, '<postgresql>',"
                + " (SELECT min(id) FROM stackexchange.users)) RETURNING id),"
                + " a AS (INSERT INTO stackexchange.posts (id, post_type_id, parent_id, creation_date, score, body)"
                + "   SELECT id + 5000000, 2, id, TIMESTAMP '2024-06-02', 0, 'An answer' FROM q),"
                + " c AS (INSERT INTO stackexchange.comments (id, post_id, text, creation_date)"
                + "   SELECT id, id, 'A comment', TIMESTAMP '2024-06-03' FROM q)"
                + " SELECT id FROM q")
            .touching("score"),
        CorpusChange.inPlace("users_id_bigint", STACKEXCHANGE, "stackexchange.users", "id", "bigint", "id::bigint",
                "id::integer")
            .inserting("WITH u AS (INSERT INTO stackexchange.users (id, reputation, creation_date, display_name) VALUES"
                + " (:n, 1, TIMESTAMP '2024-01-01', 'user' || :n) RETURNING id),"
                + " b AS (INSERT INTO stackexchange.badges (id, user_id, name, date, class)"
                + "   SELECT id, id, 'Autobiographer', TIMESTAMP '2024-01-02', 3 FROM u)"
                + " SELECT id FROM u")
            .touching("reputation"),
        CorpusChange.retype("posts_tag_list", STACKEXCHANGE, "stackexchange.posts", "tags", "tag_list", "text[]",
                "string_to_array(btrim(tags, '<>'), '><')", "'<' || array_to_string(tag_list, '><') || '>'")
            .inserting("INSERT INTO stackexchange.posts (id, post_type_id, creation_date, title, :column) VALUES"
                + " (:n, 1, TIMESTAMP '2024-06-01', 'Q ' || :n, :value) RETURNING id")
            .updating(Values.tagLists(false), Values.tagLists(true))
            .touching("score"),
        CorpusChange.rename("comments_body", STACKEXCHANGE, "stackexchange.comments", "text", "body")
            .inserting("INSERT INTO stackexchange.comments (id, post_id, :column, creation_date) VALUES"
                + " (:n, (SELECT min(id) FROM stackexchange.posts), :value, TIMESTAMP '2024-06-01') RETURNING id")
            .updating(Values.words("Nice"), Values.words("Nice"))
            .touching("score"),
        CorpusChange.rename("votes_vote_type", STACKEXCHANGE, "stackexchange.votes", "vote_type_id", "vote_type")
            .inserting("INSERT INTO stackexchange.votes (id, post_id, :column, creation_date) VALUES"
                + " (:n, 1, :value, DATE '2019-01-01' + (:n % 2000)::integer) RETURNING id, creation_date")
            .updating(Values.integers(1, 16), Values.integers(1, 16))
            .touching("user_id"),
        CorpusChange.retype("badges_badge_class", STACKEXCHANGE, "stackexchange.badges", "class", "badge_class",
                "stackexchange.badge_class",
                "(CASE class WHEN 1 THEN 'gold' WHEN 2 THEN 'silver' WHEN 3 THEN 'bronze' END)::stackexchange.badge_class",
                "CASE badge_class WHEN 'gold' THEN 1 WHEN 'silver' THEN 2 WHEN 'bronze' THEN 3 END")
            .setup("CREATE TYPE stackexchange.badge_class AS ENUM ('gold', 'silver', 'bronze')")
            .inserting("INSERT INTO stackexchange.badges (id, user_id, name, date, :column) VALUES"
                + " (:n, (SELECT min(id) FROM stackexchange.users), 'Teacher', TIMESTAMP '2024-01-01', :value) RETURNING id")
            .updating(Values.oneOf("1", "2", "3"), Values.oneOf("gold", "silver", "bronze"))
            .touching("name"),
        CorpusChange.retype("users_created_at", STACKEXCHANGE, "stackexchange.users", "creation_date", "created_at",
                "timestamptz", "creation_date AT TIME ZONE 'UTC'", "created_at AT TIME ZONE 'UTC'")
            .inserting("INSERT INTO stackexchange.users (id, reputation, :column, display_name) VALUES"
                + " (:n, 1, :value, 'user' || :n) RETURNING id")
            .updating(Values.timestamps(), Values.timestamps())
            .touching("reputation"),
        CorpusChange.retype("votes_bounty", STACKEXCHANGE, "stackexchange.votes", "bounty_amount", "bounty",
                "numeric(10,2)", "bounty_amount::numeric(10,2)", "round(bounty)::integer")
            .inserting("INSERT INTO stackexchange.votes (id, post_id, vote_type_id, creation_date, :column) VALUES"
                + " (:n, 1, 8, DATE '2019-01-01' + (:n % 2000)::integer, :value) RETURNING id, creation_date")
            // Until contract the old column still holds what N writes, so N writes whole amounts (colsync
            // refuses a write the old column cannot hold unchanged: the columns would disagree).
            .updating(Values.integers(0, 500), Values.integers(0, 500))
            .touching("user_id"));
  }
}
