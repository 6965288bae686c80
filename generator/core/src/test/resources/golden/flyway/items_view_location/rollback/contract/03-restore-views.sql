-- colsync items_view_location: rollback of contract / create the views that read the column again, as they were.
-- One transaction; CREATE OR REPLACE VIEW keeps each view's columns, grants and owner, and takes
-- ACCESS EXCLUSIVE on the view (not on the table) for milliseconds.
SET LOCAL lock_timeout = '2000ms';
SET LOCAL statement_timeout = '30000ms';
SET LOCAL search_path = pg_catalog, "shop", pg_temp;
CREATE OR REPLACE VIEW "shop"."items_view" WITH (security_barrier = true, check_option = 'cascaded') AS
SELECT i.id,
    i.path,
    shop.path_depth(i.path) AS depth,
    'path'::text AS label
   FROM shop.items i
  WHERE i.path <> 'p1'::text;
CREATE OR REPLACE VIEW "shop"."Items & Codes" AS
SELECT items.id,
    items.path,
    c.path AS code_path
   FROM shop.items
     JOIN shop.codes c ON c.code = items.path;
