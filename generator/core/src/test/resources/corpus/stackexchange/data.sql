-- colsync test corpus: generated, deterministic data for the Stack Exchange model (see NOTICE.md).
-- Runs after schema.sql. No random(), no clock: values are arithmetic over generate_series.

-- The Community user (id -1, as in the dump) and users 1..799.
INSERT INTO stackexchange.users (id, reputation, creation_date, display_name, last_access_date, website_url,
                                 location, about_me, views, up_votes, down_votes, account_id)
VALUES (-1, 1, timestamp '2008-07-31 00:00:00', 'Community', timestamp '2008-08-26 00:00:00',
        'https://meta.stackexchange.com/', 'on the server farm',
        '<p>A background process, not a person: it owns community wiki posts and tidies up after everyone.</p>',
        0, 5000, 20000, -1);

INSERT INTO stackexchange.users (id, reputation, creation_date, display_name, last_access_date, website_url,
                                 location, about_me, views, up_votes, down_votes, account_id)
SELECT u,
       CASE WHEN u % 10 = 0 THEN 1 + (u * 7919) % 50000 ELSE 1 + (u * 31) % 2000 END,
       timestamp '2012-03-01 09:00:00' + u * interval '2 days 7 hours' + ((u * 137) % 3600) * interval '1 second',
       CASE WHEN u % 6 = 0 THEN 'user' || (100000 + u * 13)
            ELSE (ARRAY['Alice', 'Bogdan', 'Chandra', 'Dmitri', 'Elena', 'Farid', 'Greta', 'Hiroshi', 'Ines',
                        'Jonas', 'Kwame', 'Lucia', 'Mikko', 'Noor', 'Olivier', 'Paulina', 'Rafael', 'Sanne'])
                     [1 + (u * 7) % 18]
                 || CASE WHEN u % 3 = 0 THEN ''
                         ELSE ' ' || (ARRAY['Andersen', 'Brennan', 'Costa', 'Dubois', 'Eze', 'Fischer', 'Gupta',
                                            'Hall', 'Ivanova', 'Jensen', 'Kim', 'Lopez', 'O''Neill'])[1 + (u * 5) % 13]
                    END
       END,
       timestamp '2024-06-01 12:00:00' - ((u * 13) % 900) * interval '1 day' - ((u * 7) % 86400) * interval '1 second',
       CASE WHEN u % 3 = 0 THEN 'https://example.com/~u' || u ELSE NULL END,
       CASE WHEN u % 4 = 0 THEN NULL
            ELSE (ARRAY['Berlin, Germany', 'Lagos, Nigeria', 'Pune, India', 'Toronto, ON, Canada', 'Sao Paulo, Brazil',
                        'Krakow, Poland', 'Seattle, WA', 'Tokyo, Japan', 'Melbourne, Australia'])[1 + u % 9] END,
       CASE WHEN u % 5 = 0 THEN NULL
            ELSE '<p>' || (ARRAY['Backend developer who likes databases.', 'I write Java for a living.',
                                 'Data engineer; SQL all day.', 'Student, learning PostgreSQL.',
                                 'DBA by accident, developer by choice.'])[1 + u % 5] || '</p>' END,
       (u * 37) % 5000,
       (u * 11) % 900,
       (u * 3) % 60,
       1000000 + u * 7
FROM generate_series(1, 799) AS u;

-- Posts 1..2000: ids n with n % 5 in (1, 3) are questions (800), the others answers (1200).
-- Questions first (answer_count, accepted_answer_id and comment_count are filled in below).
INSERT INTO stackexchange.posts (id, post_type_id, creation_date, score, view_count, body, owner_user_id,
                                 last_editor_user_id, last_edit_date, last_activity_date, title, tags,
                                 favorite_count, closed_date, community_owned_date, content_license)
SELECT n, 1, created,
       (n * 7) % 40 - 5,
       20 + (n * 7919) % 20000,
       '<p>' || verb || ' ' || thing || ' in ' || stack || '?</p>'
           || CASE WHEN n % 3 = 0 THEN '<pre><code>SELECT id, title FROM posts WHERE id = ' || n || ';</code></pre>'
                   ELSE '<p>I have tried the documentation but it did not help.</p>' END,
       CASE WHEN n % 23 = 0 THEN NULL ELSE 1 + (n * 7) % 799 END,
       CASE WHEN n % 4 = 0 THEN 1 + (n * 11) % 799 ELSE NULL END,
       CASE WHEN n % 4 = 0 THEN created + ((n * 97) % 500 + 1) * interval '1 hour' ELSE NULL END,
       created + ((n * 53) % 2000 + 10) * interval '1 hour',
       verb || ' ' || thing || ' in ' || stack || '?',
       (SELECT string_agg('<' || (ARRAY['postgresql', 'java', 'sql', 'jdbc', 'spring-boot', 'database-migration',
                                         'indexing', 'plpgsql', 'python', 'performance', 'json', 'triggers',
                                         'postgresql-14', 'hibernate', 'flyway', 'liquibase', 'jpa', 'docker',
                                         'kotlin', 'query-optimization'])[1 + (n * 7 + k * 5) % 20] || '>',
                          '' ORDER BY k)
        FROM generate_series(0, (n * 3) % 4) AS k),
       CASE WHEN n % 3 = 0 THEN (n * 7) % 50 ELSE NULL END,
       CASE WHEN n % 40 = 11 THEN created + interval '2 days' ELSE NULL END,
       CASE WHEN n % 200 = 1 THEN created + interval '30 days' ELSE NULL END,
       CASE WHEN created < timestamp '2018-05-02 00:00:00' THEN 'CC BY-SA 3.0' ELSE 'CC BY-SA 4.0' END
FROM (
    SELECT n,
           timestamp '2018-01-01 06:00:00' + n * interval '26 hours' + ((n * 7919) % 3600) * interval '1 second'
               AS created,
           (ARRAY['How do I rename', 'How to change the type of', 'Why is it slow to update', 'How can I backfill',
                  'What is the safest way to drop', 'How to index'])[1 + n % 6] AS verb,
           (ARRAY['a column', 'a jsonb field', 'a foreign key column', 'a timestamp column', 'a large table',
                  'an enum column', 'a generated column'])[1 + (n * 3) % 7] AS thing,
           (ARRAY['PostgreSQL 14', 'Spring Boot with JPA', 'a Flyway migration', 'plain JDBC', 'PostgreSQL 16',
                  'a partitioned table'])[1 + (n * 5) % 6] AS stack
    FROM generate_series(1, 2000) AS n
    WHERE n % 5 IN (1, 3)
) q;

-- Answers: each answers one of the six questions before it (the earliest ones: question 1).
INSERT INTO stackexchange.posts (id, post_type_id, parent_id, creation_date, score, body, owner_user_id,
                                 last_editor_user_id, last_edit_date, last_activity_date, content_license)
SELECT a.n, 2, a.parent, c.created,
       (a.n * 11) % 30 - 3,
       '<p>' || (ARRAY['Add the new column first, copy the data in batches, then switch reads.',
                       'Use a trigger to keep both columns in sync while the old code still runs.',
                       'This takes an ACCESS EXCLUSIVE lock; run it in a quiet window or avoid it.',
                       'Create the index CONCURRENTLY before adding the constraint.',
                       'Add the constraint NOT VALID and validate it in a second step.'])[1 + a.n % 5] || '</p>',
       CASE WHEN a.n % 19 = 0 THEN NULL ELSE 1 + (a.n * 13) % 799 END,
       CASE WHEN a.n % 6 = 0 THEN 1 + (a.n * 17) % 799 ELSE NULL END,
       CASE WHEN a.n % 6 = 0 THEN c.created + ((a.n * 29) % 300 + 1) * interval '1 hour' ELSE NULL END,
       c.created + ((a.n * 31) % 900 + 1) * interval '1 hour',
       CASE WHEN c.created < timestamp '2018-05-02 00:00:00' THEN 'CC BY-SA 3.0' ELSE 'CC BY-SA 4.0' END
FROM (
    -- question m (0-based) has id 5 * (m / 2) + (1 or 3); m is counted back from the last question before n
    SELECT n, 5 * (m / 2) + CASE m % 2 WHEN 0 THEN 1 ELSE 3 END AS parent
    FROM (SELECT n,
                 greatest(2 * ((n - 1) / 5) + (CASE WHEN (n - 1) % 5 >= 1 THEN 1 ELSE 0 END)
                          + (CASE WHEN (n - 1) % 5 >= 3 THEN 1 ELSE 0 END) - 1 - (n * 7) % 6, 0) AS m
          FROM generate_series(1, 2000) AS n
          WHERE n % 5 NOT IN (1, 3)) k
) a
JOIN stackexchange.posts q ON q.id = a.parent
CROSS JOIN LATERAL (SELECT q.creation_date + ((a.n * 37) % 4000 + 3) * interval '1 minute' AS created) c;

-- Answer counts, and for questions whose id is not a multiple of 3 the first answer is accepted.
UPDATE stackexchange.posts q
SET answer_count = (SELECT count(*) FROM stackexchange.posts a WHERE a.parent_id = q.id),
    accepted_answer_id = CASE WHEN q.id % 3 <> 0
                              THEN (SELECT min(a.id) FROM stackexchange.posts a WHERE a.parent_id = q.id) END
WHERE q.post_type_id = 1;

-- Comments; every seventeenth is by a deleted user, known by display name only.
INSERT INTO stackexchange.comments (id, post_id, score, text, creation_date, user_display_name, user_id)
SELECT c.c, p.id,
       CASE WHEN c.c % 4 = 0 THEN (c.c * 7) % 15 ELSE 0 END,
       left((ARRAY['Which version of PostgreSQL are you on?', 'Thanks, this worked for me.',
                   'Could you add the table definition to the question?', 'Possible duplicate of an older question.',
                   'This is not safe under concurrent writes.', 'Did you run ANALYZE afterwards?',
                   '+1, the batching trick saved us hours.'])[1 + c.c % 7]
            || CASE WHEN c.c % 50 = 0
                    THEN ' ' || repeat('Also note that the lock is held until the transaction commits. ', 12)
                    ELSE '' END, 600),
       p.creation_date + ((c.c * 53) % 10000 + 1) * interval '1 minute',
       CASE WHEN c.c % 17 = 0 THEN 'user' || (c.c * 31) % 100000 ELSE NULL END,
       CASE WHEN c.c % 17 = 0 THEN NULL ELSE 1 + (c.c * 29) % 799 END
FROM generate_series(1, 1500) AS c (c)
JOIN stackexchange.posts p ON p.id = 1 + (c.c * c.c + c.c * 3) % 2000;

UPDATE stackexchange.posts p
SET comment_count = (SELECT count(*) FROM stackexchange.comments c WHERE c.post_id = p.id);

-- Badges: every twentieth gold, every fifth silver, the rest bronze; every seventh is a tag badge.
INSERT INTO stackexchange.badges (id, user_id, name, date, class, tag_based)
SELECT b,
       1 + (b * 13) % 799,
       CASE WHEN b % 7 = 0
            THEN (ARRAY['postgresql', 'java', 'sql', 'jdbc', 'spring-boot', 'plpgsql', 'indexing'])[1 + (b / 7) % 7]
            WHEN b % 20 = 0 THEN (ARRAY['Famous Question', 'Great Answer', 'Populist', 'Fanatic', 'Legendary'])[1 + (b / 20) % 5]
            WHEN b % 5 = 0 THEN (ARRAY['Good Answer', 'Yearling', 'Enthusiast', 'Necromancer', 'Guru'])[1 + (b / 5) % 5]
            ELSE (ARRAY['Student', 'Teacher', 'Supporter', 'Editor', 'Autobiographer', 'Scholar', 'Critic',
                        'Commentator', 'Nice Answer', 'Popular Question'])[1 + b % 10] END,
       timestamp '2019-01-01 00:00:00' + ((b * 7919) % 2190) * interval '1 day' + ((b * 37) % 86400) * interval '1 second',
       CASE WHEN b % 20 = 0 THEN 1 WHEN b % 5 = 0 THEN 2 ELSE 3 END,
       b % 7 = 0
FROM generate_series(1, 600) AS b;

-- Votes 2019-01-01 .. 2024-12-31. Vote types: 1 accepted, 2 up, 3 down, 5 favorite, 6 close,
-- 8 bounty start, 9 bounty close, 10 deletion, 16 approved edit. The dump gives user_id only for
-- favorites and bounty starts, and bounty_amount only for bounty votes (here: three in four of them).
INSERT INTO stackexchange.votes (id, post_id, vote_type_id, user_id, creation_date, bounty_amount)
SELECT v, 1 + (v * 11) % 2000, vt,
       CASE WHEN vt IN (5, 8) THEN 1 + (v * 17) % 799 ELSE NULL END,
       date '2019-01-01' + (v * 1097) % 2192,
       CASE WHEN vt IN (8, 9) AND v % 4 <> 0 THEN (ARRAY[50, 100, 150, 200, 250, 300, 500])[1 + v % 7] ELSE NULL END
FROM (
    SELECT v,
           (CASE WHEN (v * 7) % 100 < 55 THEN 2
                 WHEN (v * 7) % 100 < 70 THEN 3
                 WHEN (v * 7) % 100 < 76 THEN 1
                 WHEN (v * 7) % 100 < 84 THEN 5
                 WHEN (v * 7) % 100 < 88 THEN 8
                 WHEN (v * 7) % 100 < 92 THEN 9
                 WHEN (v * 7) % 100 < 95 THEN 10
                 WHEN (v * 7) % 100 < 97 THEN 6
                 ELSE 16 END)::smallint AS vt
    FROM generate_series(1, 2000) AS v
) x;
