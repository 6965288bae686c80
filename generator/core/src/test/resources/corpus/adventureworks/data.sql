-- colsync test corpus: generated, deterministic data for the AdventureWorks model (see NOTICE.md).
-- Runs after schema.sql. No random(), no clock: values are arithmetic over generate_series, text and
-- uuids come from md5(). Keys are given explicitly and the serial sequences advanced at the end.

INSERT INTO production.productcategory (productcategoryid, name, rowguid, modifieddate)
SELECT c.id, c.name, md5('productcategory:' || c.id)::uuid, timestamp '2008-04-30 00:00:00'
FROM (VALUES (1, 'Bikes'), (2, 'Components'), (3, 'Clothing'), (4, 'Accessories')) AS c (id, name);

INSERT INTO production.productsubcategory (productsubcategoryid, productcategoryid, name, rowguid, modifieddate)
SELECT s.id, s.category, s.name, md5('productsubcategory:' || s.id)::uuid, timestamp '2008-04-30 00:00:00'
FROM (VALUES (1, 1, 'Mountain Bikes'), (2, 1, 'Road Bikes'), (3, 1, 'Touring Bikes'),
             (4, 2, 'Handlebars'), (5, 2, 'Brakes'), (6, 2, 'Chains'), (7, 2, 'Cranksets'), (8, 2, 'Forks'),
             (9, 2, 'Pedals'), (10, 2, 'Wheels'),
             (11, 3, 'Caps'), (12, 3, 'Gloves'), (13, 3, 'Jerseys'), (14, 3, 'Shorts'), (15, 3, 'Socks'),
             (16, 4, 'Bottles and Cages'), (17, 4, 'Helmets'), (18, 4, 'Lights'), (19, 4, 'Locks'),
             (20, 4, 'Tires and Tubes')) AS s (id, category, name);

-- Product i (1..500). Every sixth is a raw part with no subcategory (not a finished good, list price 0,
-- as in the original). List prices have 2 decimals, or 3 (every 13th) or 4 with a half cent
-- (every 7th), so that conversions to whole cents have to round; a few are 0.
INSERT INTO production.product (productid, name, productnumber, makeflag, finishedgoodsflag, color,
                                safetystocklevel, reorderpoint, standardcost, listprice, size, weight,
                                daystomanufacture, productline, class, style, productsubcategoryid,
                                sellstartdate, sellenddate, discontinueddate, rowguid, modifieddate)
SELECT i,
       CASE WHEN sub IS NULL
            THEN (ARRAY['Adjustable Race', 'Bearing Ball', 'Hex Nut', 'Lock Washer', 'Thin-Jam Nut', 'Flat Washer',
                        'Chainring Bolts', 'Decal', 'Seat Stays', 'Spokes'])[1 + i % 10] || ' ' || (100 + i)
            ELSE (ARRAY['Mountain', 'Road', 'Touring', 'Handlebar', 'Brake', 'Chain', 'Crankset', 'Fork', 'Pedal',
                        'Wheel', 'Cap', 'Gloves', 'Jersey', 'Shorts', 'Socks', 'Bottle Cage', 'Helmet', 'Light',
                        'Lock', 'Tire'])[sub] || '-' || (100 + i)
                 || coalesce(' ' || color, '') || coalesce(', ' || size, '')
       END,
       CASE WHEN sub IS NULL THEN 'RP' ELSE (ARRAY['BK', 'BK', 'BK', 'HB', 'BR', 'CH', 'CS', 'FK', 'PD', 'WH',
                                                   'CA', 'GL', 'JR', 'SH', 'SO', 'BC', 'HL', 'LT', 'LK', 'TT'])[sub]
       END || '-' || upper(substr(md5('productnumber:' || i), 1, 4)) || '-' || lpad(i::text, 3, '0'),
       i % 4 <> 1,
       sub IS NOT NULL,
       color,
       safety,
       (safety * 3 / 4)::smallint,
       round(listprice * 0.5873, 4),
       listprice,
       size,
       CASE WHEN category = 1 THEN 18 + (i % 80) / 5.0
            WHEN category = 2 AND i % 3 <> 0 THEN 100 + (i * 7) % 900 + (i % 4) * 0.25
            ELSE NULL END,
       CASE category WHEN 1 THEN 4 WHEN 2 THEN 1 ELSE 0 END,
       CASE WHEN category = 1 THEN (ARRAY['M ', 'R ', 'T '])[sub]
            WHEN category = 2 THEN (ARRAY['M ', 'R '])[1 + i % 2]
            WHEN category IN (3, 4) THEN 'S '
            ELSE NULL END,
       CASE WHEN category IS NULL THEN NULL
            WHEN category = 1 THEN (ARRAY['L ', 'M ', 'H '])[1 + i % 3]
            WHEN i % 4 = 0 THEN NULL
            ELSE (ARRAY['L ', 'M ', 'H '])[1 + i % 3] END,
       CASE WHEN category = 1 THEN (ARRAY['U ', 'W '])[1 + i % 2]
            WHEN category = 3 THEN (ARRAY['U ', 'W ', 'M '])[1 + i % 3]
            ELSE NULL END,
       sub,
       sellstart,
       CASE WHEN i % 5 = 0 THEN sellstart + interval '1 year' + (i % 30) * interval '1 day' ELSE NULL END,
       CASE WHEN i % 50 = 0 THEN sellstart + interval '13 months' ELSE NULL END,
       md5('product:' || i)::uuid,
       timestamp '2014-02-08 10:01:36.827'
FROM (
    SELECT i, sub, category, color, size,
           (ARRAY[4, 100, 500, 800, 1000])[1 + i % 5]::smallint AS safety,
           (ARRAY[timestamp '2008-04-30 00:00:00', timestamp '2011-05-31 00:00:00',
                  timestamp '2012-05-30 00:00:00', timestamp '2013-05-30 00:00:00'])[1 + i % 4] AS sellstart,
           CASE i WHEN 1 THEN 0
                  WHEN 2 THEN 49.99
                  WHEN 3 THEN 3578.27
                  WHEN 4 THEN 2.29
                  WHEN 5 THEN 1431.50
                  ELSE CASE WHEN sub IS NULL OR i % 25 = 0 THEN 0.00
                            WHEN i % 7 = 0 THEN round(cents / 100.0 + 0.005, 4)
                            WHEN i % 13 = 0 THEN round(cents / 1000.0 + 0.001, 3)
                            ELSE round(cents / 100.0, 2) END
           END AS listprice
    FROM (
        SELECT i, sub, category,
               CASE WHEN i % 6 = 0 OR i % 11 = 0 THEN NULL
                    ELSE (ARRAY['Black', 'Silver', 'Red', 'White', 'Blue', 'Multi', 'Yellow', 'Grey',
                                'Silver/Black'])[1 + (i * 5) % 9] END AS color,
               CASE WHEN category = 1 THEN (ARRAY['38', '40', '42', '44', '48', '52', '56', '58', '60', '62'])[1 + i % 10]
                    WHEN category = 3 THEN (ARRAY['S', 'M', 'L', 'XL'])[1 + i % 4]
                    ELSE NULL END AS size,
               CASE WHEN category = 1 THEN 50000 + (i * 7919) % 350000
                    ELSE 200 + (i * 7919) % 30000 END AS cents
        FROM (
            SELECT i, sub, CASE WHEN sub IS NULL THEN NULL WHEN sub <= 3 THEN 1 WHEN sub <= 10 THEN 2
                                WHEN sub <= 15 THEN 3 ELSE 4 END AS category
            FROM (SELECT i, CASE WHEN i % 6 = 0 THEN NULL ELSE 1 + (i * 7) % 20 END AS sub
                  FROM generate_series(1, 500) AS i) a
        ) b
    ) c
) d;

-- One to three of the original's locations per product.
INSERT INTO production.productinventory (productid, locationid, shelf, bin, quantity, rowguid, modifieddate)
SELECT i,
       (ARRAY[1, 5, 6, 7, 10, 50, 60])[1 + (i + 2 * k) % 7]::smallint,
       CASE WHEN i % 17 = 0 THEN 'N/A' ELSE chr(65 + (i + k) % 25) END,
       ((i * 7 + k * 3) % 62)::smallint,
       ((i * 37 + k * 101) % 1000)::smallint,
       md5('productinventory:' || i || ':' || k)::uuid,
       timestamp '2014-08-08 00:00:00' - (i % 30) * interval '1 day'
FROM generate_series(1, 500) AS i
CROSS JOIN LATERAL generate_series(0, i % 3) AS k;

-- 300 reviews; every fifteenth has no comments. The trigger fills comments_tsv.
INSERT INTO production.productreview (productreviewid, productid, reviewername, reviewdate, emailaddress,
                                      rating, comments, modifieddate)
SELECT j,
       1 + (j * 37) % 500,
       reviewer,
       reviewdate,
       lower(replace(reviewer, ' ', '.')) || j || '@'
           || (ARRAY['adventure-works.com', 'fourthcoffee.com', 'contoso.com', 'example.net'])[1 + j % 4],
       1 + (j * 7) % 5,
       CASE WHEN j % 15 = 0 THEN NULL
            ELSE (ARRAY['I ride this every weekend.', 'Bought it for my daily commute.',
                        'Replaced the one that came with my bike.', 'Used it on a two-week touring trip.',
                        'My first purchase from this shop.', 'Got it as a gift last spring.'])[1 + j % 6]
                 || ' ' ||
                 (ARRAY['It is light and well made.', 'Assembly took longer than expected.',
                        'The finish scratched after a month.', 'Shifting feels crisp and precise.',
                        'It fits exactly as described.', 'Braking in the rain is much better now.',
                        'The instructions were hard to follow.'])[1 + (j * 3) % 7]
                 || ' ' ||
                 (ARRAY['Would buy again.', 'Not worth the price.', 'Highly recommended for beginners.',
                        'Good value overall.', 'I expected more durability.'])[1 + (j * 5) % 5]
                 || CASE WHEN j % 4 = 0
                         THEN ' ' || repeat('After several hundred miles it still performs well. ', 1 + j % 5)
                         ELSE '' END
       END,
       reviewdate
FROM (
    SELECT j,
           (ARRAY['John Smith', 'David Ortiz', 'Jill Nakamura', 'Laura Norman', 'Ravi Patel', 'Mei Chen',
                  'Carlos Ruiz', 'Anna Kowalski', 'Tom O''Brien', 'Fatima Zahra', 'Lars Nilsson', 'Grace Obi'])
               [1 + (j * 5) % 12] AS reviewer,
           timestamp '2013-09-18 00:00:00' + j * interval '1 day 3 hours' AS reviewdate
    FROM generate_series(1, 300) AS j
) r;

-- 800 orders from 2011-05-31 on; every fourth is a reseller (offline) order with a purchase order
-- number. Totals are filled in from the lines below.
INSERT INTO sales.salesorderheader (salesorderid, revisionnumber, orderdate, duedate, shipdate, status,
                                    onlineorderflag, purchaseordernumber, accountnumber, customerid,
                                    subtotal, taxamt, freight, comment, rowguid, modifieddate)
SELECT 43658 + k,
       8,
       orderdate,
       orderdate + interval '12 days',
       CASE WHEN status = 5 THEN orderdate + interval '7 days' ELSE NULL END,
       status,
       online,
       CASE WHEN online THEN NULL ELSE 'PO' || (100000000 + (k * 7919) % 900000000) END,
       '10-4020-' || lpad(customerid::text, 6, '0'),
       customerid,
       0.00, 0.00, 0.00,
       CASE WHEN k % 40 = 0 THEN 'Deliver to the loading dock, order ' || (43658 + k) ELSE NULL END,
       md5('salesorderheader:' || k)::uuid,
       orderdate + interval '7 days'
FROM (
    SELECT k,
           timestamp '2011-05-31 00:00:00' + (k * 17 / 10) * interval '1 day' AS orderdate,
           (CASE WHEN k > 780 THEN 1 + k % 4 WHEN k % 97 = 0 THEN 6 ELSE 5 END)::smallint AS status,
           k % 4 <> 0 AS online,
           CASE WHEN k % 4 <> 0 THEN 11000 + (k * 97) % 1800 ELSE 29480 + (k * 13) % 300 END AS customerid
    FROM generate_series(1, 800) AS k
) h;

-- One to five lines per order (2400 lines), numbered 1.. across all orders. Raw parts are not sold.
INSERT INTO sales.salesorderdetail (salesorderid, salesorderdetailid, carriertrackingnumber, orderqty, productid,
                                    specialofferid, unitprice, unitpricediscount, rowguid, modifieddate)
SELECT 43658 + l.k,
       row_number() OVER (ORDER BY l.k, l.line),
       CASE WHEN l.k % 4 = 0
            THEN upper(substr(md5('ctn:' || l.k), 1, 4) || '-' || substr(md5('ctn:' || l.k), 5, 4) || '-'
                       || substr(md5('ctn:' || l.k), 9, 2))
            ELSE NULL END,
       (1 + (l.k * 3 + l.line * 5) % 12)::smallint,
       p.productid,
       CASE (l.k + l.line) % 10 WHEN 0 THEN 2 WHEN 5 THEN 3 ELSE 1 END,
       CASE WHEN l.k % 4 <> 0 THEN p.listprice ELSE round(p.listprice * 0.6, 4) END,
       CASE (l.k + l.line) % 10 WHEN 0 THEN 0.10 WHEN 5 THEN 0.02 ELSE 0.00 END,
       md5('salesorderdetail:' || l.k || ':' || l.line)::uuid,
       h.orderdate
FROM (
    SELECT k, line, 1 + (k * 13 + line * 71) % 500 AS pid
    FROM generate_series(1, 800) AS k
    CROSS JOIN LATERAL generate_series(1, 1 + (k * 7) % 5) AS line
) l
JOIN production.product p ON p.productid = l.pid + (CASE WHEN l.pid % 6 = 0 THEN 1 ELSE 0 END)
JOIN sales.salesorderheader h ON h.salesorderid = 43658 + l.k;

UPDATE sales.salesorderheader h
SET subtotal = t.subtotal,
    taxamt = round(t.subtotal * 0.08, 4),
    freight = round(t.subtotal * 0.025, 4)
FROM (SELECT salesorderid, round(sum(orderqty * unitprice * (1 - unitpricediscount)), 4) AS subtotal
      FROM sales.salesorderdetail
      GROUP BY salesorderid) t
WHERE t.salesorderid = h.salesorderid;

-- Advance every serial past the rows above, so that inserts using the defaults work.
DO $$
BEGIN
    PERFORM setval(pg_get_serial_sequence('production.productcategory', 'productcategoryid'),
                   (SELECT max(productcategoryid) FROM production.productcategory));
    PERFORM setval(pg_get_serial_sequence('production.productsubcategory', 'productsubcategoryid'),
                   (SELECT max(productsubcategoryid) FROM production.productsubcategory));
    PERFORM setval(pg_get_serial_sequence('production.product', 'productid'),
                   (SELECT max(productid) FROM production.product));
    PERFORM setval(pg_get_serial_sequence('production.productreview', 'productreviewid'),
                   (SELECT max(productreviewid) FROM production.productreview));
    PERFORM setval(pg_get_serial_sequence('sales.salesorderheader', 'salesorderid'),
                   (SELECT max(salesorderid) FROM sales.salesorderheader));
    PERFORM setval(pg_get_serial_sequence('sales.salesorderdetail', 'salesorderdetailid'),
                   (SELECT max(salesorderdetailid) FROM sales.salesorderdetail));
END
$$;
